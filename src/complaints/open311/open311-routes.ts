import type Router from "@koa/router";
import type { Context } from "koa";
import { z } from "zod";
import type { AppContext } from "../../platform/context";
import { AppError } from "../../platform/errors";
import type { ComplaintsDeps } from "../deps";
import { idempotencyKeyOf } from "../http/schemas";
import { createComplaint } from "../intake/create-complaint";
import { findApiClient } from "./api-keys";
import { open311Handler, render, type Format } from "./format";
import { SERVICE_CODES, presentOpen311Request } from "./present-request";

const BASE = "/open311/v2";

const postSchema = z
  .object({
    api_key: z.string().optional(),
    service_code: z.string(),
    lat: z.coerce.number().min(-90).max(90).optional(),
    long: z.coerce.number().min(-180).max(180).optional(),
    address_string: z.string().max(200).optional(),
    description: z.string().trim().min(5, "description must have at least 5 characters").max(2000),
    first_name: z.string().max(50).optional(),
    last_name: z.string().max(50).optional(),
    phone: z.string().max(30).optional(),
    email: z.string().max(100).optional(),
  })
  .refine((b) => (b.lat !== undefined && b.long !== undefined) || !!b.address_string, "a location is required: lat and long, or address_string");

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
export function open311Routes(router: Router, app: AppContext, deps: () => ComplaintsDeps): void {
  for (const format of ["json", "xml"] as Format[]) {
    const on = (method: "get" | "post", path: string, fn: (c: Context) => Promise<void>) =>
      router[method](`${BASE}/${path}.${format}`, open311Handler(format, fn));

    on("get", "services", async (c) => {
      const rows = Object.entries(SERVICE_CODES).map(([code, name]) => ({
        service_code: code,
        service_name: name,
        description: `${name}类投诉、求助、建议`,
        metadata: false,
        type: "realtime",
        keywords: name,
        group: "12345",
      }));
      render(c, format, "services", "service", rows);
    });

    on("get", "services/:code", async (c) => {
      if (!SERVICE_CODES[c.params.code!]) throw new AppError("not_found", `service_code ${c.params.code} not found`);
      render(c, format, "service_definition", "service", [{ service_code: c.params.code, attributes: [] }]);
    });

    on("post", "requests", async (c) => {
      const b = parse(postSchema, c.request.body);
      const client = await findApiClient(deps(), b.api_key ?? c.get("x-api-key"));
      if (!client) throw new AppError("forbidden", "api_key is missing or invalid");
      const category = SERVICE_CODES[b.service_code];
      if (!category) throw new AppError("not_found", `service_code ${b.service_code} not found`);
      const key = idempotencyKeyOf(c.get("idempotency-key"));
      const name = [b.last_name, b.first_name].filter(Boolean).join("");
      const { complaint, created } = await createComplaint(deps(), {
        text: b.description,
        address: b.address_string,
        lat: b.lat,
        lng: b.long,
        channel: "open311",
        open311ClientId: client.id,
        category,
        contactName: name || undefined,
        contactPhone: b.phone,
        contactConsent: Boolean(name || b.phone),
        idempotencyKey: key ? `open311:${client.id}:${key}` : undefined,
      });
      render(c, format, "service_requests", "request", [{ service_request_id: complaint.ticketNo, token: complaint.id, service_notice: "已受理", account_id: null }], created ? 201 : 200);
    });

    on("get", "requests", async (c) => {
      const q = parse(
        z.object({
          service_request_id: z.string().optional(),
          service_code: z.string().optional(),
          status: z.enum(["open", "closed"]).optional(),
          start_date: z.iso.datetime({ offset: true }).optional(),
          end_date: z.iso.datetime({ offset: true }).optional(),
        }),
        c.query,
      );
      const ids = q.service_request_id?.split(",").map((s) => s.trim().toUpperCase()).filter(Boolean);
      const category = q.service_code ? SERVICE_CODES[q.service_code] ?? "-" : undefined;
      // Spec default: the last 90 days, at most 1000 requests.
      const start = q.start_date ? new Date(q.start_date) : new Date(deps().app.now().getTime() - 90 * 86_400_000);
      const rows = await deps().app.db.prisma.complaint.findMany({
        where: {
          OR: [{ channel: "open311" }, { publicationConsent: true, publicInterest: true }],
          ...(ids ? { ticketNo: { in: ids } } : { createdAt: { gte: start, ...(q.end_date ? { lte: new Date(q.end_date) } : {}) } }),
          ...(category ? { category } : {}),
        },
        orderBy: { createdAt: "desc" },
        take: 1000,
      });
      const presented = rows.map(presentOpen311Request).filter((r) => !q.status || r.status === q.status);
      render(c, format, "service_requests", "request", presented);
    });

    on("get", "requests/:id", async (c) => {
      const row = await deps().app.db.prisma.complaint.findFirst({
        where: { ticketNo: c.params.id!.toUpperCase(), OR: [{ channel: "open311" }, { publicationConsent: true, publicInterest: true }] },
      });
      if (!row) throw new AppError("not_found", `service_request_id ${c.params.id} not found`);
      render(c, format, "service_requests", "request", [presentOpen311Request(row)]);
    });

    on("get", "tokens/:token", async (c) => {
      const token = c.params.token!;
      const row = /^[0-9a-f-]{36}$/i.test(token) ? await deps().app.db.prisma.complaint.findFirst({ where: { id: token, channel: "open311" } }) : null;
      if (!row) throw new AppError("not_found", `token ${token} not found`);
      render(c, format, "service_requests", "request", [{ service_request_id: row.ticketNo, token }]);
    });
  }
}
