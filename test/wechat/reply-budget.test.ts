import { describe, expect, it } from "vitest";
import { LATE, replyBudget } from "../../src/wechat/reply-budget";
import { sleep } from "./helpers";

const settleAfter = <T>(ms: number, v: T) => sleep(ms).then(() => v);

describe("reply budget", () => {
  it("runs its one timer only while some message waits", async () => {
    const budget = replyBudget(100); // ticks every 5 ms
    expect(budget.ticking).toBe(false);
    let finish!: (v: string) => void;
    const answered = budget.within(new Promise<string>((r) => (finish = r)));
    const alsoWaiting = budget.within(new Promise<string>(() => {})); // never settles
    expect(budget.ticking).toBe(true);
    finish("x");
    expect(await answered).toBe("x");
    expect(await alsoWaiting).toBe(LATE); // the check that declares the last one late stops the timer
    expect(budget.ticking).toBe(false);
    const again = budget.within(Promise.resolve("y"));
    expect(budget.ticking).toBe(true);
    expect(await again).toBe("y");
    await sleep(15); // nothing waits: the next tick stops it
    expect(budget.ticking).toBe(false);
  });

  it("gives the work's value when it settles within the budget", async () => {
    const budget = replyBudget(200);
    expect(await budget.within(Promise.resolve("now"))).toBe("now");
    expect(await budget.within(settleAfter(30, "soon"))).toBe("soon");
  });

  it("declares work late within the last tick (a twentieth) of its budget, never after it", async () => {
    const budget = replyBudget(200);
    const t0 = performance.now();
    expect(await budget.within(settleAfter(1000, "too late"))).toBe(LATE);
    const waited = performance.now() - t0;
    expect(waited).toBeGreaterThanOrEqual(200 - 10 - 1); // one 10 ms tick early at most
    expect(waited).toBeLessThan(200 + 40); // a loaded machine's slack
  });

  it("keeps each message's own deadline when messages arrive one after another", async () => {
    const budget = replyBudget(100);
    const first = budget.within(settleAfter(500, "a"));
    await sleep(60);
    const second = budget.within(settleAfter(60, "b")); // due at 160 ms, settles at 120 ms
    expect(await first).toBe(LATE);
    expect(await second).toBe("b");
  });

  it("passes a rejection through", async () => {
    const budget = replyBudget(100);
    await expect(budget.within(Promise.reject(new Error("boom")))).rejects.toThrow("boom");
  });

});
