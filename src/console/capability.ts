import type { Capability } from "../platform/capability";
import { documentRoute } from "../http/openapi";
import { adminPageRoutes } from "./http/admin-page-routes";
import { applicationRoutes } from "./http/application-routes";
import { assetRoutes } from "./http/asset-routes";
import { complaintRoutes } from "./http/complaint-routes";
import { dashboardRoutes } from "./http/dashboard-routes";
import { gapRoutes } from "./http/gap-routes";
import { guideRoutes } from "./http/guide-routes";
import { loginRoutes } from "./http/login-routes";
import { passwordRoutes } from "./http/password-routes";
import type { ConsoleOptions } from "./ports";

/**
 * The staff console under /admin: server-rendered pages (like the citizens' guide pages) over
 * the capabilities' own operations, guarded by the staff capability's sessions and roles, with
 * small scripts of our own and ECharts served from this service.
 *
 * Why server-rendered and not Vue 3 + Element Plus (the RuoYi-style choice issue 21 offers):
 * the citizens' H5 pages already render on the server with platform/html.ts under a CSP of
 * script-src 'self' and no inline script, so the console shares that one escaping helper and
 * policy instead of adding a second toolchain and a front-end build to `npm start`, `npm test`
 * and the image; forms post with the session's _csrf field and work without JavaScript (not the
 * sign-in and accounts pages, which call the staff API from login.js and accounts.js); each
 * page calls the same operation as its /api/v1/admin route, so role and department checks have
 * one home. The price: no client-side component library — the few lists that grow in place
 * (materials, steps, fee items) are console.js, and ECharts is the one library on the page.
 */
export function consoleCapability(options: ConsoleOptions): Capability {
  return {
    name: "console",
    routes(router, ctx) {
      assetRoutes(router);
      loginRoutes(router);
      dashboardRoutes(router, ctx, options.complaints);
      guideRoutes(router, ctx);
      gapRoutes(router, ctx);
      complaintRoutes(router, ctx, options.complaints);
      applicationRoutes(router, ctx);
      adminPageRoutes(router, ctx);
      passwordRoutes(router);
      documentConsole(router.stack);
    },
  };
}

/**
 * The console's pages in /openapi.json, as text/html for a staff session (forms post back to
 * them; /api/v1/admin is the JSON API they share their operations with).
 */
function documentConsole(stack: readonly { path: unknown; methods: string[] }[]): void {
  for (const layer of stack) {
    if (typeof layer.path !== "string" || !layer.path.startsWith("/admin")) continue;
    const assets = layer.path.startsWith("/admin/assets");
    for (const method of layer.methods.filter((m) => m === "GET" || m === "POST")) {
      documentRoute({
        method: method.toLowerCase() as "get" | "post",
        path: layer.path,
        summary: assets ? "Staff console script, style or chart library (served locally, no CDN)" : `Staff console page (${method === "GET" ? "view" : "form post"}, staff session by role)`,
        tags: ["console"],
        responseTypes: assets ? ["text/javascript", "text/css"] : ["text/html"],
        ...(method === "POST" && !assets ? { bodyTypes: ["application/x-www-form-urlencoded"] } : {}),
      });
    }
  }
}
