import { loadConfig } from "../../platform/config";
import { openDb } from "../../platform/db";
import { progressBar, type ProgressBar } from "../../platform/progress-bar";
import { createStore } from "../../platform/store";
import { announceChanged } from "../events";
import { formatProblem } from "./read-guide-file";
import { importPaths, type ImportProgress } from "./import-paths";

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  isTty: boolean;
}

const defaultIo: CliIo = {
  out: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
  isTty: Boolean(process.stderr.isTTY),
};

/** The importer's command line; returns the exit code (0 ok, 1 something rejected, 2 usage/config). */
export async function runImportCli(args: string[], env = process.env, io: CliIo = defaultIo): Promise<number> {
  if (args.length === 0 || args.includes("--help")) {
    io.err("usage: npm run guides:import -- <file-or-dir>...   (.yaml .yml .json guides, .jsonl catalog lists)");
    return 2;
  }
  const config = loadConfig(env);
  const db = await openDb({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  const store = config.REDIS_URL ? createStore(config) : undefined;
  try {
    const report = await importPaths({ prisma: db.prisma, paths: args, progress: io.isTty ? barProgress() : lineProgress(io) });
    // Running instances rebuild their search entries for what changed.
    await announceChanged(store, report.changedCodes);
    for (const p of report.problems) io.err(`REJECTED ${formatProblem(p)}`);
    const g = report.guides;
    const c = report.catalog;
    io.out(
      `${report.files} files in ${report.ms} ms: guides ${g.created} new, ${g.updated} updated, ${g.unchanged} unchanged; ` +
        `catalog items ${c.created} new, ${c.updated} updated, ${c.unchanged} unchanged; ${report.rejectedFiles.length} files rejected`,
    );
    return report.rejectedFiles.length ? 1 : 0;
  } finally {
    await store?.close();
    await db.close();
  }
}

/** On a terminal: one bar per phase (files, guides, catalog), the same bar as the other long jobs. */
function barProgress(): ImportProgress {
  let bar: ProgressBar | undefined;
  return {
    phase(label, total) {
      bar = progressBar(label.padEnd(8), total);
    },
    update: (n) => bar?.update(n),
    end() {
      bar?.stop();
      bar = undefined;
    },
  };
}

/** Not a terminal (CI, logs): a line every 10 % instead of a redrawn bar. */
function lineProgress(io: CliIo): ImportProgress {
  let label = "";
  let total = 0;
  let lastTenth = -1;
  return {
    phase(l, t) {
      label = l;
      total = t;
      lastTenth = -1;
    },
    update(n) {
      const tenth = total ? Math.floor((n / total) * 10) : 10;
      if (tenth !== lastTenth) io.err(`${label}: ${n}/${total}`);
      lastTenth = tenth;
    },
    end() {},
  };
}
