import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleMessage, type ChatDeps } from "../../src/chat";
import { loadSession } from "../../src/chat/session";
import { testDbKinds } from "../support/db";
import { JPEG_BYTES, PNG_BYTES, WEBP_BYTES, startComplaints, type Harness } from "./helpers";

describe.each(testDbKinds())("complaint intake (%s)", (db) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startComplaints(db);
  });
  afterAll(async () => {
    await h?.service.stop();
  });

  describe("chat dialogue", () => {
    const errors: unknown[] = [];
    const session = (userId: string) => loadSession(h.service.ctx.store, "wechat", userId).then((l) => l.session);
    const chat = (userId: string) => {
      const deps = {
        catalog: {} as never,
        search: {} as never,
        questionLog: {} as never,
        store: h.service.ctx.store,
        config: { PUBLIC_BASE_URL: "http://x", HOTLINE: "12345" },
        commands: [h.cap.chatCommand],
        onError: (e: unknown) => errors.push(e),
      } satisfies ChatDeps;
      return async (text: string, messageId?: string) => {
        // As the WeChat adapter hands it over: a signed message, so the openid is verified.
        const r = await handleMessage(deps, { kind: "text", channel: "wechat", userId, verified: true, text, messageId, receivedAt: new Date() });
        return r.kind === "text" ? r.text : "";
      };
    };

    it("asks what, where, when and consent, then confirms with a committed ticket number", async () => {
      const say = chat("o_chat_1");
      expect(await say("我要投诉")).toContain("描述");
      expect(await say("小区门口垃圾堆了一个星期没人清理")).toContain("哪里");
      expect(await say("西宁市城西区五四大街12号")).toContain("什么时候");
      expect(await say("上周一开始")).toContain("联系");
      // Mid-dialogue, the saved session routes any reply to the complaint command.
      expect(h.cap.chatCommand.match("你好", await session("o_chat_1"))).toBe(true);
      expect(await say("13800138000")).toContain("请核对");
      const done = await say("确认");
      const ticketNo = /QH\d{14}/.exec(done)?.[0];
      expect(ticketNo, done).toBeDefined();
      expect(errors).toEqual([]);
      const c = await h.service.ctx.db.prisma.complaint.findUniqueOrThrow({ where: { ticketNo: ticketNo! } });
      expect(c).toMatchObject({ channel: "wechat", openid: "o_chat_1", address: "西宁市城西区五四大街12号", district: "西宁市城西区", occurredText: "上周一开始", contactConsent: true, category: "环境保护", status: "dispatched" });
      expect(c.contactPhoneEnc).not.toContain("13800138000");
      // The dialogue is over: the next message is not part of it.
      expect(h.cap.chatCommand.match("你好", await session("o_chat_1"))).toBe(false);
    });

    it("tells the citizen the reply on WeChat and takes the rating and a status query from chat", async () => {
      const say = chat("o_chat_4");
      await say("投诉 小区旁边饭店油烟直排");
      await say("西宁市城中区");
      await say("昨天");
      await say("否");
      const ticketNo = /QH\d{14}/.exec(await say("确认"))![0];
      for (const [a, b] of [["sign", {}], ["progress", { note: "已检查" }], ["reply", { replyText: "已责令安装净化设备" }]] as const) {
        expect((await h.staff("POST", `/api/v1/admin/complaints/${ticketNo}/${a}`, b)).status).toBe(200);
      }
      expect(h.notices.find((n) => n.fields.complaintNo === ticketNo)).toMatchObject({ oaOpenid: "o_chat_4" });
      expect(await say(`工单 ${ticketNo}`)).toContain("已责令安装净化设备");
      expect(await chat("o_someone_else")(`评价 ${ticketNo} 5`)).toContain("没有找到");
      expect(await say(`评价 ${ticketNo} 5`)).toContain("非常满意");
      expect(await say(`评价 ${ticketNo} 1`)).toContain("已评价过");
    });

    it("takes the text from '投诉 …', can be cancelled, and leaves questions about 投诉电话 to Q&A", async () => {
      const say = chat("o_chat_2");
      expect(await say("投诉 公交车司机态度恶劣还不让上车")).toContain("哪里");
      expect(await say("取消")).toContain("已取消");
      expect(h.cap.chatCommand.match("投诉电话是多少", await session("o_chat_2"))).toBe(false);
      expect(await h.service.ctx.db.prisma.complaint.count({ where: { openid: "o_chat_2" } })).toBe(0);
    });

    it("a double tap on the last answer creates one ticket", async () => {
      const say = chat("o_chat_3");
      await say("投诉 单位拖欠工资三个月了");
      await say("不清楚");
      await say("不清楚");
      await say("否");
      const [a, b] = await Promise.all([say("确认", "m1"), say("确认", "m2")]);
      const count = await h.service.ctx.db.prisma.complaint.count({ where: { openid: "o_chat_3" } });
      expect(count).toBe(1);
      expect(/QH\d{14}/.exec(a)?.[0] ?? /QH\d{14}/.exec(b)?.[0]).toBeDefined();
    });
  });

  describe("mini-program", () => {
    const post = async (token: string, form: FormData | object, key?: string) => {
      const isForm = form instanceof FormData;
      const res = await fetch(`${h.service.url}/api/v1/mp/complaints`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, ...(key ? { "idempotency-key": key } : {}), ...(isForm ? {} : { "content-type": "application/json" }) },
        body: isForm ? form : JSON.stringify(form),
      });
      return { status: res.status, json: (await res.json()) as any };
    };
    const form = (text: string, images: [Buffer, string, string][]) => {
      const f = new FormData();
      f.set("text", text);
      f.set("address", "西宁市城东区八一路");
      f.set("lat", "36.61");
      f.set("lng", "101.78");
      f.set("publicationConsent", "true");
      for (const [bytes, name, type] of images) f.append("images", new Blob([bytes], { type }), name);
      return f;
    };

    it("files with images (type from magic bytes), lists mine, shows detail; a retry with the same Idempotency-Key is the same ticket", async () => {
      const { token } = await h.mpToken();
      const r = await post(token, form("饭店油烟直排扰民，晚上尤其严重", [[PNG_BYTES, "a.png", "image/png"], [JPEG_BYTES, "b.jpg", "image/jpeg"], [WEBP_BYTES, "c.webp", "image/webp"]]), "tap-1");
      expect(r.status).toBe(201);
      expect(r.json).toMatchObject({ status: "dispatched", statusLabel: "已派单" });
      const again = await post(token, form("饭店油烟直排扰民，晚上尤其严重", []), "tap-1");
      expect(again.status).toBe(200);
      expect(again.json.ticketNo).toBe(r.json.ticketNo);
      const list = await fetch(`${h.service.url}/api/v1/mp/complaints`, { headers: { authorization: `Bearer ${token}` } }).then((x) => x.json() as any);
      expect(list.items.map((i: any) => i.ticketNo)).toEqual([r.json.ticketNo]);
      const detail = await fetch(`${h.service.url}/api/v1/mp/complaints/${r.json.ticketNo}`, { headers: { authorization: `Bearer ${token}` } }).then((x) => x.json() as any);
      expect(detail.imageCount).toBe(3);
      expect(detail.timeline.map((e: any) => e.status)).toEqual(["dispatched"]);
      const staffView = await h.staff("GET", `/api/v1/admin/complaints/${r.json.ticketNo}`);
      expect(staffView.json.images.map((i: any) => i.mime)).toEqual(["image/png", "image/jpeg", "image/webp"]);
      const img = await fetch(`${h.service.url}/api/v1/admin/complaints/${r.json.ticketNo}/images/0`, { headers: { authorization: "Bearer test-admin-token-complaints" } });
      // A position that is not 0–8 is refused as invalid (found by the fuzzer once the route was in /openapi.json: 500 before).
      for (const bad of ["abc", "-1", "1.5", "99999999999"]) {
        const r400 = await fetch(`${h.service.url}/api/v1/admin/complaints/${r.json.ticketNo}/images/${bad}`, { headers: { authorization: "Bearer test-admin-token-complaints" } });
        expect(r400.status, bad).toBe(400);
      }
      expect(Buffer.from(await img.arrayBuffer()).equals(PNG_BYTES)).toBe(true);
    });

    it("rejects a file that only claims to be an image, and commits nothing", async () => {
      const { token, userId } = await h.mpToken();
      const fake = Buffer.from("<?php echo 'not an image'; ?>");
      const r = await post(token, form("路灯坏了一个月没人修，晚上很危险", [[PNG_BYTES, "ok.png", "image/png"], [fake, "evil.jpg", "image/jpeg"]]));
      expect(r.status).toBe(415);
      expect(r.json.error.code).toBe("image_type_unsupported");
      expect(r.json.error.message).toContain("第2张");
      expect(await h.service.ctx.db.prisma.complaint.count({ where: { userId } })).toBe(0);
    });

    it("refuses more than 9 images and anonymous requests; another user's ticket is 404", async () => {
      const { token } = await h.mpToken();
      const ten = Array.from({ length: 10 }, (_, i) => [PNG_BYTES, `${i}.png`, "image/png"] as [Buffer, string, string]);
      const tooMany = await post(token, form("噪音扰民很严重，每天半夜施工", ten));
      expect([tooMany.status, tooMany.json.error.code]).toEqual([400, "too_many_images"]);
      expect((await fetch(`${h.service.url}/api/v1/mp/complaints`, { method: "POST" })).status).toBe(401);
      const mine = await post(token, { text: "小区污水横流，臭气熏天，无人处理" });
      const other = await h.mpToken();
      const res = await fetch(`${h.service.url}/api/v1/mp/complaints/${mine.json.ticketNo}`, { headers: { authorization: `Bearer ${other.token}` } });
      expect(res.status).toBe(404);
    });

    it("refuses an image over 5 MB with 413 and commits nothing (multer's limit, through @koa/multer)", async () => {
      const { token, userId } = await h.mpToken();
      const big = Buffer.concat([PNG_BYTES, Buffer.alloc(5 * 1024 * 1024)]);
      const r = await post(token, form("广场舞音响太吵，每晚十点后还在放", [[PNG_BYTES, "ok.png", "image/png"], [big, "big.png", "image/png"]]));
      expect([r.status, r.json.error.code]).toEqual([413, "image_too_large"]);
      expect(r.json.error.message).toBe("每张图片不能超过5MB");
      expect(await h.service.ctx.db.prisma.complaint.count({ where: { userId } })).toBe(0);
    });

    it("writes a new ticket with one INSERT, whether auto-dispatched or left to the dispatcher", async () => {
      const sql = (q: string) => h.service.ctx.db.prisma.$executeRawUnsafe(q);
      // A trigger on the real table records every row write; dropped again below.
      await sql("CREATE TABLE test_complaint_write (op text NOT NULL, ticket_no text NOT NULL)");
      await sql(`CREATE FUNCTION test_record_complaint_write() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN INSERT INTO test_complaint_write VALUES (TG_OP, NEW.ticket_no); RETURN NEW; END $$`);
      await sql("CREATE TRIGGER test_complaint_write AFTER INSERT OR UPDATE ON complaint FOR EACH ROW EXECUTE FUNCTION test_record_complaint_write()");
      try {
        const { token } = await h.mpToken();
        const dispatched = await post(token, { text: "工地半夜施工噪音扰民，连续一周" });
        const queued = await post(token, { text: "小区电梯经常停运，物业不处理" });
        expect([dispatched.json.status, queued.json.status]).toEqual(["dispatched", "accepted"]);
        const writes = await h.service.ctx.db.prisma.$queryRawUnsafe<{ op: string; ticket_no: string }[]>(
          "SELECT op, ticket_no FROM test_complaint_write ORDER BY ticket_no, op",
        );
        expect(writes).toEqual([
          { op: "INSERT", ticket_no: dispatched.json.ticketNo },
          { op: "INSERT", ticket_no: queued.json.ticketNo },
        ]);
        const staffView = (await h.staff("GET", `/api/v1/admin/complaints/${dispatched.json.ticketNo}`)).json;
        expect(staffView).toMatchObject({ dispatcherQueue: false, department: "青海省生态环境厅" });
        expect(staffView.deadlines.replyDueAt).toBeTruthy();
        expect(staffView.events.map((e: any) => [e.type, e.to])).toEqual([["accepted", null], ["status", "dispatched"]]);
        expect((await h.staff("GET", `/api/v1/admin/complaints/${queued.json.ticketNo}`)).json).toMatchObject({ dispatcherQueue: true, department: null });
      } finally {
        await sql("DROP TRIGGER test_complaint_write ON complaint");
        await sql("DROP FUNCTION test_record_complaint_write()");
        await sql("DROP TABLE test_complaint_write");
      }
    });

    it("a low-confidence complaint waits in the dispatcher queue as 已受理", async () => {
      const { token } = await h.mpToken();
      const r = await post(token, { text: "楼道里的灯一直不亮，物业也不管" });
      expect(r.json.status).toBe("accepted");
      const queue = await h.staff("GET", "/api/v1/admin/complaints?queue=dispatcher");
      const row = queue.json.items.find((i: any) => i.ticketNo === r.json.ticketNo);
      expect(row).toMatchObject({ dispatcherQueue: true, category: "城乡建设", confidence: 0.3, suggestedDepartment: "青海省住房和城乡建设厅", department: null });
    });
  });

  describe("Open311 GeoReport v2 (as a client)", () => {
    const base = () => `${h.service.url}/open311/v2`;
    let apiKey: string;
    beforeAll(async () => {
      const r = await h.staff("POST", "/api/v1/admin/open311/keys", { name: "civic app" });
      expect(r.status).toBe(201);
      apiKey = r.json.key;
    });
    const postRequest = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
      fetch(`${base()}/requests.json`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...headers }, body: new URLSearchParams(fields) });

    it("discovers services in JSON and XML", async () => {
      const services = (await fetch(`${base()}/services.json`).then((r) => r.json())) as any[];
      expect(services).toHaveLength(7);
      expect(services[0]).toMatchObject({ service_code: "QH-001", service_name: "城乡建设", metadata: true, type: "realtime" });
      const xml = await fetch(`${base()}/services.xml`);
      expect(xml.headers.get("content-type")).toContain("xml");
      const text = await xml.text();
      expect(text).toMatch(/^<\?xml/);
      expect(text).toContain("<services><service><service_code>QH-001</service_code>");
      // GET services/{code}: one service definition (an object), not a list of services.
      const definition = (await fetch(`${base()}/services/QH-005.json`).then((r) => r.json())) as any;
      expect(definition).toMatchObject({ service_code: "QH-005", attributes: [{ code: "kind", datatype: "singlevaluelist", required: false, order: 1 }] });
      expect(await fetch(`${base()}/services/QH-005.xml`).then((r) => r.text())).toMatch(/^<\?xml[^>]*\?><service_definition><service_code>QH-005<\/service_code><attributes><attribute>/);
    });

    it("posts with an API key, then reads the request by id and by token, JSON and XML", async () => {
      const res = await postRequest({ api_key: apiKey, service_code: "QH-005", description: "河边有人倾倒建筑垃圾，污染河道，电话13912345678", lat: "36.6171", long: "101.7782", address_string: "西宁市城北区朝阳西路88号", first_name: "明", last_name: "王", phone: "13912345678" }, { "idempotency-key": "o311-1" });
      expect(res.status).toBe(201);
      const [created] = (await res.json()) as any[];
      expect(created.service_request_id).toMatch(/^QH\d{14}$/);
      const again = (await (await postRequest({ api_key: apiKey, service_code: "QH-005", description: "河边有人倾倒建筑垃圾，污染河道，电话13912345678", address_string: "x" }, { "idempotency-key": "o311-1" })).json()) as any[];
      expect(again[0].service_request_id).toBe(created.service_request_id);

      const [req] = (await fetch(`${base()}/requests/${created.service_request_id}.json`).then((r) => r.json())) as any[];
      expect(req).toMatchObject({ service_request_id: created.service_request_id, status: "open", service_code: "QH-005", address: "西宁市城北区", lat: null, long: null });
      expect(req.description).not.toContain("13912345678");
      // A realtime POST answers with the id and no token; tokens/{token} still resolves the ticket's id.
      expect(created).not.toHaveProperty("token");
      const { id: token } = await h.service.ctx.db.prisma.complaint.findUniqueOrThrow({ where: { ticketNo: created.service_request_id } });
      const tok = (await fetch(`${base()}/tokens/${token}.json`).then((r) => r.json())) as any[];
      expect(tok).toEqual([{ service_request_id: created.service_request_id, token }]);
      const xml = await fetch(`${base()}/requests/${created.service_request_id}.xml`).then((r) => r.text());
      expect(xml).toContain(`<service_requests><request><service_request_id>${created.service_request_id}</service_request_id><status>open</status>`);
      const list = (await fetch(`${base()}/requests.json?service_code=QH-005`).then((r) => r.json())) as any[];
      expect(list.map((r) => r.service_request_id)).toContain(created.service_request_id);
    });

    it("answers errors in the spec's format: no key 403, bad service 404, missing location 400", async () => {
      const noKey = await postRequest({ service_code: "QH-001", description: "道路坑洼很多需要修补", address_string: "西宁" });
      expect(noKey.status).toBe(403);
      expect(await noKey.json()).toEqual([{ code: 403, description: "api_key is missing or invalid" }]);
      const badCode = await postRequest({ api_key: apiKey, service_code: "NOPE", description: "道路坑洼很多需要修补", address_string: "西宁" });
      expect(badCode.status).toBe(404);
      const noPlace = await postRequest({ api_key: apiKey, service_code: "QH-001", description: "道路坑洼很多需要修补" });
      expect(noPlace.status).toBe(400);
      expect(((await noPlace.json()) as any[])[0].description).toContain("location");
      const xml = await fetch(`${base()}/requests/QH20990101000001.xml`);
      expect(xml.status).toBe(404);
      expect(await xml.text()).toContain("<errors><error><code>404</code>");
    });
  });
});
