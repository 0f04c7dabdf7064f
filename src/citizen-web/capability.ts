import type { Capability } from "../platform/capability";
import { pageRoutes } from "./http/page-routes";

/**
 * The citizens' web sign-in for the H5 pages opened from the Official Account's menu ("my
 * complaints", "my applications"): WeChat web authorization (OAuth2 snsapi_base) → openid →
 * the user the Official Account knows → a signed, HttpOnly session cookie. Its own capability
 * because two others (complaints, applications) guard their pages with it, and because it is
 * neither the message adapter (wechat/) nor a users operation.
 */
export function citizenWebCapability(): Capability {
  return {
    name: "citizen-web",
    routes(router, ctx) {
      pageRoutes(router, ctx);
    },
  };
}
