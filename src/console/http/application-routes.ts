import type Router from "@koa/router";
import type { Context } from "koa";
import { z } from "zod";
import {
  allowedApplicationTransitions, APPLICATION_STATUS_LABELS, applicationsDeps, getApplication, listApplications, presentApplication, recordApplicationEvent,
  type ApplicationStatus, type ApplicationView,
} from "../../applications";
import type { AppContext } from "../../platform/context";
import { AppError } from "../../platform/errors";
import { ADMIN_POLICY, staffActor, staffDepartmentScope, staffOf, type Role } from "../../staff";
import { T } from "../text";
import { applicationListPage, applicationPage } from "../views/applications";
import { done, flashOf, formOf, page, send, viewerOf } from "./page";
import { applicationQuery, parse } from "./schemas";

const READ: Role[] = ["administrator", "handler", "supervisor"];
const numberParam = z.object({ number: z.string().trim().min(1).max(40) });
const stepForm = z.object({ status: z.string().min(1).max(40), note: z.string().trim().max(500).optional() });

/** Applications (办件): search by number, the timeline, the next steps the state machine allows, 预警/超期. */
export function applicationRoutes(router: Router, app: AppContext): void {
  const deps = () => applicationsDeps(app);
  const view = (s: Awaited<ReturnType<typeof getApplication>>, timeline = false) => presentApplication(app, s, { audience: "staff", timeline });
  const mayAct = (role: Role) => ADMIN_POLICY["POST /api/v1/admin/applications/:number/transitions"]?.roles.includes(role) ?? false;

  /** Another department's application does not exist for a handler (404, as the admin API answers). */
  async function load(c: Context, number: string): Promise<ApplicationView> {
    const scope = staffDepartmentScope(c);
    const a = view(await getApplication(deps(), { number }), true);
    if (scope !== undefined && a.department !== scope) throw new AppError("not_found", T("apps.not_found", { number }));
    return a;
  }

  router.get("/admin/applications", page(READ, async (c) => {
    const q = parse(applicationQuery, c.query);
    if (q.number) return c.redirect(`/admin/applications/${encodeURIComponent(q.number)}`);
    const { items } = await listApplications(deps(), { limit: 50, supervision: q.supervision || undefined, onlyDepartment: staffDepartmentScope(c) });
    send(c, applicationListPage({ viewer: viewerOf(c), number: q.number, supervision: q.supervision, items: items.map((s) => view(s)), now: app.now() }));
  }));

  router.get("/admin/applications/:number", page(READ, async (c) => {
    const { number } = parse(numberParam, c.params);
    const a = await load(c, number);
    const next = allowedApplicationTransitions(a.status as ApplicationStatus).map((s) => ({ status: s, label: APPLICATION_STATUS_LABELS[s] }));
    send(c, applicationPage({ viewer: viewerOf(c), a, next, canAct: mayAct(staffOf(c).role), now: app.now(), flash: flashOf(c, T) }));
  }));

  router.post("/admin/applications/:number/transition", page(READ, async (c) => {
    if (!mayAct(staffOf(c).role)) throw new AppError("forbidden", T("apps.not_yours"));
    const { number } = parse(numberParam, c.params);
    const a = await load(c, number);
    const f = parse(stepForm, formOf(c));
    await recordApplicationEvent(deps(), { number: a.number, status: f.status, note: f.note || undefined, actor: staffActor(c), source: "staff", sourceId: "console" });
    done(c, `/admin/applications/${encodeURIComponent(a.number)}`, "acted");
  }));
}
