/**
 * Rate limits of the mini-program API (fixed windows, counted in the shared store). Login is
 * limited per IP before WeChat is asked and per user (openid) after; writes per user and per
 * IP. Per-IP limits are generous because many citizens share a carrier NAT address.
 */
export const LIMITS = {
  loginPerIp: { limit: 30, windowSeconds: 60 },
  loginPerUser: { limit: 10, windowSeconds: 60 },
  writePerIp: { limit: 120, windowSeconds: 60 },
  writePerUser: { limit: 30, windowSeconds: 60 },
} as const;
