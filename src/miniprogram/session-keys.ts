import crypto from "node:crypto";

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

export const sessionKey = (id: string) => `mp:session:${id}`;
export const sessionIdOf = (token: string) => crypto.createHash("sha256").update(token).digest("base64url");
