import type { AppContext } from "../platform/context";
import { sessionIdOf, sessionKey, type Session, type SessionRecord } from "./session-keys";

const TOUCH_EVERY_MS = 60_000;

/** The live session for a token (sliding its expiry), or undefined if missing, expired or revoked. */
export async function resumeSession(ctx: AppContext, token: string): Promise<Session | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const id = sessionIdOf(token);
  const raw = await ctx.store.get(sessionKey(id));
  if (!raw) return undefined;
  const record = JSON.parse(raw) as SessionRecord;
  const now = ctx.now().getTime();
  if (record.expiresAt <= now) {
    await ctx.store.del(sessionKey(id));
    return undefined;
  }
  if (now - record.touchedAt >= TOUCH_EVERY_MS) {
    const ttl = ctx.config.SESSION_TTL_SECONDS;
    record.expiresAt = now + ttl * 1000;
    record.touchedAt = now;
    await ctx.store.set(sessionKey(id), JSON.stringify(record), ttl);
  }
  return { id, ...record };
}
