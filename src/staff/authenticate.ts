import crypto from "node:crypto";
import type { Context } from "koa";
import { appContextOf } from "../http/app-context";
import type { AppContext } from "../platform/context";
import { staffErrors } from "./errors";
import { isRole, MACHINE_ACTOR, type StaffPrincipal } from "./roles";
import { endSession, readSession, type StaffSession } from "./sessions";
import { clearStaffCookie, staffCookieOf } from "./cookie";

/** Who a request is: the principal, and the session (with its token) when it came with the cookie. */
export interface StaffAuth {
  principal: StaffPrincipal;
  session?: { token: string; record: StaffSession };
}

const digest = (s: string) => crypto.createHash("sha256").update(s).digest();
const MACHINE: StaffPrincipal = Object.freeze({ accountId: null, username: MACHINE_ACTOR, role: "administrator", department: null, machine: true });

/**
 * The staff member behind a request, once per request (cached on ctx.state): the machine
 * bearer token, else the session cookie. A session is believed only while its account exists,
 * is enabled and still has the epoch the session began with; the role and department come
 * from the account now, so a change applies at the next request.
 */
export async function authenticateStaff(c: Context): Promise<StaffAuth | null> {
  const cached = c.state.staffAuth as StaffAuth | null | undefined;
  if (cached !== undefined) return cached;
  const app = appContextOf(c);
  const auth = (await byBearer(app, c)) ?? (await byCookie(app, c));
  c.state.staffAuth = auth;
  return auth;
}

async function byBearer(app: AppContext, c: Context): Promise<StaffAuth | undefined> {
  const header = c.get("authorization");
  if (!header) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const token = app.config.ADMIN_TOKEN;
  // Both sides hashed before timingSafeEqual: neither the token nor its length leaks through timing.
  if (!m || !token || !crypto.timingSafeEqual(digest(m[1]!), digest(token))) {
    c.set("WWW-Authenticate", 'Bearer realm="staff"');
    throw staffErrors("staff_login_required");
  }
  return { principal: MACHINE };
}

async function byCookie(app: AppContext, c: Context): Promise<StaffAuth | null> {
  const token = staffCookieOf(c);
  if (!token) return null;
  const record = await readSession(app.store, token, app.now());
  const account = record
    ? await app.db.prisma.staffAccount.findUnique({
        where: { id: record.accountId },
        select: { id: true, username: true, role: true, department: true, disabled: true, sessionEpoch: true },
      })
    : null;
  if (!record || !account || account.disabled || account.sessionEpoch !== record.epoch || !isRole(account.role)) {
    if (record) await endSession(app.store, token);
    clearStaffCookie(app, c);
    return null;
  }
  const principal: StaffPrincipal = { accountId: account.id, username: account.username, role: account.role, department: account.department, machine: false };
  return { principal, session: { token, record } };
}
