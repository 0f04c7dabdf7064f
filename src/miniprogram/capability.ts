import type { Capability } from "../platform/capability";
import { mpRoutes } from "./http/mp-routes";

/**
 * The mini-program channel: login through code2Session, opaque sessions with sliding expiry,
 * phone binding, real-name details and subscribe-message consents. Other capabilities add
 * their mini-program endpoints behind `requireSession` / `authenticatedWrite`.
 */
export function miniprogramCapability(): Capability {
  return {
    name: "miniprogram",
    routes: (router, app) => mpRoutes(router, app),
  };
}
