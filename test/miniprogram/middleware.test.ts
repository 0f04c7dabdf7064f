import { describe, expect, it } from "vitest";
import type { Context } from "koa";
import { MemoryStore, type KeyValueStore } from "../../src/platform/store";
import { perIp, perUser, rateLimit } from "../../src/http/rate-limit";
import { createSession, optionalSession, requireSession, sessionOf } from "../../src/miniprogram";
import type { AppContext } from "../../src/platform/context";

const koaCtx = (headers: Record<string, string> = {}, ip = "198.51.100.1") =>
  ({ ip, state: {}, get: (h: string) => headers[h.toLowerCase()] ?? "" }) as unknown as Context;
const next = async () => {};

describe("rateLimit middleware", () => {
  it("counts per bucket and throws rate_limited with retryAfter past the limit", async () => {
    const mw = rateLimit({ store: new MemoryStore(), key: perIp("t"), limit: 2, windowSeconds: 30 });
    await mw(koaCtx(), next);
    await mw(koaCtx(), next);
    await expect(mw(koaCtx(), next)).rejects.toMatchObject({ code: "rate_limited", details: { retryAfter: 30 } });
    await mw(koaCtx({}, "198.51.100.2"), next); // another IP has its own window
  });

  it("skips anonymous requests for per-user buckets and keeps ids out of keys", async () => {
    const keys: string[] = [];
    const store = new MemoryStore();
    const spy = { ...store, incrWindow: (k: string, w: number) => (keys.push(k), store.incrWindow(k, w)) } as KeyValueStore;
    const mw = rateLimit({ store: spy, key: perUser("w", (c) => (c.state as { uid?: string }).uid), limit: 5, windowSeconds: 60 });
    await mw(koaCtx(), next);
    const c = koaCtx();
    (c.state as { uid?: string }).uid = "user-123";
    await mw(c, next);
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toContain("user-123");
  });

  it("lets requests through when the store is down", async () => {
    const broken = { incrWindow: async () => { throw new Error("ECONNREFUSED"); } } as unknown as KeyValueStore;
    let passed = false;
    await rateLimit({ store: broken, key: "x", limit: 1, windowSeconds: 1 })(koaCtx(), async () => void (passed = true));
    expect(passed).toBe(true);
  });
});

describe("session middleware", () => {
  const app = { store: new MemoryStore(), now: () => new Date(), config: { SESSION_TTL_SECONDS: 600 } } as unknown as AppContext;

  it("optionalSession attaches a valid session and lets anonymous requests through", async () => {
    const { token } = await createSession(app, "user-9");
    const signed = koaCtx({ authorization: `Bearer ${token}` });
    await optionalSession(app)(signed, next);
    expect(sessionOf(signed)?.userId).toBe("user-9");
    const anon = koaCtx();
    let ran = false;
    await optionalSession(app)(anon, async () => void (ran = true));
    expect(ran && sessionOf(anon) === undefined).toBe(true);
    const forged = koaCtx({ authorization: "Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" });
    await optionalSession(app)(forged, next);
    expect(sessionOf(forged)).toBeUndefined();
  });

  it("requireSession answers unauthorized without a valid token", async () => {
    await expect(requireSession(app)(koaCtx(), next)).rejects.toMatchObject({ code: "unauthorized", reason: "login_required", status: 401 });
    await expect(requireSession(app)(koaCtx({ authorization: "Basic abc" }), next)).rejects.toMatchObject({ status: 401 });
  });
});
