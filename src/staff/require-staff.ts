import crypto from "node:crypto";
import type { Context, Middleware } from "koa";
import { authenticateStaff, type StaffAuth } from "./authenticate";
import { staffErrors } from "./errors";
import { DEPARTMENT_ROLES, type Role, type StaffPrincipal } from "./roles";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The staff guard: a session cookie or the machine token (401 staff_login_required without
 * either), one of `roles` when given (403 staff_role_forbidden), and on a state change with a
 * session cookie the session's CSRF token (403 staff_csrf_invalid). Sets ctx.state.staff.
 */
export function requireStaff(opts: { roles?: readonly Role[] } = {}): Middleware {
  return async (c, next) => {
    const auth = await admitStaff(c);
    if (opts.roles && !opts.roles.includes(auth.principal.role)) throw staffErrors("staff_role_forbidden", { role: auth.principal.role });
    await next();
  };
}

/** Authentication and CSRF, without a role check: shared by requireStaff and the admin policy guard. */
export async function admitStaff(c: Context): Promise<StaffAuth> {
  const auth = await authenticateStaff(c);
  if (!auth) throw staffErrors("staff_login_required");
  assertCsrf(c, auth);
  c.state.staff = auth.principal;
  // The console's server-rendered forms carry it as _csrf, so they work without JavaScript.
  if (auth.session) c.state.staffCsrf = auth.session.record.csrf;
  return auth;
}

/**
 * CSRF for state changes made with the session cookie: header X-CSRF-Token (or form field
 * _csrf) must equal the session's token. SameSite=Lax already keeps the cookie off cross-site
 * POSTs; this covers same-site attackers and older browsers. The machine token is exempt (no
 * browser sends it by itself).
 */
export function verifyCsrf(): Middleware {
  return async (c, next) => {
    const auth = await authenticateStaff(c);
    if (auth) assertCsrf(c, auth);
    await next();
  };
}

function assertCsrf(c: Context, auth: StaffAuth): void {
  if (!auth.session || SAFE_METHODS.has(c.method)) return;
  const body = (c.request as { body?: unknown }).body;
  const field = body && typeof body === "object" ? (body as Record<string, unknown>)._csrf : undefined;
  const sent = c.get("x-csrf-token") || (typeof field === "string" ? field : "");
  if (!constantEqual(sent, auth.session.record.csrf)) throw staffErrors("staff_csrf_invalid");
}

function constantEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/** The acting staff member of a request that passed the guard. */
export function staffOf(c: Context): StaffPrincipal {
  const p = c.state.staff as StaffPrincipal | undefined;
  if (!p) throw staffErrors("staff_login_required");
  return p;
}

/** The audit actor: the account's username, or the machine token's own name. Never a header. */
export const staffActor = (c: Context): string => staffOf(c).username;

/**
 * The department a request is limited to (handlers: their own; an account without one sees
 * nothing), or undefined when the role sees every department.
 */
export function staffDepartmentScope(c: Context): string | undefined {
  const p = staffOf(c);
  return DEPARTMENT_ROLES.includes(p.role) ? (p.department ?? "") : undefined;
}
