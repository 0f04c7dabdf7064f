import Router, { type Layer, type RouterMiddleware } from "@koa/router";
import type { Middleware } from "koa";

/** A first path segment that is plain text (no parameter, wildcard or group). */
const LITERAL = /^[\w.~-]*$/;

/** The lowercased first segment of a path ("/api/v1/items" → "api"); routes match case-insensitively. */
function firstSegment(path: string): string {
  const end = path.indexOf("/", 1);
  return (end < 0 ? path.slice(1) : path.slice(1, end)).toLowerCase();
}

/**
 * The routes of `router`, dispatched by the request path's first segment.
 *
 * @koa/router tests every route's regular expression in turn, so the busiest route (the WeChat
 * callback, registered last) went through ninety-odd misses (bench/README.md, "Per-message
 * costs"). Every route starts with a literal segment ("api", "open311", "wechat", …): one
 * router per first segment, one Map lookup, then a handful of tests.
 *
 * Behaviour is the router's own: the same layers in the same order, each group with its
 * `allowedMethods()` (405 with `Allow`, OPTIONS, 501). A route whose first segment is not
 * literal (a parameter, a RegExp path) is tested for every request, in its registration
 * place. A path of no group goes to a router holding only those (maybe none): it falls through
 * to `next()` (404 downstream) as an unmatched path did, and an unknown method still gets 501.
 *
 * Takes the router once every route is registered (routes added later are not seen); the
 * group routers have no prefix of their own (the layers carry it) and `ctx.router` is the
 * request's group router, so `ctx.router.url(name)` knows only that group's routes.
 */
export function segmentRoutes(router: Router): Middleware {
  // Each layer's group: its literal first segment, or undefined when it must be tried everywhere.
  const segmentOf = (layer: Layer) => {
    const segment = typeof layer.path === "string" ? firstSegment(layer.path) : undefined;
    return segment !== undefined && LITERAL.test(segment) ? segment : undefined;
  };
  // The layers already carry the router's prefix: the groups must not add it again.
  const opts = { ...router.opts, prefix: undefined };
  const groups = new Map<string, Router>();
  for (const layer of router.stack) {
    const segment = segmentOf(layer);
    if (segment !== undefined && !groups.has(segment)) groups.set(segment, new Router(opts));
  }
  const anywhere = new Router(opts);
  for (const layer of router.stack) {
    const segment = segmentOf(layer);
    const targets = segment !== undefined ? [groups.get(segment)!] : [...groups.values(), anywhere];
    // GET layers list HEAD too, which registering adds again.
    const methods = layer.methods.includes("GET") ? layer.methods.filter((m) => m !== "HEAD") : layer.methods;
    for (const g of targets) g.register(layer.path, methods, layer.stack as RouterMiddleware[], layer.opts);
  }
  const dispatch = (g: Router): Middleware => {
    const routes = g.routes() as unknown as Middleware;
    const allowed = g.allowedMethods() as unknown as Middleware;
    return (ctx, next) => routes(ctx, () => allowed(ctx, next));
  };
  const byFirst = new Map([...groups].map(([segment, g]) => [segment, dispatch(g)]));
  const fallback = dispatch(anywhere);
  return (ctx, next) => (byFirst.get(firstSegment(ctx.path)) ?? fallback)(ctx, next);
}
