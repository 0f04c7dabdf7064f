import { XMLBuilder } from "fast-xml-parser";
import type { Context } from "koa";
import { isAppError, type AppError } from "../../platform/errors";
import { complaintErrors } from "../errors";
import { asUnavailable } from "../../platform/unavailable";

export type Format = "json" | "xml";

const builder = new XMLBuilder({ ignoreAttributes: true, format: false, suppressEmptyNode: false });

/** GeoReport's XML names a list's items by the singular of the list (<attributes><attribute>…). */
const ITEM_OF: Record<string, string> = { attributes: "attribute", values: "value", endpoints: "endpoint", formats: "format" };

/** A JSON value as the XML tree the spec shows: null → empty element, lists wrapped in their singular. */
function xmlTree(v: unknown, key = ""): unknown {
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) return { [ITEM_OF[key] ?? "item"]: v.map((x) => xmlTree(x)) };
  if (typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, xmlTree(x, k)]));
  return v;
}

function send(c: Context, format: Format, json: unknown, xml: Record<string, unknown>, status: number): void {
  c.status = status;
  if (format === "json") {
    c.body = json;
    return;
  }
  c.type = "text/xml; charset=utf-8";
  c.body = `<?xml version="1.0" encoding="utf-8"?>${builder.build(xml)}`;
}

/**
 * GeoReport v2 list responses: a JSON array, or XML with a plural root and singular items
 * (<services><service>…, <service_requests><request>…). Null fields are empty elements.
 */
export function render(c: Context, format: Format, root: string, item: string, rows: Record<string, unknown>[], status = 200): void {
  send(c, format, rows, { [root]: { [item]: rows.map((r) => xmlTree(r)) } }, status);
}

/** A single document (service definition, discovery): a JSON object, or XML under `root`. */
export function renderObject(c: Context, format: Format, root: string, doc: Record<string, unknown>): void {
  send(c, format, doc, { [root]: xmlTree(doc) }, 200);
}

const statusOf = (e: AppError) => (e.code === "validation_failed" ? 400 : e.status);

/**
 * Errors in the spec's own shape — [{ "code": 400, "description": "…" }] or
 * <errors><error><code/><description/></error></errors> — instead of the service's usual
 * `{ error: … }`, because Open311 clients parse these.
 */
export function open311Handler(format: Format, fn: (c: Context) => Promise<void>) {
  return async (c: Context) => {
    try {
      await fn(c);
    } catch (err) {
      // A dependency that is down answers 503 with Retry-After (platform/unavailable.ts), as elsewhere.
      const e = isAppError(err) ? err : (asUnavailable(err) ?? complaintErrors("open311_server_error"));
      if (typeof e.details?.retryAfter === "number") c.set("Retry-After", String(e.details.retryAfter));
      if (!isAppError(err)) (c.state.log as { error?: (o: object, m: string) => void } | undefined)?.error?.({ err }, "open311 request failed");
      render(c, format, "errors", "error", [{ code: statusOf(e), description: e.message }], statusOf(e));
    }
  };
}
