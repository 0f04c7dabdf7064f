import type Router from "@koa/router";
import { z } from "zod";
import { defineRoute } from "../../http/openapi";
import type { ApplicationsDeps } from "../deps";
import { recordApplicationEvent } from "../record-event";
import { statusInputSchema } from "../status-input";
import { verifyIntegration } from "./integration-auth";

const eventBody = z
  .object({
    eventId: z.string().min(1).max(100),
    /** Our 办件编号, or the upstream system's own number given at registration */
    number: z.string().max(40).optional(),
    externalRef: z.string().max(100).optional(),
    status: statusInputSchema,
    occurredAt: z.coerce.date(),
    note: z.string().max(500).optional(),
    actor: z.string().max(50).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((b) => b.number || b.externalRef, { message: "number or externalRef is required", path: ["number"] });

/**
 * Upstream approval systems push status events here (signed, see integration-auth.ts).
 * Idempotent by (integration, eventId): a replay answers 200 with duplicate: true and changes
 * nothing. Out-of-order events are placed by occurredAt (see record-event.ts).
 */
export function integrationRoutes(router: Router, deps: ApplicationsDeps): void {
  defineRoute(router, {
    method: "post",
    path: "/api/v1/integrations/applications/events",
    summary: "Upstream status event (HMAC-SHA256 signed: X-Integration-Id, X-Timestamp, X-Signature)",
    tags: ["integrations"],
    before: [verifyIntegration(deps.app)],
    body: eventBody,
    response: z.object({ duplicate: z.boolean(), applied: z.boolean(), number: z.string(), status: z.string() }),
    handler: async ({ body }, c) => {
      const { eventId, occurredAt, ...rest } = body;
      const r = await recordApplicationEvent(deps, { ...rest, at: occurredAt, source: "integration", sourceId: c.state.integrationId as string, externalId: eventId });
      return { duplicate: r.duplicate, applied: r.applied, number: r.application.number, status: r.application.status };
    },
  });
}
