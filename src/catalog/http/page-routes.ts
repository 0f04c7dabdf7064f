import type Router from "@koa/router";
import { z } from "zod";
import { documentRoute } from "../../http/openapi";
import type { AppContext } from "../../platform/context";
import { isAppError } from "../../platform/errors";
import { getItem } from "../items/get-item";
import { parseLang } from "../translate";
import { PRINT_SCRIPT, printScript, renderGuidePage, renderNotFoundPage } from "../page/render-guide-page";
import { etagOf, ifNoneMatchHits } from "../presenters";

/** GET /guides/:code — server-rendered H5 page (HTML, documented as text/html). */
export function pageRoutes(router: Router, app: AppContext): void {
  documentRoute({ method: "get", path: PRINT_SCRIPT, summary: "The guide page's print button script", tags: ["pages"], responseTypes: ["text/javascript"] });
  documentRoute({
    method: "get",
    path: "/guides/:code",
    summary: "Guide page (H5), in Chinese or Tibetan; 404 page for an unknown code",
    tags: ["pages"],
    query: z.object({ lang: z.enum(["zh", "bo"]).optional() }),
    responseTypes: ["text/html"],
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
      if (!isAppError(e) || e.code !== "not_found") throw e;
      ctx.status = 404;
      ctx.type = "text/html; charset=utf-8";
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
