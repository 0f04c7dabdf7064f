import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../src/staff";
import { startTestService, type TestService } from "../support/service";
import { signedInStaff, type StaffClient } from "../support/staff";

/** Every console page the service registers, read off its router ("METHOD path"), but the sign-in page and the static assets. */
function consolePages(svc: TestService): string[] {
  const keys = new Set<string>();
  for (const layer of svc.router!.stack) {
    if (typeof layer.path !== "string" || !layer.path.startsWith("/admin") || /^\/admin\/(assets|login)\b/.test(layer.path)) continue;
    for (const m of layer.methods) if (m === "GET" || m === "POST") keys.add(`${m} ${layer.path}`);
  }
  return [...keys].sort();
}

const concrete = (path: string) =>
  path.replace(":code", "QH-NO-SUCH-ITEM").replace(":ref", "QH20260101000000").replace(":number", "QH2026NOSUCH").replace(":id", "00000000-0000-4000-8000-000000000000")
    .replace(":v", "1").replace(":action", "sign").replace(":sub", "decision");

/**
 * Generated from the route table like the admin API's matrix: a console page added tomorrow is
 * checked too. Without a session every page sends the browser to the sign-in page; with one, the
 * side menu offers a role exactly the pages that open for it.
 */
describe("console pages behind the staff guard", () => {
  let svc: TestService;
  const clients = {} as Record<Role, StaffClient>;

  beforeAll(async () => {
    svc = await startTestService({ env: { LOG_LEVEL: "warn" } });
    for (const role of ROLES) clients[role] = await signedInStaff(svc, `g-${role}`, role, role === "handler" ? "青海省公安厅" : null);
  }, 60_000);
  afterAll(async () => svc?.stop());

  it("finds the console's pages in the route table", () => {
    expect(consolePages(svc)).toEqual(expect.arrayContaining(["GET /admin", "GET /admin/guides", "POST /admin/complaints/:ref/:action", "GET /admin/password"]));
  });

  it("sends a visitor without a session to the sign-in page from every console page and form", async () => {
    for (const key of consolePages(svc)) {
      const [method, path] = key.split(" ") as [string, string];
      const res = await fetch(svc.url + concrete(path), { method, redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded" }, body: method === "POST" ? "a=b" : undefined });
      expect([key, res.status, res.headers.get("location")?.split("?")[0]]).toEqual([key, 302, "/admin/login"]);
    }
  });

  it("offers each role in the side menu exactly the pages that open for it", async () => {
    const menu = ["/admin", "/admin/guides", "/admin/gaps", "/admin/complaints", "/admin/applications", "/admin/accounts", "/admin/audit"];
    for (const role of ROLES) {
      const home = await (await fetch(`${svc.url}/admin`, { headers: { cookie: clients[role].cookie } })).text();
      const nav = home.match(/<nav class="side">(.*?)<\/nav>/s)![1]!;
      for (const href of menu) {
        const status = (await fetch(svc.url + href, { redirect: "manual", headers: { cookie: clients[role].cookie } })).status;
        expect([role, href, status]).toEqual([role, href, nav.includes(`href="${href}"`) ? 200 : 403]);
      }
    }
  });
});
