import crypto from "node:crypto";
import type { AppContext } from "../platform/context";

/**
 * The OAuth2 `state` of one sign-in: random, single use, ten minutes, remembering which page
 * to return to. It is also bound to the browser by a signed cookie (start-sign-in.ts), so a
 * callback link crafted elsewhere (login CSRF) fails the check.
 */
export const STATE_TTL_SECONDS = 600;
export const STATE_SHAPE = /^[A-Za-z0-9_-]{22}$/;
const keyOf = (state: string) => `citizen-web:state:${state}`;

export async function rememberState(app: AppContext, returnTo: string): Promise<string> {
  const state = crypto.randomBytes(16).toString("base64url");
  await app.store.set(keyOf(state), JSON.stringify({ returnTo }), STATE_TTL_SECONDS);
  return state;
}

/** The state's return path, consumed (a second use finds nothing). */
export async function takeState(app: AppContext, state: string): Promise<{ returnTo: string } | undefined> {
  if (!STATE_SHAPE.test(state)) return undefined;
  const raw = await app.store.get(keyOf(state));
  if (!raw) return undefined;
  await app.store.del(keyOf(state));
  return JSON.parse(raw) as { returnTo: string };
}
