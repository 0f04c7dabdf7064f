import type { Middleware } from "koa";
import { ADMIN_POLICY, policyKey } from "./admin-policy";
import { staffErrors } from "./errors";
import { admitStaff } from "./require-staff";

/**
 * The guard of every /api/v1/admin route: requireStaff with the roles ADMIN_POLICY lists for
 * the route being run (its registered path, set by @koa/router per layer). A route the table
 * does not list is refused (fail closed), whoever asks.
 */
export function adminGuard(): Middleware {
  return async (c, next) => {
    const path = (c as unknown as { routerPath?: string }).routerPath ?? "";
    const policy = ADMIN_POLICY[policyKey(c.method, path)];
    const auth = await admitStaff(c);
    if (!policy) throw staffErrors("staff_route_without_policy");
    if (!policy.roles.includes(auth.principal.role)) throw staffErrors("staff_role_forbidden", { role: auth.principal.role });
    await next();
  };
}
