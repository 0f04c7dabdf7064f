import type Router from "@koa/router";
import type { AppContext } from "../../platform/context";
import { listAudit } from "../../platform/audit";
import { accountsPage } from "../views/accounts";
import { auditPage } from "../views/audit";
import { page, send, viewerOf } from "./page";
import { auditQuery, parse } from "./schemas";

const PAGE_SIZE = 50;

/** Administrators: accounts (over the staff API) and the audit log (administrators and supervisors). */
export function adminPageRoutes(router: Router, app: AppContext): void {
  router.get("/admin/accounts", page(["administrator"], async (c) => send(c, accountsPage({ viewer: viewerOf(c) }))));
  router.get("/admin/audit", page(["administrator", "supervisor"], async (c) => {
    const q = parse(auditQuery, c.query);
    const { entries, total } = await listAudit({ prisma: app.db.prisma, entity: q.entity || undefined, actor: q.actor || undefined, page: q.page, pageSize: PAGE_SIZE });
    send(c, auditPage({ viewer: viewerOf(c), ...q, rows: entries, total, pageSize: PAGE_SIZE }));
  }));
}
