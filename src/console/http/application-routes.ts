import type Router from "@koa/router";
import { applicationsDeps, listApplications } from "../../applications";
import type { AppContext } from "../../platform/context";
import { staffActor, staffDepartmentScope, staffOf, type Role } from "../../staff";
import { getStaffApplication } from "../applications/get-staff-application";
import { recordApplicationStep } from "../applications/record-application-step";
import { presentStaffApplication, presentStaffApplications } from "../presenters";
import { T } from "../texts";
import { applicationListPage, applicationPage } from "../views/applications";
import { done, flashOf, formOf, page, send, viewerOf } from "./page";
import { applicationNumberParam, applicationQuery, applicationStepForm, parse } from "./schemas";

const READ: Role[] = ["administrator", "handler", "supervisor"];
const LIST_SIZE = 50;

/** Applications (办件): search by number, the timeline, the next steps the state machine allows, 预警/超期. */
export function applicationRoutes(router: Router, app: AppContext): void {
  const deps = () => applicationsDeps(app);

  router.get("/admin/applications", page(READ, async (c) => {
    const q = parse(applicationQuery, c.query);
    if (q.number) return c.redirect(`/admin/applications/${encodeURIComponent(q.number)}`);
    const { items } = await listApplications(deps(), { limit: LIST_SIZE, supervision: q.supervision || undefined, onlyDepartment: staffDepartmentScope(c) });
    send(c, applicationListPage({ viewer: viewerOf(c), number: q.number, supervision: q.supervision, items: presentStaffApplications(app, items), now: app.now() }));
  }));

  router.get("/admin/applications/:number", page(READ, async (c) => {
    const { number } = parse(applicationNumberParam, c.params);
    const r = await getStaffApplication({ deps: deps(), number, role: staffOf(c).role, onlyDepartment: staffDepartmentScope(c) });
    send(c, applicationPage({ viewer: viewerOf(c), a: presentStaffApplication(app, r.state), next: r.next, canAct: r.canAct, now: app.now(), flash: flashOf(c, T) }));
  }));

  router.post("/admin/applications/:number/transition", page(READ, async (c) => {
    const { number } = parse(applicationNumberParam, c.params);
    const f = parse(applicationStepForm, formOf(c));
    const recorded = await recordApplicationStep({ deps: deps(), number, status: f.status, note: f.note, role: staffOf(c).role, onlyDepartment: staffDepartmentScope(c), actor: staffActor(c) });
    done(c, `/admin/applications/${encodeURIComponent(recorded)}`, "acted");
  }));
}
