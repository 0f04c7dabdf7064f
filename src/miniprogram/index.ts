import type { Capability } from "../platform/capability";
import { authRoutes } from "./auth-routes";
import { accountRoutes } from "./account-routes";
import { subscriptionRoutes } from "./subscription-routes";

/**
 * The mini-program channel: login through code2Session, opaque sessions with sliding expiry,
 * phone binding, real-name details and subscribe-message consents. Other capabilities add
 * their mini-program endpoints behind `requireSession` / `authenticatedWrite`.
 */
export function miniprogramCapability(): Capability {
  return {
    name: "miniprogram",
    routes(router, app) {
      authRoutes(router, app);
      accountRoutes(router, app);
      subscriptionRoutes(router, app);
    },
  };
}

export { requireSession, optionalSession, sessionOf, currentUserId } from "./session-middleware";
export { authenticatedWrite } from "./guards";
export { createSession, resumeSession, revokeSession, type Session } from "./sessions";
export { consumeConsent, releaseConsent, recordConsents, availableConsents } from "./consents";
export { miniProgramClient, setMiniProgramClient } from "./mp-api";
export { subscribeTemplates } from "./subscribe-templates";
export { LIMITS as MINIPROGRAM_LIMITS } from "./limits";
