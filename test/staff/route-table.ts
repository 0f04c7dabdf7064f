import type Router from "@koa/router";
import { policyKey } from "../../src/staff";

/** The /api/v1/admin routes a running service registered, read off its router's layers ("METHOD path"). */
export function registeredAdminRoutes(router: Router): string[] {
  const keys = new Set<string>();
  for (const layer of router.stack) {
    if (typeof layer.path !== "string" || !layer.path.toLowerCase().startsWith("/api/v1/admin")) continue;
    for (const m of layer.methods) if (m !== "HEAD") keys.add(policyKey(m, layer.path));
  }
  return [...keys].sort();
}
