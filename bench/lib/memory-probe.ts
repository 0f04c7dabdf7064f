/**
 * Preloaded into a service process by bench/memory.ts (`node --expose-gc --import
 * bench/dist/lib/memory-probe.mjs dist-bundle`), never by the service itself: answers the
 * parent's IPC message "memory" with process.memoryUsage() before and after a full garbage
 * collection and V8's heap spaces. Nothing else in the process changes (the IPC channel is
 * unreferenced, so it keeps nothing alive).
 */
import v8 from "node:v8";

export interface ProbeReply {
  before: NodeJS.MemoryUsage;
  afterGc: NodeJS.MemoryUsage;
  /** Per V8 heap space after the GC: bytes used and bytes committed. */
  spaces: { name: string; used: number; committed: number }[];
}

if (process.send) {
  process.channel?.unref();
  process.on("message", (m) => {
    if (m !== "memory") return;
    const before = process.memoryUsage();
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    gc?.();
    const afterGc = process.memoryUsage();
    const spaces = v8.getHeapSpaceStatistics().map((s) => ({ name: s.space_name, used: s.space_used_size, committed: s.physical_space_size }));
    process.send!({ before, afterGc, spaces } satisfies ProbeReply);
  });
}
