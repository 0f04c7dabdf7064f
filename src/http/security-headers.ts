import helmet from "koa-helmet";
import type { Middleware } from "koa";

/**
 * Helmet's security headers (HSTS, nosniff, frame and referrer rules, …) with a Content
 * Security Policy the service's own pages pass: they load nothing from elsewhere, carry their
 * CSS inline (hence 'unsafe-inline' for styles only) and run no script but the service's own
 * files. Not on the WeChat callback: its XML goes to WeChat's servers, never to a browser, and
 * it is the busiest route.
 */
export function securityHeaders(): Middleware {
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
      },
    },
    // Pages link to the citizen's own records elsewhere in WeChat; keep the origin in referrers.
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
  }) as unknown as Middleware;
  return (ctx, next) => (ctx.path === "/wechat" ? next() : headers(ctx, next));
}
