import crypto from "node:crypto";
import type { AppContext } from "../platform/context";

/**
 * Mini-program sessions: an opaque random token for the client, and a record in the
 * KeyValueStore under the token's SHA-256 (a store dump yields no usable tokens). Expiry is
 * sliding: each use pushes it SESSION_TTL_SECONDS ahead (at most once a minute, to spare the
 * store a write per request). The expiry is also kept in the record and checked against
 * ctx.now, so it holds even if a store entry outlives its TTL, and tests can move the clock.
 */
export interface SessionRecord {
  userId: string;
  createdAt: number;
  expiresAt: number;
  touchedAt: number;
}

export interface Session extends SessionRecord {
  /** Hash of the token: identifies the session without being it. */
  id: string;
}

const TOUCH_EVERY_MS = 60_000;

const keyOf = (id: string) => `mp:session:${id}`;
const idOf = (token: string) => crypto.createHash("sha256").update(token).digest("base64url");

export async function createSession(ctx: AppContext, userId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = crypto.randomBytes(32).toString("base64url");
  const now = ctx.now().getTime();
  const ttl = ctx.config.SESSION_TTL_SECONDS;
  const record: SessionRecord = { userId, createdAt: now, expiresAt: now + ttl * 1000, touchedAt: now };
  await ctx.store.set(keyOf(idOf(token)), JSON.stringify(record), ttl);
  return { token, expiresAt: new Date(record.expiresAt) };
}

/** The live session for a token (sliding its expiry), or undefined if missing, expired or revoked. */
export async function resumeSession(ctx: AppContext, token: string): Promise<Session | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const id = idOf(token);
  const raw = await ctx.store.get(keyOf(id));
  if (!raw) return undefined;
  const record = JSON.parse(raw) as SessionRecord;
  const now = ctx.now().getTime();
  if (record.expiresAt <= now) {
    await ctx.store.del(keyOf(id));
    return undefined;
  }
  if (now - record.touchedAt >= TOUCH_EVERY_MS) {
    const ttl = ctx.config.SESSION_TTL_SECONDS;
    record.expiresAt = now + ttl * 1000;
    record.touchedAt = now;
    await ctx.store.set(keyOf(id), JSON.stringify(record), ttl);
  }
  return { id, ...record };
}

export async function revokeSession(ctx: AppContext, sessionId: string): Promise<void> {
  await ctx.store.del(keyOf(sessionId));
}
