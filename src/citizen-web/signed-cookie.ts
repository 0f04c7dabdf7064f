import crypto from "node:crypto";
import type { Context } from "koa";
import type { AppContext } from "../platform/context";

/**
 * Cookies signed with the service's own secret (the data-encryption key every instance shares,
 * through FieldCrypto's keyed hash): `<value>.<signature>`. Koa's signed cookies would need
 * another shared secret (app.keys) configured on every instance for nothing more.
 */
const signatureOf = (app: AppContext, name: string, value: string) => app.crypto.blindIndex(`citizen-web:cookie:${name}:${value}`);

export function readSignedCookie(app: AppContext, ctx: Context, name: string): string | undefined {
  const raw = ctx.cookies.get(name);
  const dot = raw?.lastIndexOf(".") ?? -1;
  if (!raw || dot <= 0) return undefined;
  const value = raw.slice(0, dot);
  const given = Buffer.from(raw.slice(dot + 1));
  const expected = Buffer.from(signatureOf(app, name, value));
  return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? value : undefined;
}

/** HttpOnly, SameSite=Lax (sent on WeChat's redirect back, a top-level GET), Secure over HTTPS. */
export function writeSignedCookie(app: AppContext, ctx: Context, name: string, value: string, opts: { maxAgeSeconds: number; path?: string }): void {
  ctx.cookies.set(name, `${value}.${signatureOf(app, name, value)}`, {
    httpOnly: true,
    sameSite: "lax",
    secure: ctx.secure,
    path: opts.path ?? "/",
    maxAge: opts.maxAgeSeconds * 1000,
    overwrite: true,
  });
}

export function clearCookie(ctx: Context, name: string, path = "/"): void {
  ctx.cookies.set(name, "", { httpOnly: true, sameSite: "lax", secure: ctx.secure, path, maxAge: 0, overwrite: true });
}
