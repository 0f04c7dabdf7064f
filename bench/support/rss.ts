/**
 * Resident memory of a child process, read from /proc (Linux): what the soak and the memory
 * benchmarks report per instance. `process.memoryUsage()` only sees the caller itself.
 *
 *   const rss = readRss(child.pid!);                 // bytes, or undefined when it is gone
 *   const s = startRssSampler([a.pid!, b.pid!], 5000);
 *   …; s.stop(); s.samples                             // [{ at, rss: [bytes | undefined, …] }]
 */
import fs from "node:fs";

/** VmRSS of `pid` in bytes (undefined if the process is gone or /proc is not there). */
export function readRss(pid: number): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

export interface RssSample {
  /** ms since the sampler started */
  at: number;
  /** bytes per pid, in the order given */
  rss: (number | undefined)[];
}

/** Samples every `everyMs` (and once at start) until stopped. */
export function startRssSampler(pids: number[], everyMs: number): { samples: RssSample[]; stop(): RssSample[] } {
  const t0 = Date.now();
  const samples: RssSample[] = [];
  const take = () => samples.push({ at: Date.now() - t0, rss: pids.map(readRss) });
  take();
  const timer = setInterval(take, everyMs);
  return {
    samples,
    stop() {
      clearInterval(timer);
      take();
      return samples;
    },
  };
}

export const mb = (bytes: number | undefined) => (bytes === undefined ? "—" : (bytes / 1048576).toFixed(0));
