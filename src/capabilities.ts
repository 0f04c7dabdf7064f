import type { Capability } from "./platform/capability";

/**
 * Every capability of the service, in dependency order (a capability may use those before it).
 * Start hooks run in this order, stop hooks in reverse.
 */
export const capabilities: Capability[] = [];
