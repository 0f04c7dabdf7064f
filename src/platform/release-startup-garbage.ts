import { performance } from "node:perf_hooks";
import v8 from "node:v8";

/**
 * Full garbage collections once the instance has started and gone quiet (issue 16): start-up
 * garbage (catalog import, index build, warm-up) is never collected by an idle process, which
 * allocates nothing, so it would stay resident (bench/README.md, "Memory after start-up").
 * Tries every `everyMs`, up to `attempts` times, until V8 gives the pages back; skipped while
 * the event loop is more than 5 % busy (a serving instance needs its young generation). Needs
 * `--expose-gc` (`npm start`, the image, the test and soak children pass it); else does nothing.
 *
 * Returns a cancel function (for stop()); the timers keep nothing alive.
 */
export function releaseStartupGarbage({ everyMs = 10_000, attempts = 6 } = {}): () => void {
  let timer: NodeJS.Timeout | undefined;
  let left = attempts;
  const youngBytes = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space")?.physical_space_size ?? 0;
  let since = performance.eventLoopUtilization();
  const attempt = () => {
    const now = performance.eventLoopUtilization();
    const busy = performance.eventLoopUtilization(now, since).utilization;
    since = now;
    if (busy < 0.05) collect();
    if (--left > 0 && youngBytes() > 4 * 1048576) schedule();
  };
  const schedule = () => {
    timer = setTimeout(attempt, everyMs);
    timer.unref();
  };
  schedule();
  return () => clearTimeout(timer);
}

/** One full collection now (twice: objects kept only by finalizers or weak references go in the second); a no-op without --expose-gc. */
export function collect(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return false;
  gc();
  gc();
  return true;
}
