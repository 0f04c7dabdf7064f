import { beforeAll, describe, expect, it } from "vitest";
import { AnswerCache } from "../../src/chat/answer-cache";
import { chatHarness } from "./harness";

/** A dialog run with the answer cache and one without must be indistinguishable to the citizen. */
describe("answer cache", () => {
  let cached: Awaited<ReturnType<typeof chatHarness>>;
  let plain: Awaited<ReturnType<typeof chatHarness>>;
  let cache: AnswerCache;
  let version = "v1";
  beforeAll(async () => {
    cache = new AnswerCache({ maxEntries: 100 });
    cached = await chatHarness({ answerCache: cache, catalogVersion: () => version });
    plain = await chatHarness();
  });

  const dialog = ["身份证换领要带什么", "要多少钱？", "养老金要带啥材料", "1", "办狗证去哪", "多久能拿到"];

  it("replays the same replies and the same conversation state as computing afresh", async () => {
    for (let round = 0; round < 3; round++) {
      const a = cached.user();
      const b = plain.user();
      for (const q of dialog) expect(await a(q)).toEqual(await b(q));
    }
    // Rounds 2 and 3 are served from the cache (the same questions in the same states).
    expect(cache.stats().hits).toBeGreaterThanOrEqual(2 * dialog.length);
    expect(cache.stats().misses).toBeLessThanOrEqual(dialog.length);
  });

  it("keys on the conversation: a follow-up means another item after another question", async () => {
    const a = cached.user();
    await a("身份证换领要带什么");
    const afterId = await a("要多少钱？");
    const b = cached.user();
    await b("结婚登记要带什么");
    const afterMarriage = await b("要多少钱？");
    expect(afterId.itemCode).not.toBe(afterMarriage.itemCode);
  });

  it("still counts every unanswered ask when the answer is replayed", async () => {
    const count = () => [...cached.questionLog.entries.values()].find((e) => e.question === "游艇驾驶证怎么考")?.count ?? 0;
    const a = cached.user();
    await a("游艇驾驶证怎么考");
    await a("游艇驾驶证怎么考");
    await cached.user()("游艇驾驶证怎么考");
    expect(count()).toBe(3);
  });

  it("recomputes after the catalog version moves", async () => {
    const send = cached.user();
    await send("身份证过期了多少钱换");
    const misses = cache.stats().misses;
    await cached.user()("身份证过期了多少钱换");
    expect(cache.stats().misses).toBe(misses);
    version = "v2";
    await cached.user()("身份证过期了多少钱换");
    expect(cache.stats().misses).toBe(misses + 1);
  });

  it("keeps at most maxEntries answers, dropping one not asked again since eviction last passed it (second chance)", async () => {
    const small = new AnswerCache({ maxEntries: 2 });
    const log = { record: async () => {} };
    let computed = 0;
    const ask = (q: string) =>
      small.answer({ lang: "zh", question: q, sessionJson: "{}", version: "" }, log, async () => {
        computed++;
        return { reply: { kind: "text", text: q }, session: {} };
      });
    await ask("a");
    await ask("b");
    await ask("a"); // a is now the most recent
    await ask("c"); // evicts b
    expect(small.stats().size).toBe(2);
    expect(computed).toBe(3);
    await ask("a");
    expect(computed).toBe(3);
    await ask("b");
    expect(computed).toBe(4);
  });

  it("gives an entry asked again a second chance, once", async () => {
    const cache3 = new AnswerCache({ maxEntries: 3 });
    const computed: string[] = [];
    const ask = (q: string) =>
      cache3.answer({ lang: "zh", question: q, sessionJson: "{}", version: "" }, { record: async () => {} }, async () => {
        computed.push(q);
        return { reply: { kind: "text", text: q }, session: {} };
      });
    for (const q of ["a", "b", "c", "b", "d"]) await ask(q); // d evicts a (b was asked again)
    for (const q of ["e"]) await ask(q); // b's second chance was spent passing it: c, the oldest unused, goes
    expect(cache3.stats().size).toBe(3);
    computed.length = 0;
    for (const q of ["b", "d", "e"]) await ask(q);
    expect(computed).toEqual([]);
    await ask("a");
    await ask("c");
    expect(computed).toEqual(["a", "c"]);
  });

  it("keeps the answer it has just computed even when every older one was asked again", async () => {
    const cache2 = new AnswerCache({ maxEntries: 2 });
    let computed = 0;
    const ask = (q: string) =>
      cache2.answer({ lang: "zh", question: q, sessionJson: "{}", version: "" }, { record: async () => {} }, async () => (computed++, { reply: { kind: "text" as const, text: q }, session: {} }));
    for (const q of ["a", "b", "a", "b", "c"]) await ask(q);
    expect(computed).toBe(3);
    await ask("c");
    expect(computed).toBe(3);
    expect(cache2.stats().size).toBe(2);
  });

  it("expires entries after its TTL and is off at maxEntries 0", async () => {
    let now = 0;
    const c = new AnswerCache({ maxEntries: 10, ttlMs: 1000, now: () => now });
    const off = new AnswerCache({ maxEntries: 0 });
    let computed = 0;
    const compute = async () => (computed++, { reply: { kind: "text" as const, text: "x" }, session: {} });
    const key = { lang: "zh", question: "q", sessionJson: "{}", version: "" };
    const log = { record: async () => {} };
    await c.answer(key, log, compute);
    now = 999;
    await c.answer(key, log, compute);
    expect(computed).toBe(1);
    now = 1000;
    await c.answer(key, log, compute);
    expect(computed).toBe(2);
    expect(c.stats().size).toBe(1); // the recomputed answer replaced the expired one
    await off.answer(key, log, compute);
    await off.answer(key, log, compute);
    expect(computed).toBe(4);
    expect(off.stats().size).toBe(0);
  });

  it("hands out read-only replies: a caller cannot change the next one", async () => {
    // A question answered with numbered choices, so the reply has a candidate list too.
    const a = await cached.user()("养老金要带啥材料");
    expect(a.candidates?.length).toBeGreaterThan(0);
    expect(() => Object.assign(a, { text: "changed" })).toThrow(TypeError);
    expect(() => a.candidates!.push({ code: "X", name: "Y" })).toThrow(TypeError);
    expect(() => Object.assign(a.candidates![0]!, { name: "Y" })).toThrow(TypeError);
    const b = await cached.user()("养老金要带啥材料");
    expect(b).toBe(a); // one frozen object for every hit
    expect(b.text).not.toBe("changed");
    expect(b.candidates!.some((c) => c.code === "X" || c.name === "Y")).toBe(false);
  });
});
