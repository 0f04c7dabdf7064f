import type Router from "@koa/router";
import { documentRoute, validateInput } from "../../http/openapi";
import type { AppContext } from "../../platform/context";
import { isAppError } from "../../platform/errors";
import { getItem } from "../items/get-item";
import { parseLang } from "../translate";
import { renderGuidePage, renderNotFoundPage } from "../page/render-guide-page";
import { PRINT_SCRIPT, printScript } from "../page/layout";
import { renderGuideIndex } from "../page/render-guide-index";
import { loadGuideIndex } from "../page/load-guide-index";
import { etagOf, ifNoneMatchHits, presentGuideIndex } from "../presenters";
import type { ItemSearch } from "../items/item-search";
import { guideIndexQuery, guidePageQuery } from "./schemas";

const HTML = "text/html; charset=utf-8";

/**
 * The server-rendered H5 pages (documented as text/html):
 * GET /guides — the index (search with the search capability's ranking, the most asked items,
 * departments); GET /guides/:code — one guide.
 */
export function pageRoutes(router: Router, app: AppContext, search: () => ItemSearch | undefined): void {
  const prisma = app.db.prisma;
  documentRoute({ method: "get", path: "/guides", summary: "Guide index (H5): search, departments, the most asked items", tags: ["pages"], query: guideIndexQuery, responseTypes: ["text/html"] });
  documentRoute({ method: "get", path: PRINT_SCRIPT, summary: "The guide pages' script: the print button, and in WeChat's browser the link back to the conversation", tags: ["pages"], responseTypes: ["text/javascript"] });
  documentRoute({
    method: "get",
    path: "/guides/:code",
    summary: "Guide page (H5), in Chinese or Tibetan; 404 page for an unknown code",
    tags: ["pages"],
    query: guidePageQuery,
    responseTypes: ["text/html"],
  });
  router.get("/guides", async (ctx) => {
    const query = validateInput(guideIndexQuery, ctx.query, "query");
    const index = await loadGuideIndex({ prisma, q: query.q, department: query.department, search: search() });
    ctx.type = HTML;
    ctx.set("Cache-Control", "no-cache");
    ctx.body = renderGuideIndex(presentGuideIndex(parseLang(query.lang), index));
  });
  router.get(PRINT_SCRIPT, (ctx) => {
    ctx.type = "text/javascript; charset=utf-8";
    ctx.set("Cache-Control", "public, max-age=86400");
    ctx.body = printScript;
  });
  router.get("/guides/:code", async (ctx) => {
    const lang = parseLang(typeof ctx.query.lang === "string" ? ctx.query.lang : undefined);
    const code = ctx.params.code ?? "";
    let page: string;
    try {
      const item = await getItem({ prisma: app.db.prisma, code });
      page = renderGuidePage(item, lang, app.config.HOTLINE);
    } catch (e) {
      if (!isAppError(e) || e.publicCode !== "item_not_found") throw e;
      ctx.status = 404;
      ctx.type = HTML;
      ctx.body = renderNotFoundPage(code, lang, app.config.HOTLINE);
      return;
    }
    const etag = etagOf(page);
    ctx.set("ETag", etag);
    ctx.set("Cache-Control", "no-cache");
    if (ifNoneMatchHits(ctx.get("If-None-Match") || undefined, etag)) {
      ctx.status = 304;
      return;
    }
    ctx.type = "text/html; charset=utf-8";
    ctx.body = page;
  });
}
