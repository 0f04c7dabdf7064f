import type { Capability } from "../platform/capability";
import { publicRoutes } from "./http/public-routes";
import { pageRoutes } from "./http/page-routes";
import { adminRoutes } from "./http/admin-routes";
import { importOnFirstStart } from "./auto-import";
import type { ItemSearch } from "./items/item-search";

export interface CatalogOptions {
  /**
   * Full-text search for `GET /api/v1/items?q=` (the search capability provides it). A
   * function returning one, so it can be wired after both capabilities exist. Without it,
   * `q` is a case-insensitive match on names and aliases.
   */
  search?: () => ItemSearch | undefined;
}

/** The service catalog: public item API, H5 guide pages, staff editing, first-start import. */
export function catalogCapability(options: CatalogOptions = {}): Capability {
  return {
    name: "catalog",
    routes(router, ctx) {
      publicRoutes(router, ctx, () => options.search?.());
      pageRoutes(router, ctx, () => options.search?.());
      adminRoutes(router, ctx);
    },
    async start(ctx) {
      await importOnFirstStart(ctx);
    },
  };
}
