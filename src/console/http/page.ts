import type { Context, Middleware } from "koa";
import { isAppError } from "../../platform/errors";
import { requireStaff, staffOf, type Role } from "../../staff";
import { errorPage, type Viewer } from "../views/layout";

/** The viewer of a request that passed the staff guard. */
export function viewerOf(c: Context): Viewer {
  const p = staffOf(c);
  return { username: p.username, role: p.role, department: p.department, csrf: String(c.state.staffCsrf ?? "") };
}

/**
 * A console page: the staff guard (session cookie, role, CSRF on POST) in front of the handler,
 * and errors shown as pages, not JSON — not signed in sends the browser to the login page, a
 * refused role is a 403 page, another department's record a 404 page like a missing one.
 */
export function page(roles: readonly Role[] | undefined, handler: (c: Context) => Promise<void>): Middleware {
  const guard = requireStaff(roles ? { roles } : {});
  return async (c) => {
    try {
      await guard(c, () => handler(c));
    } catch (e) {
      if (!isAppError(e) || e.status >= 500) throw e;
      if (e.status === 401) {
        const next = c.method === "GET" ? c.originalUrl : "/admin";
        c.redirect(`/admin/login?next=${encodeURIComponent(next)}`);
        return;
      }
      c.status = e.status;
      c.type = "text/html; charset=utf-8";
      c.body = errorPage(c.state.staff ? viewerOf(c) : null, e.status, e.message);
    }
  };
}

/** Sends an HTML page. */
export function send(c: Context, body: string, status = 200): void {
  c.status = status;
  c.type = "text/html; charset=utf-8";
  c.set("Cache-Control", "no-store");
  c.body = body;
}

/** After a change: back to a page with a message (Post/Redirect/Get). */
export function done(c: Context, to: string, flash: string): void {
  c.redirect(`${to}${to.includes("?") ? "&" : "?"}ok=${encodeURIComponent(flash)}`);
  c.status = 303;
}

/**
 * The form body of a POST (urlencoded) as flat strings keyed by the field's own name. The body
 * parser nests dotted names ("materials.0.name") into objects; they are flattened back, and a
 * repeated field (checkboxes) becomes its values one per line.
 */
export function formOf(c: Context): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (v: unknown, key: string): void => {
    if (typeof v === "string") out[key] = v;
    else if (Array.isArray(v) && v.every((x) => typeof x === "string")) out[key] = v.join("\n");
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v as Record<string, unknown>)) walk(x, key ? `${key}.${k}` : k);
  };
  walk((c.request as { body?: unknown }).body, "");
  return out;
}

/** The flash message of a redirect, shown once at the top of the page (only our own message keys). */
export function flashOf(c: Context, T: (id: string) => string): string | undefined {
  const ok = typeof c.query.ok === "string" ? c.query.ok : "";
  return /^[a-z_]{1,40}$/.test(ok) ? T(`flash.${ok}`) : undefined;
}
