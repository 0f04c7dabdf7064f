import type { Context } from "koa";
import type { TLSSocket } from "node:tls";
import type { AppContext } from "../platform/context";
import { SESSION_IDLE_SECONDS } from "./sessions";

export const STAFF_COOKIE = "zw_staff";

/**
 * HTTPS as the browser sees it: a TLS socket, or — only when TRUST_PROXY says the proxy in
 * front is believed (src/http/client-address.ts) — the proxy's X-Forwarded-Proto. Behind an
 * untrusted hop the header is anyone's claim, so it is ignored.
 */
export function requestIsHttps(app: AppContext, c: Context): boolean {
  if ((c.req.socket as TLSSocket).encrypted) return true;
  const trust = app.config.TRUST_PROXY;
  if (!trust || trust === "false" || trust === "0") return false;
  return c.get("x-forwarded-proto").split(",")[0]!.trim().toLowerCase() === "https";
}

/** HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site posts), Secure over HTTPS. */
export function setStaffCookie(app: AppContext, c: Context, token: string): void {
  const secure = allowSecure(app, c);
  c.cookies.set(STAFF_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: SESSION_IDLE_SECONDS * 1000 * 6,
    overwrite: true,
  });
}

export function clearStaffCookie(app: AppContext, c: Context): void {
  c.cookies.set(STAFF_COOKIE, "", { httpOnly: true, sameSite: "lax", secure: allowSecure(app, c), path: "/", maxAge: 0, overwrite: true });
}

export const staffCookieOf = (c: Context): string | undefined => c.cookies.get(STAFF_COOKIE) || undefined;

// Koa runs with proxy: false (client-address.ts decides about proxies), so its cookie jar thinks
// every request is plain HTTP and refuses Secure cookies: tell it what requestIsHttps found.
function allowSecure(app: AppContext, c: Context): boolean {
  const secure = requestIsHttps(app, c);
  if (secure) (c.cookies as unknown as { secure: boolean }).secure = true;
  return secure;
}
