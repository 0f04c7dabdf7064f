import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bufferedQuestionLog, listQuestionDays, type DroppedQuestions } from "../../src/catalog";
import type { PrismaClient } from "../../src/platform/db";
import { createTestDb, testDbKinds, type TestDb } from "../support/db";

describe.each(testDbKinds())("buffered unanswered-question log (%s)", (kind) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(kind);
  });
  afterAll(async () => db?.close());
  const rows = () => db.prisma.unansweredQuestion.findMany({ orderBy: { normalized: "asc" } });

  it("writes one increment per distinct question per flush, nothing before", async () => {
    const errors: unknown[] = [];
    const log = bufferedQuestionLog(db.prisma, { flushMs: 60_000, onError: (e) => errors.push(e) });
    for (let i = 0; i < 50; i++) await log.record({ question: i % 2 ? "狗证怎么办？" : "狗证怎么办", outcome: "not_found", lang: "zh" });
    await log.record({ question: "游艇驾照", outcome: "low_confidence", lang: "zh", bestCode: "X-1" });
    expect(await rows()).toEqual([]);
    await log.flush();
    expect((await rows()).map((r) => [r.normalized, r.count, r.bestCode])).toEqual([
      ["游艇驾照", 1, "X-1"],
      ["狗证怎么办", 50, null],
    ]);
    await log.record({ question: "狗证怎么办", outcome: "low_confidence", lang: "zh", bestCode: "X-2" });
    await log.close();
    expect((await rows()).find((r) => r.normalized === "狗证怎么办")).toMatchObject({ count: 51, outcome: "low_confidence", bestCode: "X-2" });
    expect(errors).toEqual([]);
  });

  it("masks ID and phone numbers a citizen typed before storing the question", async () => {
    const log = bufferedQuestionLog(db.prisma, { flushMs: 60_000, onError: () => {} });
    await log.record({ question: "我身份证630102199001011234丢了，电话13812345678，咋办", outcome: "not_found", lang: "zh" });
    await log.record({ question: "我身份证630102198812121234丢了，电话13899995678，咋办", outcome: "not_found", lang: "zh" });
    await log.close();
    const row = (await rows()).find((r) => r.question.startsWith("我身份证"));
    expect(row).toMatchObject({ question: "我身份证630102********1234丢了,电话138****5678,咋办", count: 2 }); // NFKC: full-width digits are masked too
    expect(JSON.stringify(await rows())).not.toMatch(/19900101|1234 5678|12345678/);
  });

  it("writes a large batch in several statements, counts and first/last times intact", async () => {
    const t0 = new Date("2026-11-20T08:00:00Z");
    let clock = t0;
    const log = bufferedQuestionLog(db.prisma, { flushMs: 60_000, now: () => clock, onError: (e) => { throw e; } });
    for (let i = 0; i < 450; i++) await log.record({ question: `批量问题${i}`, outcome: "not_found", lang: "zh" });
    await log.record({ question: "批量问题7", outcome: "low_confidence", lang: "zh", bestCode: "B-7" });
    await log.flush();
    clock = new Date(t0.getTime() + 60_000);
    await log.record({ question: "批量问题7", outcome: "not_found", lang: "zh" });
    await log.close();
    const batch = (await rows()).filter((r) => r.normalized.startsWith("批量问题"));
    expect(batch).toHaveLength(450);
    expect(batch.filter((r) => r.count !== 1).map((r) => r.normalized)).toEqual(["批量问题7"]);
    // The second write's outcome is the latest; its missing best guess keeps the earlier one.
    expect(batch.find((r) => r.normalized === "批量问题7")).toMatchObject({ count: 3, outcome: "not_found", bestCode: "B-7", firstAskedAt: t0, lastAskedAt: clock });
    expect(new Set(batch.map((r) => r.id)).size).toBe(450);
  });

  it("flushes on its own after flushMs", async () => {
    const log = bufferedQuestionLog(db.prisma, { flushMs: 30, onError: () => {} });
    await log.record({ question: "养藏獒要办证吗", outcome: "not_found", lang: "zh" });
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && !(await rows()).some((r) => r.normalized === "养藏獒要办证吗")) await new Promise((r) => setTimeout(r, 20));
    expect((await rows()).find((r) => r.normalized === "养藏獒要办证吗")?.count).toBe(1);
    await log.close();
  });

  it("drops the questions the database refuses, writes the rest, and stays quiet afterwards", async () => {
    const errors: unknown[] = [];
    const dropped: DroppedQuestions[] = [];
    const log = bufferedQuestionLog(db.prisma, { flushMs: 60_000, onError: (e) => errors.push(e), onDropped: (d) => dropped.push(d) });
    // 250 good questions around two PostgreSQL cannot store (NUL; a lone surrogate, which
    // Prisma refuses before sending): the first statement of 200 holds both.
    for (let i = 0; i < 250; i++) {
      if (i === 17) await log.record({ question: "坏\u0000问题", outcome: "not_found", lang: "zh" });
      if (i === 150) for (let k = 0; k < 3; k++) await log.record({ question: "\ud800", outcome: "not_found", lang: "zh" });
      await log.record({ question: `隔离问题${i}`, outcome: "not_found", lang: "zh" });
    }
    await log.flush();
    const good = () => rows().then((all) => all.filter((r) => r.normalized.startsWith("隔离问题")));
    expect(await good()).toHaveLength(250);
    expect(errors).toEqual([]);
    expect(log.droppedCount()).toBe(2);
    expect(dropped.reduce((n, d) => n + d.rows, 0)).toBe(2);
    expect(dropped.reduce((n, d) => n + d.asks, 0)).toBe(4);
    // A report is a count and a short reason, never the statement or the text.
    for (const d of dropped) expect(JSON.stringify(d).length).toBeLessThan(120);

    // Later questions are written; the dropped ones are not retried, so nothing more is reported.
    const reports = dropped.length;
    await log.record({ question: "隔离问题之后", outcome: "not_found", lang: "zh" });
    await log.flush();
    await log.flush();
    expect((await rows()).some((r) => r.normalized === "隔离问题之后")).toBe(true);
    expect(dropped).toHaveLength(reports);
    expect(errors).toEqual([]);

    // A refused question alone in a flush is dropped too, and the one after it still arrives.
    await log.record({ question: "\udc00再来", outcome: "not_found", lang: "zh" });
    await log.flush();
    await log.record({ question: "隔离问题最后", outcome: "not_found", lang: "zh" });
    await log.close();
    expect((await rows()).some((r) => r.normalized === "隔离问题最后")).toBe(true);
    expect(log.droppedCount()).toBe(3);
    expect(errors).toEqual([]);
  });

  it("keeps the counts of a failed write for the next flush", async () => {
    let fail = 1;
    // The real client, with one write failing as a database outage would.
    const flaky = new Proxy(db.prisma, {
      get(target, prop, receiver) {
        if (prop === "$executeRaw" && fail-- > 0) return async () => { throw new Error("connection lost"); };
        return Reflect.get(target, prop, receiver);
      },
    }) as PrismaClient;
    const errors: unknown[] = [];
    const log = bufferedQuestionLog(flaky, { flushMs: 60_000, onError: (e) => errors.push(e) });
    await log.record({ question: "办船证", outcome: "not_found", lang: "zh" });
    await log.record({ question: "办船证", outcome: "not_found", lang: "zh" });
    await log.record({ question: "办渔船证", outcome: "not_found", lang: "zh" });
    await log.flush();
    // One report for the failed flush, not one per question; nothing written, nothing lost.
    expect(errors).toHaveLength(1);
    expect((await rows()).some((r) => r.normalized === "办船证" || r.normalized === "办渔船证")).toBe(false);
    await log.record({ question: "办船证", outcome: "not_found", lang: "zh" });
    await log.close();
    expect((await rows()).find((r) => r.normalized === "办船证")?.count).toBe(3);
    expect((await rows()).find((r) => r.normalized === "办渔船证")?.count).toBe(1);
    await log.record({ question: "办船证", outcome: "not_found", lang: "zh" }); // after close: ignored
    await log.flush();
    expect((await rows()).find((r) => r.normalized === "办船证")?.count).toBe(3);
  });

  it("counts every question asked and the unanswered ones per Shanghai day, for the answered share", async () => {
    // 23:30 UTC is already the next day in Shanghai.
    const at = new Date("2031-03-01T23:30:00Z");
    const log = bufferedQuestionLog(db.prisma, { flushMs: 60_000, onError: () => {}, now: () => at });
    for (let i = 0; i < 4; i++) log.asked();
    await log.record({ question: "问个没人答得了的", outcome: "not_found", lang: "zh" });
    await log.flush();
    log.asked();
    await log.close();
    const [day] = await listQuestionDays({ prisma: db.prisma, today: at, days: 1 });
    expect(day).toEqual({ day: "2031-03-02", asked: 5, unanswered: 1, answeredShare: 0.8 });
  });
});
