import type Router from "@koa/router";
import type { Context } from "koa";
import { z } from "zod";
import type { AppContext } from "../../platform/context";
import { documentRoute } from "../../http/openapi";
import type { ComplaintsDeps } from "../deps";
import { complaintErrors } from "../errors";
import { issuesText } from "../issues-text";
import { idempotencyKeyOf, open311ListQuery, open311PostBody, open311Query } from "./schemas";
import { checkJurisdiction } from "../open311/check-jurisdiction";
import { findOpen311Request } from "../open311/find-open311-request";
import { findOpen311Requests } from "../open311/find-open311-requests";
import { findOpen311Token } from "../open311/find-open311-token";
import { getOpen311Service } from "../open311/get-open311-service";
import { open311Handler, render, renderObject, type Format } from "./open311-format";
import { presentOpen311Created, presentOpen311Discovery, presentOpen311Request, presentOpen311ServiceDefinition, presentOpen311Services, presentOpen311Token } from "../presenters";
import { submitOpen311Request } from "../open311/submit-open311-request";

const BASE = "/open311/v2";
const TYPES = { json: "application/json", xml: "text/xml" } as const;

/** GeoReport v2: "an empty parameter behaves as a missing one" — so `status=` filters nothing. */
const withoutEmpty = (v: unknown) =>
  v && typeof v === "object" ? Object.fromEntries(Object.entries(v).filter(([, x]) => !(typeof x === "string" && x.trim() === ""))) : {};

/** The spec's own error shape (open311-format.ts) instead of defineRoute's, so zod runs here. */
const parse = <T>(schema: z.ZodType<T>, value: unknown): T => {
  const r = schema.safeParse(withoutEmpty(value));
  if (!r.success) throw complaintErrors("open311_argument_invalid", { issues: issuesText(r.error.issues) });
  return r.data;
};

/**
 * Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2) and its Service Discovery: services
 * (the classifier's categories) and their definitions, requests GET/POST with API keys for
 * posting, lookup by id and by token, JSON and XML, jurisdiction_id checked on every call.
 * Not through defineRoute: the spec fixes its own error shape and XML; documented alike.
 */
export function open311Routes(router: Router, app: AppContext, deps: () => ComplaintsDeps): void {
  for (const format of ["json", "xml"] as Format[]) {
    const on = (method: "get" | "post", path: string, summary: string, fn: (c: Context) => Promise<void>, schemas: { query?: z.ZodType; body?: z.ZodType } = {}) => {
      const full = `${path.startsWith("/") ? "" : `${BASE}/`}${path}.${format}`;
      router[method](full, open311Handler(format, fn));
      documentRoute({ method, path: full, summary, tags: ["open311"], ...schemas, bodyTypes: ["application/x-www-form-urlencoded", "application/json"], responseTypes: [TYPES[format]] });
    };

    on("get", "/open311/discovery", "Open311 Service Discovery", async (c) => {
      const { config } = app;
      renderObject(c, format, "discovery", presentOpen311Discovery({ baseUrl: config.PUBLIC_BASE_URL, contact: config.OPEN311_CONTACT, province: config.PROVINCE_NAME, hotline: config.HOTLINE }));
    });

    on("get", "services", "Open311 service list", async (c) => {
      checkJurisdiction(deps(), parse(open311Query, c.query).jurisdiction_id);
      render(c, format, "services", "service", presentOpen311Services());
    }, { query: open311Query });

    on("get", "services/:code", "Open311 service definition", async (c) => {
      const service = getOpen311Service(deps(), { code: c.params.code!, jurisdictionId: parse(open311Query, c.query).jurisdiction_id });
      renderObject(c, format, "service_definition", presentOpen311ServiceDefinition(service.code));
    }, { query: open311Query });

    on("post", "requests", "Open311 new service request (API key)", async (c) => {
      const b = parse(open311PostBody, c.request.body);
      const { complaint, created } = await submitOpen311Request(deps(), {
        jurisdictionId: b.jurisdiction_id,
        apiKey: b.api_key ?? c.get("x-api-key"),
        serviceCode: b.service_code,
        description: b.description,
        lat: b.lat,
        long: b.long,
        address: b.address_string,
        firstName: b.first_name,
        lastName: b.last_name,
        phone: b.phone,
        mediaUrl: b.media_url,
        kind: b.attribute?.kind,
        idempotencyKey: idempotencyKeyOf(c.get("idempotency-key")),
      });
      render(c, format, "service_requests", "request", [presentOpen311Created(complaint)], created ? 201 : 200);
    }, { body: open311PostBody });

    on("get", "requests", "Open311 service requests", async (c) => {
      const q = parse(open311ListQuery, c.query);
      const rows = await findOpen311Requests(deps(), { jurisdictionId: q.jurisdiction_id, ids: q.service_request_id, serviceCodes: q.service_code, statuses: q.status, startDate: q.start_date, endDate: q.end_date });
      render(c, format, "service_requests", "request", rows.map(presentOpen311Request));
    }, { query: open311ListQuery });

    on("get", "requests/:id", "Open311 one service request", async (c) => {
      const row = await findOpen311Request(deps(), { id: c.params.id!, jurisdictionId: parse(open311Query, c.query).jurisdiction_id });
      render(c, format, "service_requests", "request", [presentOpen311Request(row)]);
    }, { query: open311Query });

    on("get", "tokens/:token", "Open311 service request id from a token", async (c) => {
      const row = await findOpen311Token(deps(), { token: c.params.token!, jurisdictionId: parse(open311Query, c.query).jurisdiction_id });
      render(c, format, "service_requests", "request", [presentOpen311Token(row, c.params.token!)]);
    }, { query: open311Query });
  }
}
