import type { Capability } from "../platform/capability";
import { adminRoutes } from "./http/admin-routes";
import { auditRoutes } from "./http/audit-routes";
import { staffRoutes } from "./http/staff-routes";

/** Staff accounts and sessions: login/logout/me/password, and account management for administrators. */
export function staffCapability(): Capability {
  return {
    name: "staff",
    routes(router, ctx) {
      staffRoutes(router, ctx);
      adminRoutes(router, ctx);
      auditRoutes(router, ctx);
    },
  };
}
