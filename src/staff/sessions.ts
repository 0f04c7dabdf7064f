import crypto from "node:crypto";
import type { KeyValueStore } from "../platform/store";

/** A staff session as the store keeps it; the cookie holds only a random token whose hash is the key. */
export interface StaffSession {
  accountId: string;
  /** The account's sessionEpoch when the session began: a bump ends it. */
  epoch: number;
  csrf: string;
  /** Milliseconds since the epoch: the absolute lifetime is counted from here. */
  createdAt: number;
}

/** Idle sessions end after 2 hours; any session after 12 (one working day). */
export const SESSION_IDLE_SECONDS = 2 * 3600;
export const SESSION_MAX_MS = 12 * 3600 * 1000;

// Keyed by a hash of the token, so a store dump does not hand out live cookies.
const keyOf = (token: string) => `staff:session:${crypto.createHash("sha256").update(token).digest("base64url")}`;
const randomToken = () => crypto.randomBytes(32).toString("base64url");

export async function createSession(store: KeyValueStore, accountId: string, epoch: number, now: Date): Promise<{ token: string; session: StaffSession }> {
  const token = randomToken();
  const session: StaffSession = { accountId, epoch, csrf: randomToken(), createdAt: now.getTime() };
  await store.set(keyOf(token), JSON.stringify(session), SESSION_IDLE_SECONDS);
  return { token, session };
}

/** The live session of a token (idle time restarted), or null when unknown or past its lifetime. */
export async function readSession(store: KeyValueStore, token: string, now: Date): Promise<StaffSession | null> {
  if (!/^[\w-]{43}$/.test(token)) return null;
  const raw = await store.get(keyOf(token));
  if (!raw) return null;
  const session = JSON.parse(raw) as StaffSession;
  if (now.getTime() - session.createdAt > SESSION_MAX_MS) {
    await store.del(keyOf(token));
    return null;
  }
  await store.expire(keyOf(token), SESSION_IDLE_SECONDS);
  return session;
}

/** Rewrites a session (a password change moves the current one to the new epoch). */
export async function saveSession(store: KeyValueStore, token: string, session: StaffSession): Promise<void> {
  await store.set(keyOf(token), JSON.stringify(session), SESSION_IDLE_SECONDS);
}

export const endSession = (store: KeyValueStore, token: string): Promise<void> => store.del(keyOf(token));
