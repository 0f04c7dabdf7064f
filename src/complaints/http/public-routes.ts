import type Router from "@koa/router";
import { z } from "zod";
import { defineRoute } from "../../http/openapi";
import { perIp, rateLimit } from "../../http/rate-limit";
import type { AppContext } from "../../platform/context";
import { AppError } from "../../platform/errors";
import type { ComplaintsDeps } from "../deps";
import { presentPublicComplaint, publicComplaintSchema } from "../presenters";
import { rateComplaint } from "../rating/rate-complaint";
import { ratingToken } from "../rating-link";
import { receiveCallback } from "../outbox/receive-callback";
import { SATISFACTION_LEVELS, type Satisfaction } from "../types";
import { publicPage, ratingPage } from "./pages";

const ANSWERED = ["replied", "visited", "rated", "closed"];

/** Published tickets: the citizen consented and staff judged them of public interest. */
async function published(deps: ComplaintsDeps, limit: number) {
  const rows = await deps.app.db.prisma.complaint.findMany({
    where: { publicationConsent: true, publicInterest: true, status: { in: ANSWERED } },
    orderBy: { repliedAt: "desc" },
    take: limit,
  });
  return rows.map(presentPublicComplaint);
}

export function publicRoutes(router: Router, app: AppContext, deps: () => ComplaintsDeps): void {
  const limit = rateLimit({ store: app.store, key: perIp("complaints:public"), limit: 120, windowSeconds: 60 });

  defineRoute(router, {
    method: "get",
    path: "/api/v1/complaints/public",
    summary: "Answered complaints of public interest, anonymised",
    tags: ["complaints (public)"],
    before: [limit],
    query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(50) }),
    response: z.object({ items: z.array(publicComplaintSchema) }),
    handler: async ({ query }) => ({ items: await published(deps(), query.limit) }),
  });

  router.get("/complaints/public", limit, async (c) => {
    c.type = "text/html; charset=utf-8";
    c.body = publicPage(await published(deps(), 50));
  });

  // The link sent with a reply: rate without logging in, the token proves the message was received.
  const checkToken = async (ticketNo: string, token: unknown) => {
    if (typeof token !== "string" || token !== ratingToken(app, ticketNo.toUpperCase())) throw new AppError("forbidden", "评价链接无效");
    return deps().app.db.prisma.complaint.findUnique({ where: { ticketNo: ticketNo.toUpperCase() } });
  };
  router.get("/complaints/rate/:ticketNo", limit, async (c) => {
    const complaint = await checkToken(c.params.ticketNo!, c.query.t);
    if (!complaint) throw new AppError("not_found", "工单不存在");
    c.type = "text/html; charset=utf-8";
    c.body = ratingPage(complaint, String(c.query.t));
  });
  router.post("/complaints/rate/:ticketNo", limit, async (c) => {
    const body = (c.request.body ?? {}) as Record<string, unknown>;
    const complaint = await checkToken(c.params.ticketNo!, body.t ?? c.query.t);
    if (!complaint) throw new AppError("not_found", "工单不存在");
    const satisfaction = String(body.satisfaction ?? "");
    if (!SATISFACTION_LEVELS.includes(satisfaction as Satisfaction)) throw new AppError("validation_failed", "请选择评价等级");
    const rated = await rateComplaint(deps(), { ref: complaint.id, satisfaction: satisfaction as Satisfaction, via: "link" });
    c.type = "text/html; charset=utf-8";
    c.body = ratingPage(rated, String(body.t ?? c.query.t));
  });

  router.post("/api/v1/integrations/12345/callbacks", async (c) => {
    const rawBody = (c.request as { rawBody?: string }).rawBody ?? "";
    c.body = await receiveCallback(deps(), { rawBody, headers: c.headers });
  });
}
