import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../support/db";
import { startComplaints, testClock, type Harness } from "./helpers";

// Monday 9 November 2026, 09:00 Shanghai.
const START = "2026-11-09T01:00:00Z";
const JURISDICTION = "xining.qh.gov.cn";
type Format = "json" | "xml";

/** The spec's XML: lists are a plural element of singular items; everything else is text. */
const ITEMS: Record<string, string> = { services: "service", service_requests: "request", errors: "error", attributes: "attribute", values: "value", endpoints: "endpoint", formats: "format" };
const parser = new XMLParser({ parseTagValue: false, isArray: (name) => Object.values(ITEMS).includes(name) });

/** An XML document as the JSON one would look with every scalar as text (null → ""), to compare the two. */
function unwrapXml(v: unknown, key = ""): unknown {
  const item = ITEMS[key];
  if (item) return v === "" ? [] : ((v as Record<string, unknown[]>)[item] ?? []).map((x) => unwrapXml(x));
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unwrapXml(x, k)]));
  return v;
}
const asText = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(asText) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, asText(x)])) : v === null ? "" : String(v);

/**
 * GeoReport v2 (wiki.open311.org/GeoReport_v2) and Service Discovery, walked as a client
 * walks them — discovery → services → a service definition → POST → GET by id and by the
 * list's filters — once in JSON and once in XML, and the two formats must say the same thing.
 */
