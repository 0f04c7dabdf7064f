import type Router from "@koa/router";
import type { Context } from "koa";
import { z } from "zod";
import type { AppContext } from "../../platform/context";
import { AppError } from "../../platform/errors";
import type { ComplaintsDeps } from "../deps";
import { complaintErrors } from "../errors";
import { idempotencyKeyOf, open311ListQuery, open311PostBody } from "./schemas";
import { findOpen311Request } from "../open311/find-open311-request";
import { findOpen311Requests } from "../open311/find-open311-requests";
import { findOpen311Token } from "../open311/find-open311-token";
import { open311Handler, render, type Format } from "./open311-format";
import { SERVICE_CODES } from "../open311/service-codes";
import { presentOpen311Created, presentOpen311Request, presentOpen311Services } from "../presenters";
import { submitOpen311Request } from "../open311/submit-open311-request";

const BASE = "/open311/v2";

/** The spec's own error shape (open311-format.ts) instead of defineRoute's, so zod runs here. */
const parse = <T>(schema: z.ZodType<T>, value: unknown): T => {
  const r = schema.safeParse(value ?? {});
  if (!r.success) throw new AppError("validation_failed", r.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; "));
  return r.data;
};

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2): discovery of services (the
 * classifier's categories), requests GET/POST with API keys for posting, lookup by id and by
 * token, JSON and XML. Not through defineRoute: the spec fixes its own error shape and XML.
 */
export function open311Routes(router: Router, _app: AppContext, deps: () => ComplaintsDeps): void {
  for (const format of ["json", "xml"] as Format[]) {
    const on = (method: "get" | "post", path: string, fn: (c: Context) => Promise<void>) =>
      router[method](`${BASE}/${path}.${format}`, open311Handler(format, fn));

    on("get", "services", async (c) => render(c, format, "services", "service", presentOpen311Services()));

    on("get", "services/:code", async (c) => {
      if (!SERVICE_CODES[c.params.code!]) throw complaintErrors("service_code_not_found", { code: c.params.code! });
      render(c, format, "service_definition", "service", [{ service_code: c.params.code, attributes: [] }]);
    });

    on("post", "requests", async (c) => {
      const b = parse(open311PostBody, c.request.body);
      const { complaint, created } = await submitOpen311Request(deps(), {
        apiKey: b.api_key ?? c.get("x-api-key"),
        serviceCode: b.service_code,
        description: b.description,
        lat: b.lat,
        long: b.long,
        address: b.address_string,
        firstName: b.first_name,
        lastName: b.last_name,
        phone: b.phone,
        idempotencyKey: idempotencyKeyOf(c.get("idempotency-key")),
      });
      render(c, format, "service_requests", "request", [presentOpen311Created(complaint)], created ? 201 : 200);
    });

    on("get", "requests", async (c) => {
      const q = parse(open311ListQuery, c.query);
      const rows = await findOpen311Requests(deps(), {
        ids: q.service_request_id,
        serviceCode: q.service_code,
        status: q.status,
        startDate: q.start_date,
        endDate: q.end_date,
      });
      render(c, format, "service_requests", "request", rows.map(presentOpen311Request));
    });

    on("get", "requests/:id", async (c) => {
      const row = await findOpen311Request(deps(), { id: c.params.id! });
      render(c, format, "service_requests", "request", [presentOpen311Request(row)]);
    });

    on("get", "tokens/:token", async (c) => {
      const row = await findOpen311Token(deps(), { token: c.params.token! });
      render(c, format, "service_requests", "request", [{ service_request_id: row.ticketNo, token: c.params.token! }]);
    });
  }
}
