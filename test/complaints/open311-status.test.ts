import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../support/db";
import { startComplaints, testClock, type Harness } from "./helpers";

// Monday 9 November 2026, 09:00 Shanghai: an ordinary working week.
const START = "2026-11-09T01:00:00Z";
const REPLY = "学校已在放学时段安排交警疏导，家长可拨打13912345678反映新问题。";

/**
 * GeoReport v2 (wiki.open311.org/GeoReport_v2) from a civic-tech client's side: POST a
 * request with an API key, then follow it by GET requests/{id} and tokens/{token}. The spec's
 * status is "open" or "closed"; status_notes explains the current status; updated_datetime is
 * when the request last changed ("for requests with status=closed, the date it was closed").
 */
describe.each(testDbKinds())("Open311 client following a request to its answer (%s)", (db) => {
  let h: Harness;
  let apiKey: string;
  const clock = testClock(START);
  beforeAll(async () => {
    h = await startComplaints(db, { now: clock.now });
    apiKey = (await h.staff("POST", "/api/v1/admin/open311/keys", { name: "城市随手拍" })).json.key;
  });
  afterAll(async () => {
    await h?.service.stop();
  });

  const base = () => `${h.service.url}/open311/v2`;
  const getJson = async (path: string) => {
    const res = await fetch(`${base()}/${path}`);
    expect(res.status).toBe(200);
    return (await res.json()) as any[];
  };
  const act = async (ref: string, action: string, body: object = {}) => expect((await h.staff("POST", `/api/v1/admin/complaints/${ref}/${action}`, body)).status).toBe(200);

  it("sees the staff reply as status closed with status_notes and a moved updated_datetime, in JSON and XML; the token resolves to the id", async () => {
    const post = await fetch(`${base()}/requests.json`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        api_key: apiKey,
        service_code: "QH-003",
        description: "学校门口放学时车辆乱停，孩子过马路很危险",
        address_string: "西宁市城西区胜利路12号",
        lat: "36.6276",
        long: "101.7656",
      }),
    });
    expect(post.status).toBe(201);
    const [created] = (await post.json()) as any[];
    const id = created.service_request_id as string;
    // The spec's POST answer carries service_request_id or token, not both: ours are realtime.
    expect(Object.keys(created).sort()).toEqual(["account_id", "service_notice", "service_request_id"]);

    // tokens/{token}: the id the request was given (the token is the ticket's id).
    const token = (await h.service.ctx.db.prisma.complaint.findUniqueOrThrow({ where: { ticketNo: id } })).id;
    expect(await getJson(`tokens/${token}.json`)).toEqual([{ service_request_id: id, token }]);
    const tokenXml = await fetch(`${base()}/tokens/${token}.xml`).then((r) => r.text());
    expect(tokenXml).toContain(`<service_requests><request><service_request_id>${id}</service_request_id><token>${token}</token></request></service_requests>`);

    const [open] = await getJson(`requests/${id}.json`);
    expect(open).toMatchObject({
      service_request_id: id,
      status: "open",
      status_notes: "已派单",
      service_code: "QH-003",
      service_name: "教育文体",
      agency_responsible: "青海省教育厅",
      requested_datetime: "2026-11-09T01:00:00.000Z",
      updated_datetime: "2026-11-09T01:00:00.000Z",
    });
    for (const field of ["description", "address", "address_id", "zipcode", "lat", "long", "media_url", "expected_datetime", "service_notice"]) expect(open).toHaveProperty(field);

    clock.advanceHours(2);
    await act(id, "sign");
    await act(id, "progress", { note: "已联系学校和交警" });
    clock.advanceHours(24);
    await act(id, "reply", { replyText: REPLY });

    const [answered] = await getJson(`requests/${id}.json`);
    expect(answered).toMatchObject({
      service_request_id: id,
      status: "closed",
      requested_datetime: "2026-11-09T01:00:00.000Z",
      updated_datetime: "2026-11-10T03:00:00.000Z",
    });
    // The feed is public: the reply is shown anonymised.
    expect(answered.status_notes).toBe("学校已在放学时段安排交警疏导，家长可拨打139****5678反映新问题。");
    const xml = await fetch(`${base()}/requests/${id}.xml`);
    expect(xml.headers.get("content-type")).toContain("xml");
    const text = await xml.text();
    expect(text).toContain(`<request><service_request_id>${id}</service_request_id><status>closed</status><status_notes>${answered.status_notes}</status_notes>`);
    expect(text).toContain("<updated_datetime>2026-11-10T03:00:00.000Z</updated_datetime>");

    expect((await getJson("requests.json?status=closed")).map((r) => r.service_request_id)).toContain(id);
    expect((await getJson("requests.json?status=open")).map((r) => r.service_request_id)).not.toContain(id);
  });

  it("shows a reopened request as open again, with the reopening — not the old answer — as its status_notes", async () => {
    const post = await fetch(`${base()}/requests.json`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ api_key: apiKey, service_code: "QH-007", description: "公交站牌被撞倒一直没人修", address_string: "西宁市城中区" }),
    });
    const id = (((await post.json()) as any[])[0].service_request_id) as string;
    await act(id, "sign");
    await act(id, "progress", { note: "已安排维修" });
    await act(id, "reply", { replyText: "站牌已修复" });
    expect((await getJson(`requests/${id}.json`))[0]).toMatchObject({ status: "closed", status_notes: "站牌已修复" });
    clock.advanceHours(3);
    await act(id, "reopen", { reason: "站牌又倒了" });
    const [reopened] = await getJson(`requests/${id}.json`);
    expect(reopened).toMatchObject({ status: "open", status_notes: "重办" });
    expect(reopened.updated_datetime).toBe(clock.now().toISOString());
  });
});
