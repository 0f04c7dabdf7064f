/** Public surface of the mini-program channel. */
export { miniprogramCapability } from "./capability";
export { requireSession, optionalSession, sessionOf, currentUserId } from "./http/session-middleware";
export { authenticatedWrite } from "./http/guards";
export type { Session } from "./session-keys";
export { createSession } from "./create-session";
export { resumeSession } from "./resume-session";
export { revokeSession } from "./revoke-session";
export { recordConsents } from "./record-consents";
export { availableConsents } from "./available-consents";
export { consumeConsent } from "./consume-consent";
export { releaseConsent } from "./release-consent";
export { miniProgramClient, setMiniProgramClient } from "./mp-api";
export { subscribeTemplates } from "./subscribe-templates";
export { LIMITS as MINIPROGRAM_LIMITS } from "./limits";
