import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KeyValueStore } from "../../src/platform/store";
import { createTestStore, testStoreKinds } from "../support/store";

describe.each(testStoreKinds())("KeyValueStore contract (%s)", (kind) => {
  let store: KeyValueStore;
  beforeAll(() => {
    store = createTestStore(kind);
  });
  afterAll(async () => {
    await store.close();
  });

  it("gets, sets and deletes", async () => {
    expect(await store.get("a")).toBeNull();
    await store.set("a", "1");
    expect(await store.get("a")).toBe("1");
    await store.del("a");
    expect(await store.get("a")).toBeNull();
  });

  it("expires keys after their TTL", async () => {
    await store.set("ttl", "x", 1);
    expect(await store.ttl("ttl")).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await store.get("ttl")).toBeNull();
    expect(await store.ttl("ttl")).toBeNull();
  });

  it("set-if-absent sets once", async () => {
    expect(await store.setIfAbsent("nx", "first", 10)).toBe(true);
    expect(await store.setIfAbsent("nx", "second", 10)).toBe(false);
    expect(await store.get("nx")).toBe("first");
  });

  it("set-if-absent is atomic under concurrency", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.setIfAbsent("race", String(i), 10)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("slides an expiry", async () => {
    await store.set("slide", "v", 2);
    expect(await store.expire("slide", 100)).toBe(true);
    expect(await store.ttl("slide")).toBeGreaterThan(50);
    expect(await store.expire("missing-key", 10)).toBe(false);
  });

  it("counts hits in a fixed window", async () => {
    const a = await store.incrWindow("rl", 1);
    const b = await store.incrWindow("rl", 1);
    expect([a.count, b.count]).toEqual([1, 2]);
    expect(b.resetSeconds).toBeGreaterThan(0);
    expect(b.resetSeconds).toBeLessThanOrEqual(1);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await store.incrWindow("rl", 1)).count).toBe(1);
  });

  it("publishes to subscribers and stops after unsubscribe", async () => {
    const got: string[] = [];
    const unsubscribe = await store.subscribe("chan", (m) => got.push(m));
    await store.publish("chan", "hello");
    await waitFor(() => got.length === 1);
    await unsubscribe();
    await store.publish("chan", "again");
    await new Promise((r) => setTimeout(r, 100));
    expect(got).toEqual(["hello"]);
  });

  it("answers ping", async () => {
    expect(await store.ping()).toBe(true);
  });
});

async function waitFor(cond: () => boolean, ms = 2000): Promise<void> {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
}
