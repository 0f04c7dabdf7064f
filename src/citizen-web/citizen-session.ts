import crypto from "node:crypto";
import type { AppContext } from "../platform/context";

/** Who is signed in on the H5 pages: our user and the Official Account openid WeChat vouched for. */
export interface Citizen {
  userId: string;
  openid: string;
}

interface SessionRecord extends Citizen {
  expiresAt: number;
}

// The store keeps only a hash of the token: a store dump cannot be replayed as cookies.
const keyOf = (token: string) => `citizen-web:session:${crypto.createHash("sha256").update(token).digest("base64url")}`;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** A new session; the token goes into the (signed) cookie. */
export async function createCitizenSession(app: AppContext, citizen: Citizen): Promise<{ token: string; ttlSeconds: number }> {
  const token = crypto.randomBytes(32).toString("base64url");
  const ttlSeconds = app.config.SESSION_TTL_SECONDS;
  const record: SessionRecord = { ...citizen, expiresAt: app.now().getTime() + ttlSeconds * 1000 };
  await app.store.set(keyOf(token), JSON.stringify(record), ttlSeconds);
  return { token, ttlSeconds };
}

/** The citizen of a live session, or undefined (unknown, expired or malformed token). */
export async function resumeCitizenSession(app: AppContext, token: string): Promise<Citizen | undefined> {
  if (!TOKEN.test(token)) return undefined;
  const raw = await app.store.get(keyOf(token));
  if (!raw) return undefined;
  const r = JSON.parse(raw) as SessionRecord;
  if (r.expiresAt <= app.now().getTime()) return undefined;
  return { userId: r.userId, openid: r.openid };
}
