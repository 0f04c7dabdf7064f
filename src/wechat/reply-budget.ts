/** What `within` gives back when the work did not settle within the budget. */
export const LATE: unique symbol = Symbol("late");

interface Waiting {
  at: number;
  late(): void;
}

/**
 * The passive-reply budget of every message of one endpoint, watched by one coarse timer
 * rather than one timer per message, the costliest way to watch a cached answer's budget.
 *
 * Every message of an endpoint has the same budget, so waiting messages are due in the order
 * they arrived: one interval, running only while some message waits, checks the oldest ones
 * every `tickMs` (a twentieth of the budget, at most 100 ms). A message is declared late
 * within the last tick before its budget is spent — never after it (but for the event loop's
 * own lag), so a budget just under WeChat's 5 s stays under it.
 */
export function replyBudget(budgetMs: number, now: () => number = performance.now.bind(performance)) {
  const tickMs = Math.max(1, Math.min(100, Math.floor(budgetMs / 20)));
  const waiting = new Set<Waiting>();
  let timer: NodeJS.Timeout | undefined;

  const check = () => {
    const t = now() + tickMs; // what falls due before the next check is late now
    for (const w of waiting) {
      if (w.at > t) break; // the rest arrived later, so are due later
      waiting.delete(w);
      w.late();
    }
    if (waiting.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };

  return {
    /** Whether its timer runs (something waits, or did until the last tick). */
    get ticking(): boolean {
      return timer !== undefined;
    },
    /** `work`'s value (or its rejection), or LATE when it has not settled within the budget. */
    within<T>(work: Promise<T>): Promise<T | typeof LATE> {
      return new Promise<T | typeof LATE>((resolve, reject) => {
        const w: Waiting = { at: now() + budgetMs, late: () => resolve(LATE) };
        waiting.add(w);
        timer ??= setInterval(check, tickMs);
        work.then(
          (v) => {
            waiting.delete(w);
            resolve(v);
          },
          (e: unknown) => {
            waiting.delete(w);
            reject(e);
          },
        );
      });
    },
  };
}
