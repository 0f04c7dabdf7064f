/**
 * Resident memory of a child process, read from /proc (Linux): what the soak and the memory
 * benchmarks report per instance. `process.memoryUsage()` only sees the caller itself.
 *
 *   const rss = readRss(child.pid!);                 // bytes, or undefined when it is gone
 *   const s = startRssSampler([a.pid!, b.pid!], 5000);
 *   …; s.stop(); s.samples                             // [{ at, rss: [bytes | undefined, …] }]
 *   readMemory(pid)          one detailed reading (MiB): RSS, its peak, anonymous vs file-backed, PSS
 *   sampleRss(pid, everyMs)  detailed readings until stop(); summary(): first/last/peak and the
 *                            growth over the last half, to see whether it levels off
 *
 * MiB (1,048,576 bytes), as Node's process.memoryUsage() and `ps` count them.
 */
import fs from "node:fs";

export interface RssReading {
  pid: number;
  /** When it was read (ms since the epoch). */
  at: number;
  /** VmRSS: resident set, MiB. */
  rssMB: number;
  /** VmHWM: the peak resident set since the process started, MiB. */
  peakMB: number;
  /** RssAnon: anonymous memory (heaps, WebAssembly memories, allocator arenas), MiB. */
  anonMB: number;
  /** RssFile: file-backed pages (the node binary, shared libraries, native addons), MiB. */
  fileMB: number;
  /** PSS from smaps_rollup (file pages shared with other processes counted in part), MiB; absent when unreadable. */
  pssMB?: number;
}

const kB = (text: string, key: string): number | undefined => {
  const m = new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(text);
  return m ? Number(m[1]) : undefined;
};
const toMB = (kb: number | undefined) => Math.round(((kb ?? 0) / 1024) * 10) / 10;

/** One detailed reading of `pid`'s memory; undefined when the process is gone or /proc is not there. */
export function readMemory(pid: number): RssReading | undefined {
  let status: string;
  try {
    status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return undefined;
  }
  const reading: RssReading = {
    pid,
    at: Date.now(),
    rssMB: toMB(kB(status, "VmRSS")),
    peakMB: toMB(kB(status, "VmHWM")),
    anonMB: toMB(kB(status, "RssAnon")),
    fileMB: toMB(kB(status, "RssFile")),
  };
  try {
    const pss = kB(fs.readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"), "Pss");
    if (pss !== undefined) reading.pssMB = toMB(pss);
  } catch {
    /* smaps_rollup needs Linux ≥ 4.14 and the right to read it */
  }
  return reading;
}

export interface RssSummary {
  pid: number;
  samples: number;
  firstMB: number;
  lastMB: number;
  peakMB: number;
  /** RSS at the end minus RSS half-way through (MiB): near 0 when memory has levelled off. */
  growthLastHalfMB: number;
}

export interface RssSampler {
  readonly readings: RssReading[];
  summary(): RssSummary | undefined;
  stop(): RssSummary | undefined;
}

/** Reads `pid`'s RSS now and every `everyMs` (the timer does not keep the process alive). */
export function sampleRss(pid: number, everyMs = 1000): RssSampler {
  const readings: RssReading[] = [];
  const take = () => {
    const r = readMemory(pid);
    if (r) readings.push(r);
  };
  take();
  const timer = setInterval(take, everyMs);
  timer.unref();
  const summary = (): RssSummary | undefined => {
    if (readings.length === 0) return undefined;
    const last = readings[readings.length - 1]!;
    const mid = readings[Math.floor((readings.length - 1) / 2)]!;
    return {
      pid,
      samples: readings.length,
      firstMB: readings[0]!.rssMB,
      lastMB: last.rssMB,
      peakMB: Math.max(last.peakMB, ...readings.map((r) => r.rssMB)),
      growthLastHalfMB: Math.round((last.rssMB - mid.rssMB) * 10) / 10,
    };
  };
  return {
    readings,
    summary,
    stop() {
      clearInterval(timer);
      take();
      return summary();
    },
  };
}

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
