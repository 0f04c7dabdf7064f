import type Router from "@koa/router";
import { z } from "zod";
import { defineRoute } from "../../http/openapi";
import { perUser, rateLimit } from "../../http/rate-limit";
import { currentUserId, requireSession, sessionOf } from "../../miniprogram";
import type { AppContext } from "../../platform/context";
import type { Logger } from "../../platform/logger";
import { getOwnComplaint } from "../citizen/get-own-complaint";
import { listOwnComplaints } from "../citizen/list-own-complaints";
import { rateOwnComplaint } from "../citizen/rate-own-complaint";
import type { ComplaintsDeps } from "../deps";
import { submitMpComplaint } from "../intake/submit-mp-complaint";
import { citizenComplaintSchema, presentCitizenComplaint } from "../presenters";
import { imageUpload, uploadsOf } from "./image-upload";
import { idempotencyKeyOf, newComplaintBody, ratingBody, ticketParams } from "./schemas";

const tags = ["complaints (mini-program)"];

export function mpRoutes(router: Router, app: AppContext, deps: () => ComplaintsDeps): void {
  const session = requireSession(app);
  const limit = rateLimit({ store: app.store, key: perUser("mp:complaints", (c) => sessionOf(c)?.userId), limit: 20, windowSeconds: 3600 });

  defineRoute(router, {
    method: "post",
    path: "/api/v1/mp/complaints",
    summary: "File a complaint (JSON, or multipart with up to 9 images); Idempotency-Key makes a double tap one ticket",
    tags,
    security: ["session"],
    before: [session, limit, imageUpload()],
    body: newComplaintBody,
    response: citizenComplaintSchema,
    status: 201,
    handler: async ({ body }, c) => {
      const { complaint, created } = await submitMpComplaint(deps(), {
        ...body,
        userId: currentUserId(c),
        uploads: uploadsOf(c),
        idempotencyKey: idempotencyKeyOf(c.get("idempotency-key")),
        log: c.state.log as Logger | undefined,
      });
      c.status = created ? 201 : 200;
      c.body = presentCitizenComplaint(complaint);
    },
  });

  defineRoute(router, {
    method: "get",
    path: "/api/v1/mp/complaints",
    summary: "My complaints, newest first",
    tags,
    security: ["session"],
    before: [session],
    query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
    response: z.object({ items: z.array(citizenComplaintSchema) }),
    handler: async ({ query }, c) => {
      const rows = await listOwnComplaints(deps(), { owner: { userId: currentUserId(c) }, limit: query.limit });
      return { items: rows.map((r) => presentCitizenComplaint(r)) };
    },
  });

  defineRoute(router, {
    method: "get",
    path: "/api/v1/mp/complaints/:ticketNo",
    summary: "One of my complaints with its timeline",
    tags,
    security: ["session"],
    before: [session],
    params: ticketParams,
    response: citizenComplaintSchema,
    handler: async ({ params }, c) => presentCitizenComplaint(await getOwnComplaint(deps(), { ticketNo: params.ticketNo, owner: { userId: currentUserId(c) } })),
  });

  defineRoute(router, {
    method: "post",
    path: "/api/v1/mp/complaints/:ticketNo/rating",
    summary: "Rate the answer (好差评, five levels)",
    tags,
    security: ["session"],
    before: [session],
    params: ticketParams,
    body: ratingBody,
    response: citizenComplaintSchema,
    handler: async ({ params, body }, c) =>
      presentCitizenComplaint(await rateOwnComplaint(deps(), { userId: currentUserId(c), ticketNo: params.ticketNo, ...body })),
  });
}
