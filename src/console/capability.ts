import type { Capability } from "../platform/capability";
import { adminPageRoutes } from "./http/admin-page-routes";
import { applicationRoutes } from "./http/application-routes";
import { assetRoutes } from "./http/asset-routes";
import { complaintRoutes } from "./http/complaint-routes";
import { dashboardRoutes } from "./http/dashboard-routes";
import { gapRoutes } from "./http/gap-routes";
import { guideRoutes } from "./http/guide-routes";
import { loginRoutes } from "./http/login-routes";
import type { ConsoleOptions } from "./ports";

/**
 * The staff console under /admin: server-rendered pages (like the citizens' guide pages) over
 * the capabilities' own operations, guarded by the staff capability's sessions and roles, with
 * small scripts of our own and ECharts served from this service.
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
    },
  };
}
