import crypto from "node:crypto";
import type { AppContext } from "../platform/context";
import { sessionIdOf, sessionKey, type SessionRecord } from "./session-keys";

/** A new session for the user: the token goes to the client, only its hash is stored. */
export async function createSession(ctx: AppContext, userId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = crypto.randomBytes(32).toString("base64url");
  const now = ctx.now().getTime();
  const ttl = ctx.config.SESSION_TTL_SECONDS;
  const record: SessionRecord = { userId, createdAt: now, expiresAt: now + ttl * 1000, touchedAt: now };
  await ctx.store.set(sessionKey(sessionIdOf(token)), JSON.stringify(record), ttl);
  return { token, expiresAt: new Date(record.expiresAt) };
}
