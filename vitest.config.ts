import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Probes PostgreSQL and Redis once; variants needing a missing one are skipped and listed at the end.
    globalSetup: ["test/support/servers-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // 2-core machines: a few files at a time; PGlite and jieba are CPU-heavy to start.
    pool: "forks",
    maxWorkers: 3,
    fileParallelism: true,
  },
});
