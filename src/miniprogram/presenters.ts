import type { AppContext } from "../platform/context";
import type { UserModel } from "../platform/db";
import { presentUser } from "../users";
import type { Subscriptions } from "./list-subscriptions";
import type { Session } from "./session-keys";

/** A new session: the token, its expiry (ISO and in seconds) and the user's masked profile. */
export function presentLogin(app: AppContext, s: { token: string; expiresAt: Date; user: UserModel }) {
  return {
    token: s.token,
    expiresAt: s.expiresAt.toISOString(),
    expiresIn: app.config.SESSION_TTL_SECONDS,
    user: presentUser(app, s.user),
  };
}

export function presentSession(s: Session) {
  return { userId: s.userId, expiresAt: new Date(s.expiresAt).toISOString() };
}

/** Our templates by topic, and for each of them the sends still allowed. */
export function presentSubscriptions(s: Subscriptions) {
  return { templates: s.templates, available: Object.fromEntries(Object.values(s.templates).map((id) => [id, s.counts[id] ?? 0])) };
}

export function presentRecordedSubscriptions(s: Subscriptions & { recorded: number }) {
  return { ...presentSubscriptions(s), recorded: s.recorded };
}
