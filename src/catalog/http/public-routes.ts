import type Router from "@koa/router";
import { defineRoute } from "../../http/openapi";
import type { AppContext } from "../../platform/context";
import { listItems } from "../items/list-items";
import { getItem } from "../items/get-item";
import { listDepartments } from "../items/list-departments";
import type { ItemSearch } from "../items/item-search";
import { etagOf, ifNoneMatchHits, presentDepartmentList, presentItemDetail, presentItemPage } from "../presenters";
import { parseLang } from "../translate";
import { codeParams, departmentListSchema, itemDetailSchema, itemListSchema, itemQuery, listItemsQuery } from "./schemas";

export function publicRoutes(router: Router, app: AppContext, search: () => ItemSearch | undefined): void {
  const prisma = app.db.prisma;
  const baseUrl = app.config.PUBLIC_BASE_URL;

  defineRoute(router, {
    method: "get",
    path: "/api/v1/items",
    summary: "List and filter service items (published guides and catalog-only items)",
    tags: ["catalog"],
    query: listItemsQuery,
    response: itemListSchema,
    handler: async ({ query }) => presentItemPage(await listItems({ prisma, ...query, search: search() }), query, baseUrl),
  });

  defineRoute(router, {
    method: "get",
    path: "/api/v1/items/:code",
    summary: "The latest published guide of an item (?lang=bo: translation with Chinese fallback per field); ETag/If-None-Match",
    tags: ["catalog"],
    params: codeParams,
    query: itemQuery,
    response: itemDetailSchema,
    handler: async ({ params, query }, ctx) => {
      const body = presentItemDetail(await getItem({ prisma, code: params.code }), parseLang(query.lang), baseUrl);
      const etag = etagOf(body);
      ctx.set("ETag", etag);
      // Clients may keep a copy but must revalidate: a publication changes the guide at once.
      ctx.set("Cache-Control", "no-cache");
      if (ifNoneMatchHits(ctx.get("If-None-Match") || undefined, etag)) {
        ctx.status = 304;
        return undefined;
      }
      return body;
    },
  });

  defineRoute(router, {
    method: "get",
    path: "/api/v1/departments",
    summary: "Departments (实施主体) with their item counts",
    tags: ["catalog"],
    response: departmentListSchema,
    handler: async () => presentDepartmentList(await listDepartments({ prisma })),
  });
}