describe.each(testDbKinds())("Open311 GeoReport v2 conformance (%s)", (db) => {
  let h: Harness;
  let apiKey: string;
  const clock = testClock(START);
  beforeAll(async () => {
    h = await startComplaints(db, { now: clock.now, env: { OPEN311_JURISDICTION_ID: JURISDICTION, PUBLIC_BASE_URL: "https://zwfw.qinghai.gov.cn" } });
    apiKey = (await h.staff("POST", "/api/v1/admin/open311/keys", { name: "conformance client" })).json.key;
  });
  afterAll(async () => {
    await h?.service.stop();
  });

  /** A call as a client makes it: the document, parsed from JSON or XML into one shape. */
  async function call(format: Format, path: string, init?: RequestInit): Promise<{ status: number; doc: any }> {
    const res = await fetch(`${h.service.url}${path.replace("{f}", format)}`, init);
    const body = await res.text();
    if (format === "json") {
      expect(res.headers.get("content-type"), path).toContain("application/json");
      return { status: res.status, doc: JSON.parse(body) };
    }
    expect(res.headers.get("content-type"), path).toContain("text/xml");
    expect(body, path).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>/);
    const [root, value] = Object.entries(parser.parse(body)).find(([k]) => k !== "?xml")!;
    return { status: res.status, doc: { [root]: unwrapXml(value, root) } };
  }
  /** The same call in both formats: the XML must carry what the JSON does. */
  async function both(path: string, xmlRoot: string, init?: () => RequestInit): Promise<{ status: number; doc: any }> {
    const json = await call("json", path, init?.());
    const xml = await call("xml", path, init?.());
    expect(xml.status, path).toBe(json.status);
    expect(xml.doc[xmlRoot], path).toEqual(asText(json.doc));
    return json;
  }
  const post = (format: Format, fields: Record<string, string>, headers: Record<string, string> = {}) =>
    call(format, "/open311/v2/requests.{f}", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...headers }, body: new URLSearchParams({ api_key: apiKey, ...fields }) });
  const ids = (doc: any[]) => doc.map((r) => r.service_request_id).sort();

  it("discovery names the GeoReport v2 endpoint, its formats and the changeset", async () => {
    const { status, doc } = await both("/open311/discovery.{f}", "discovery");
    expect(status).toBe(200);
    expect(doc).toMatchObject({ changeset: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), contact: expect.any(String), key_service: expect.any(String) });
    expect(doc.endpoints).toEqual([
      { specification: "http://wiki.open311.org/GeoReport_v2", url: "https://zwfw.qinghai.gov.cn/open311/v2", changeset: doc.changeset, type: "production", formats: ["text/xml", "application/json"] },
    ]);
  });

  it.each(["json", "xml"] as const)("walks services → definition → POST → GET by id, with jurisdiction_id and media_url (%s)", async (format) => {
    const j = `jurisdiction_id=${JURISDICTION}`;
    const services = (await call(format, `/open311/v2/services.{f}?${j}`)).doc;
    const list = format === "json" ? services : services.services;
    expect(list).toHaveLength(7);
    const service = list.find((s: any) => s.service_code === "QH-005");
    expect(String(service.metadata)).toBe("true");

    const def = (await call(format, `/open311/v2/services/QH-005.{f}?${j}`)).doc;
    const definition = format === "json" ? def : def.service_definition;
    expect(definition.service_code).toBe("QH-005");
    const [kind] = definition.attributes;
    expect(kind).toMatchObject({ code: "kind", datatype: "singlevaluelist" });
    expect(kind.values.map((v: any) => v.key)).toEqual(["complaint", "help", "suggestion", "consultation"]);

    const media = `https://img.example.org/${format}/river.jpg`;
    const created = await post(format, { jurisdiction_id: JURISDICTION, service_code: "QH-005", description: "河道边堆满了建筑垃圾，希望尽快清理", address_string: "西宁市城北区朝阳西路", media_url: media, "attribute[kind]": "help" });
    expect(created.status).toBe(201);
    const [answer] = format === "json" ? created.doc : created.doc.service_requests;
    expect(Object.keys(answer).sort()).toEqual(["account_id", "service_notice", "service_request_id"]);
    const id = answer.service_request_id as string;

    const got = (await call(format, `/open311/v2/requests/${id}.{f}?${j}`)).doc;
    const [req] = format === "json" ? got : got.service_requests;
    expect(req).toMatchObject({ service_request_id: id, service_code: "QH-005", status: "open", media_url: media });
    const stored = await h.service.ctx.db.prisma.complaint.findUniqueOrThrow({ where: { ticketNo: id } });
    expect(stored).toMatchObject({ kind: "help", mediaUrl: media, channel: "open311" });
    // The staff member handling the ticket sees the link the client sent.
    expect((await h.staff("GET", `/api/v1/admin/complaints/${id}`)).json).toMatchObject({ channel: "open311", mediaUrl: media });
  });

  it("refuses a jurisdiction_id that is not ours with 404 in the spec's error format, on every call", async () => {
    for (const path of ["/open311/v2/services.{f}", "/open311/v2/services/QH-001.{f}", "/open311/v2/requests.{f}", "/open311/v2/requests/QH20261109000001.{f}"]) {
      const { status, doc } = await both(`${path}?jurisdiction_id=beijing.gov.cn`, "errors");
      expect(status, path).toBe(404);
      expect(doc, path).toEqual([{ code: 404, description: "jurisdiction_id beijing.gov.cn not found" }]);
    }
    const posted = await post("xml", { jurisdiction_id: "beijing.gov.cn", service_code: "QH-001", description: "道路坑洼很多需要修补", address_string: "西宁" });
    expect(posted).toEqual({ status: 404, doc: { errors: [{ code: "404", description: "jurisdiction_id beijing.gov.cn not found" }] } });
    // An empty one is a missing one: the single jurisdiction is served.
    expect((await call("json", "/open311/v2/services.{f}?jurisdiction_id=")).status).toBe(200);
  });

  it("takes an empty POST field as a missing one: lat= and long= are no coordinates (not 0, 0)", async () => {
    const r = await post("json", { service_code: "QH-002", description: "公司拖欠三个月工资不发", address_string: "西宁市城东区", lat: "", long: "", media_url: "", first_name: "" });
    expect(r.status).toBe(201);
    const stored = await h.service.ctx.db.prisma.complaint.findUniqueOrThrow({ where: { ticketNo: r.doc[0].service_request_id } });
    expect(stored).toMatchObject({ lat: null, lng: null, mediaUrl: null, contactNameEnc: null, contactConsent: false });
  });

  it("accepts only http(s) media_url links", async () => {
    for (const bad of ["javascript:alert(1)", "data:image/png;base64,AAAA", "ftp://example.org/a.jpg"]) {
      const r = await post("json", { service_code: "QH-001", description: "道路坑洼很多需要修补", address_string: "西宁", media_url: bad });
      expect(r.status, bad).toBe(400);
      expect(r.doc[0].description, bad).toContain("media_url");
    }
  });

  describe("GET requests filters", () => {
    const made: Record<string, string> = {};
    beforeAll(async () => {
      // Four requests a day apart: two 环境保护 (QH-005), two 城乡建设 (QH-001); one of each answered.
      const filed = [
        ["env1", "QH-005", "河边有人焚烧秸秆，浓烟很大"],
        ["build1", "QH-001", "小区楼道墙皮大面积脱落"],
        ["env2", "QH-005", "工厂夜间偷排污水到水渠"],
        ["build2", "QH-001", "老旧小区改造工程停工半年"],
      ] as const;
      for (const [name, code, description] of filed) {
        clock.advanceHours(24);
        const r = await post("json", { service_code: code, description, address_string: "西宁市城西区" });
        expect(r.status).toBe(201);
        made[name] = r.doc[0].service_request_id;
      }
      for (const name of ["env1", "build1"]) {
        expect((await h.staff("POST", `/api/v1/admin/complaints/${made[name]}/sign`)).status).toBe(200);
        expect((await h.staff("POST", `/api/v1/admin/complaints/${made[name]}/progress`, { note: "已联系责任单位" })).status).toBe(200);
        expect((await h.staff("POST", `/api/v1/admin/complaints/${made[name]}/reply`, { replyText: "已安排清理，感谢反映。" })).status).toBe(200);
      }
    });
    const list = async (query: string) => {
      const { status, doc } = await both(`/open311/v2/requests.{f}?${query}`, "service_requests");
      expect(status, query).toBe(200);
      return doc as any[];
    };
    const mine = (doc: any[]) => ids(doc).filter((id) => Object.values(made).includes(id));

    it("takes comma-delimited status and service_code values", async () => {
      expect(mine(await list("status=closed"))).toEqual([made.env1, made.build1].sort());
      expect(mine(await list("status=open,closed"))).toEqual(Object.values(made).sort());
      expect(mine(await list("service_code=QH-005&status=open"))).toEqual([made.env2]);
      expect(mine(await list("service_code=QH-005,QH-001&status=closed"))).toEqual([made.env1, made.build1].sort());
    });

    it("lets service_request_id (comma-delimited) override every other argument", async () => {
      const q = `service_request_id=${made.env1},${made.build2}&status=open&service_code=QH-003&start_date=2020-01-01T00:00:00Z&end_date=2020-01-02T00:00:00Z`;
      expect(ids(await list(q))).toEqual([made.env1, made.build2].sort());
    });

    it("treats an empty parameter as a missing one", async () => {
      expect(mine(await list("status=&service_code=&start_date=&end_date=&service_request_id="))).toEqual(Object.values(made).sort());
    });

    it("bounds requested_datetime by start_date and end_date, and refuses a range over 90 days", async () => {
      const day = (n: number) => new Date(new Date(START).getTime() + n * 86_400_000).toISOString();
      // env1 at day 1, build1 day 2, env2 day 3, build2 day 4.
      expect(mine(await list(`start_date=${day(2)}&end_date=${day(3)}`))).toEqual([made.build1, made.env2].sort());
      expect(mine(await list(`start_date=${day(3)}`))).toEqual([made.env2, made.build2].sort());
      expect(mine(await list(`end_date=${day(1)}`))).toEqual([made.env1]);
      const long = await both(`/open311/v2/requests.{f}?start_date=${day(-100)}&end_date=${day(1)}`, "errors");
      expect(long).toEqual({ status: 400, doc: [{ code: 400, description: "start_date and end_date may not span more than 90 days" }] });
      expect((await call("json", `/open311/v2/requests.{f}?start_date=${day(3)}&end_date=${day(1)}`)).status).toBe(400);
      expect((await call("json", "/open311/v2/requests.{f}?status=pending")).status).toBe(400);
    });

    it("applies the filters before the 1,000-row cap", async () => {
      // 1,000 newer open requests of another service: the cap must not hide the older closed ones.
      const now = clock.now();
      await h.service.ctx.db.prisma.complaint.createMany({
        data: Array.from({ length: 1000 }, (_, i) => ({
          ticketNo: `QH20261120${String(900000 + i)}`,
          kind: "complaint",
          text: "批量：人行道地砖松动",
          channel: "open311",
          category: "交通运输",
          status: "dispatched",
          createdAt: new Date(now.getTime() + (i + 1) * 1000),
          updatedAt: now,
        })),
      });
      clock.advanceHours(1);
      const all = await call("json", "/open311/v2/requests.{f}");
      expect(all.doc).toHaveLength(1000);
      expect(mine(await list("status=closed"))).toEqual([made.env1, made.build1].sort());
      expect(mine(await list("service_code=QH-001"))).toEqual([made.build1, made.build2].sort());
    });
  });
});
