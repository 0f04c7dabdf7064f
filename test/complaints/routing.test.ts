import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogCapability } from "../../src/catalog";
import { AUDIT_ENTITIES } from "../../src/platform/audit";
import { testDbKinds } from "../support/db";
import { startComplaints, type Harness } from "./helpers";

const ROUTES = "/api/v1/admin/complaints/routes";
const route = (category: string) => `${ROUTES}/${encodeURIComponent(category)}`;

describe.each(testDbKinds())("staff-edited category → department mapping (%s)", (db) => {
  let h: Harness;
  let apiKey: string;
  beforeAll(async () => {
    // The catalog capability serves the service-wide audit log the change is recorded in.
    h = await startComplaints(db, { capabilities: [catalogCapability()] });
    apiKey = (await h.staff("POST", "/api/v1/admin/open311/keys", { name: "civic app" })).json.key;
  });
  afterAll(async () => {
    await h?.service.stop();
  });

  const fileMp = (text: string) => h.fileFromMiniProgram({ text });
  const fileOpen311 = async (serviceCode: string, description: string) => {
    const res = await fetch(`${h.service.url}/open311/v2/requests.json`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ api_key: apiKey, service_code: serviceCode, description, address_string: "西宁市城北区" }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as any[])[0].service_request_id as string;
  };
  const ticket = async (ticketNo: string) => (await h.staff("GET", `/api/v1/admin/complaints/${ticketNo}`)).json;
  const routeOf = async (category: string) => ((await h.staff("GET", ROUTES)).json.items as any[]).find((r) => r.category === category);
  const audit = async (category: string) => (await h.staff("GET", `/api/v1/admin/audit?entity=${encodeURIComponent(`complaint_route:${category}`)}`)).json.entries as any[];

  it("routes complaints filed after a staff change to the new department, from the mini-program and Open311, and audits the change", async () => {
    expect(await routeOf("环境保护")).toMatchObject({ department: "青海省生态环境厅", edited: false, updatedBy: null });
    const before = await fileMp("小区门口垃圾成堆，一周没人清运");
    expect(await ticket(before)).toMatchObject({ status: "dispatched", department: "青海省生态环境厅" });

    const put = await h.staff("PUT", route("环境保护"), { department: "西宁市生态环境局" }, "li-kezhang");
    expect(put.status).toBe(200);
    expect(put.json.items.find((r: any) => r.category === "环境保护")).toMatchObject({ department: "西宁市生态环境局", departmentId: null, edited: true, updatedBy: "li-kezhang" });

    const fromMp = await ticket(await fileMp("河道边有人倾倒垃圾，污水流进河里"));
    expect(fromMp).toMatchObject({ status: "dispatched", category: "环境保护", suggestedDepartment: "西宁市生态环境局", department: "西宁市生态环境局" });
    expect(fromMp.events.find((e: any) => e.to === "dispatched")).toMatchObject({ actor: "system", note: "自动派单", data: { department: "西宁市生态环境局" } });
    const fromOpen311 = await ticket(await fileOpen311("QH-005", "工厂夜里偷排废水，河水发黑发臭"));
    expect(fromOpen311).toMatchObject({ channel: "open311", status: "dispatched", category: "环境保护", department: "西宁市生态环境局" });
    // A ticket dispatched before the change stays with the department it was given.
    expect(await ticket(before)).toMatchObject({ department: "青海省生态环境厅" });
    // Other categories keep their default.
    expect(await routeOf("交通运输")).toMatchObject({ department: "青海省交通运输厅", edited: false });

    const entries = await audit("环境保护");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor: "li-kezhang",
      action: "complaint_route.update",
      entity: "complaint_route",
      entityId: "环境保护",
      diff: { from: { department: "青海省生态环境厅", departmentId: null }, to: { department: "西宁市生态环境局", departmentId: null } },
    });
    // An entity type the service audit log lists (its writer's type and the schema comment).
    expect(AUDIT_ENTITIES).toContain(entries[0].entity);
    // Saving the same mapping again changes nothing and adds no audit entry.
    expect((await h.staff("PUT", route("环境保护"), { department: "西宁市生态环境局" }, "li-kezhang")).status).toBe(200);
    expect(await audit("环境保护")).toHaveLength(1);
  });

  it("takes a catalog department by id, with its name from the catalog", async () => {
    const dept = await h.service.ctx.db.prisma.department.create({ data: { name: "西宁市人力资源和社会保障局", region: "630100" } });
    const put = await h.staff("PUT", route("劳动和社会保障"), { departmentId: dept.id }, "wang-zhuren");
    expect(put.status).toBe(200);
    const filed = await ticket(await fileMp("公司拖欠工资三个月，老板不见人"));
    expect(filed).toMatchObject({ status: "dispatched", department: "西宁市人力资源和社会保障局", departmentId: dept.id });
    expect((await audit("劳动和社会保障"))[0]).toMatchObject({ actor: "wang-zhuren", diff: { to: { department: "西宁市人力资源和社会保障局", departmentId: dept.id } } });
  });

  it("refuses an unknown category, an unknown department and an empty body, and changes nothing", async () => {
    const unknown = await h.staff("PUT", route("天气预报"), { department: "青海省气象局" });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe("category_not_found");
    expect(unknown.json.error.message).toContain("天气预报");
    expect(unknown.json.error.message).toContain("环境保护"); // lists the categories there are
    const noDept = await h.staff("PUT", route("交通运输"), { departmentId: "00000000-0000-4000-8000-000000000000" });
    expect(noDept.status).toBe(422);
    expect(noDept.json.error.code).toBe("department_not_in_catalog");
    expect(noDept.json.error.message).toContain("00000000-0000-4000-8000-000000000000");
    expect((await h.staff("PUT", route("交通运输"), {})).status).toBe(400);
    expect((await h.staff("PUT", route("交通运输"), { department: "x" })).status).toBe(400);
    const anonymous = await fetch(h.service.url + route("交通运输"), { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ department: "某某局" }) });
    expect(anonymous.status).toBe(401);

    expect(await routeOf("交通运输")).toMatchObject({ department: "青海省交通运输厅", edited: false });
    expect((await routeOf("天气预报"))).toBeUndefined();
    expect(await audit("交通运输")).toEqual([]);
    expect(await audit("天气预报")).toEqual([]);
  });
});
