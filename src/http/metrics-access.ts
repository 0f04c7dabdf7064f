import crypto from "node:crypto";
import type { Context } from "koa";

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * Who may read /metrics (route names, volumes, error rates: not for the public). With
 * METRICS_TOKEN, whoever sends it as a bearer token; without, only a scraper on this machine
 * connecting directly — the socket's address is loopback and no proxy forwarded the request
 * (a reverse proxy on the same host would otherwise make every visitor "local").
 * Anyone else gets the same 404 as an unknown path.
 */
export function metricsAllowed(c: Context, token: string | undefined): boolean {
  if (token) {
    const sent = Buffer.from(c.get("authorization").replace(/^Bearer\s+/i, ""));
    const want = Buffer.from(token);
    return sent.length === want.length && crypto.timingSafeEqual(sent, want);
  }
  const direct = !c.get("x-forwarded-for") && !c.get("forwarded") && !c.get("x-real-ip");
  return direct && LOOPBACK.test(c.req.socket.remoteAddress ?? "");
}
