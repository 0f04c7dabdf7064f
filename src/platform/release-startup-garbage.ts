import { performance } from "node:perf_hooks";
import v8 from "node:v8";

/**
 * Full garbage collections once the instance has started and gone quiet (issue 16). Start-up —
 * the catalog import on a first start, building the search index and its JIT warm-up
 * (thousands of queries) — leaves V8's young generation grown to its maximum (32 MB) and the
 * old generation holding garbage; an idle process allocates nothing, so V8 never collects
 * them: an idle instance measured ~30 MB more resident for it (bench/memory.ts: "RSS" against
 * "RSS after GC"). V8 gives the young generation's pages back only in a collection it judges
 * to come at a low allocation rate — measured: not 10 s after listening, but 25 s after — so
 * this tries every `everyMs`, up to `attempts` times, until they are back. A try is skipped
 * when the event loop was more than 5 % busy since the last one: an instance already serving
 * needs its young generation and gets no pause from this. Node has no API for a collection
 * but V8's documented `--expose-gc` flag (`gc()`), which `npm start`, the Docker image and the
 * test and soak children pass; without it this does nothing. Each try takes tens of
 * milliseconds; nothing happens if V8 refuses.
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
