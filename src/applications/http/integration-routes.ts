import type Router from "@koa/router";
import { defineRoute } from "../../http/openapi";
import type { ApplicationsDeps } from "../deps";
import { presentIntegrationEvent } from "../presenters";
import { recordApplicationEvent } from "../record-application-event";
import { verifyIntegration } from "./integration-auth";
import { integrationEventBody, integrationEventResponse } from "./schemas";

/**
 * Upstream approval systems push status events here (signed, see integration-auth.ts).
 * Idempotent by (integration, eventId): a replay answers 200 with duplicate: true and changes
 * nothing. Out-of-order events are placed by occurredAt (see record-application-event.ts).
 */
export function integrationRoutes(router: Router, deps: ApplicationsDeps): void {
  defineRoute(router, {
    method: "post",
    path: "/api/v1/integrations/applications/events",
    summary: "Upstream status event (HMAC-SHA256 signed: X-Integration-Id, X-Timestamp, X-Signature)",
    tags: ["integrations"],
    before: [verifyIntegration(deps.app)],
    body: integrationEventBody,
    response: integrationEventResponse,
    handler: async ({ body }, c) => {
      const { eventId, occurredAt, ...rest } = body;
      return presentIntegrationEvent(await recordApplicationEvent(deps, { ...rest, at: occurredAt, source: "integration", sourceId: c.state.integrationId as string, externalId: eventId }));
    },
  });
}
