import proxyaddr from "proxy-addr";
import type { Middleware } from "koa";

/**
 * Who the client is, for rate limits and logs. X-Forwarded-For is written by whoever sends the
 * request, so it is believed only as far as TRUST_PROXY says (RFC 7239 §8.3): not at all by
 * default (the socket's address); "N" trusts the N nearest hops (1 behind one reverse proxy);
 * a list trusts those proxy addresses/CIDRs (proxy-addr's names such as "loopback" too);
 * "true" trusts every hop (only where the proxy overwrites the header).
 */
function trustedProxies(setting: string | undefined): ((addr: string, hop: number) => boolean) | undefined {
  if (setting === undefined || setting === "false" || setting === "0") return undefined;
  if (setting === "true") return () => true;
  if (/^\d+$/.test(setting)) {
    const hops = Number(setting);
    return (_addr, hop) => hop < hops;
  }
  // Throws on an address it cannot read, so a typo stops the boot rather than trusting nobody.
  return proxyaddr.compile(setting.split(",").map((s) => s.trim()));
}

/** Sets `ctx.ip` from the trusted part of X-Forwarded-For; without TRUST_PROXY, no middleware. */
export function clientAddress(setting: string | undefined): Middleware | undefined {
  const trust = trustedProxies(setting);
  if (!trust) return undefined;
  return (ctx, next) => {
    ctx.request.ip = proxyaddr(ctx.req, trust);
    return next();
  };
}
