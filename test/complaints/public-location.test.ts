import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../support/db";
import { startComplaints, testClock, type Harness } from "./helpers";

// Monday 9 November 2026, 09:00 Shanghai: an ordinary working week.
const START = "2026-11-09T01:00:00Z";
// A doorstep in 西宁市城东区, to the metre; the public may learn the district, nothing finer.
const LAT = 36.6612345;
const LNG = 101.7612345;
/** The point at any precision down to ~10 km: "36.6", "36.66…", "101.7", "101.76…". */
const POINT = /36\.6|101\.7/;

/**
 * Issue 16, defect 13: the public complaint feeds published coordinates (36.66 / 101.76) while
 * the address was cut to the district. Every public view of a ticket filed with an exact point —
 * Open311 JSON and XML, one request and the list, the public JSON and HTML pages — shows the
 * district and no coordinates; staff still see the point.
 */
describe.each(testDbKinds())("public complaint views reveal no more than the district (%s)", (db) => {
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

  const get = async (path: string) => {
    const res = await fetch(h.service.url + path);
    expect(res.status, path).toBe(200);
    return res.text();
  };
  const act = async (ref: string, action: string, body: object = {}) => expect((await h.staff("POST", `/api/v1/admin/complaints/${ref}/${action}`, body)).status).toBe(200);

  it("withholds the coordinates in Open311 and /complaints/public, keeps them for staff", async () => {
    const post = await fetch(`${h.service.url}/open311/v2/requests.json`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ api_key: apiKey, service_code: "QH-001", description: "人行道地砖大面积松动，老人容易绊倒", address_string: "西宁市城东区八一路12号", lat: String(LAT), long: String(LNG) }),
    });
    expect(post.status).toBe(201);
    const viaOpen311 = (((await post.json()) as any[])[0].service_request_id) as string;

    // A mini-program ticket the citizen agreed to publish, answered and marked of public interest.
    const published = await h.fileFromMiniProgram({ text: "楼下饭店油烟直排，窗户都不敢开", address: "西宁市城东区八一路25号", lat: LAT, lng: LNG, publicationConsent: true });
    for (const [action, body] of [["sign", {}], ["progress", { note: "已现场检查" }], ["reply", { replyText: "已责令饭店安装油烟净化设备" }], ["publish", { publicInterest: true }]] as const) await act(published, action, body);

    for (const id of [viaOpen311, published]) {
      const [one] = JSON.parse(await get(`/open311/v2/requests/${id}.json`)) as any[];
      expect(one).toMatchObject({ service_request_id: id, address: "西宁市城东区", lat: null, long: null });
      const xml = await get(`/open311/v2/requests/${id}.xml`);
      expect(xml).toContain("<address>西宁市城东区</address>");
      expect(xml).toContain("<lat></lat><long></long>");
      expect(xml).not.toMatch(POINT);
    }
    const list = JSON.parse(await get("/open311/v2/requests.json")) as any[];
    expect(list.map((r) => r.service_request_id)).toEqual(expect.arrayContaining([viaOpen311, published]));
    for (const r of list) expect([r.lat, r.long]).toEqual([null, null]);

    const feed = await get("/api/v1/complaints/public");
    expect((JSON.parse(feed) as any).items).toEqual([expect.objectContaining({ ticketNo: published, district: "西宁市城东区" })]);
    const page = await get("/complaints/public");
    expect(page).toContain("西宁市城东区");
    for (const [view, body] of [["open311 list", JSON.stringify(list)], ["public JSON", feed], ["public page", page]]) {
      expect(body, view).not.toMatch(POINT);
      for (const street of ["八一路12号", "八一路25号"]) expect(body, view).not.toContain(street);
    }

    // Staff handle the ticket on the ground: they keep the exact point.
    for (const id of [viaOpen311, published]) expect((await h.staff("GET", `/api/v1/admin/complaints/${id}`)).json.location).toEqual({ lat: LAT, lng: LNG });
  });
});
