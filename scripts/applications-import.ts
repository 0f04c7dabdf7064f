/**
 * npm run applications:import -- file.csv
 * Imports application events from a CSV export (format: src/applications/import-applications-csv.ts),
 * reports rejected rows with their line numbers. Exit 0 when every row was imported (or already
 * was), 1 when any row was rejected, 2 on usage errors. Notifications of the imported status
 * changes are not sent from here: the running service picks them up at its next start (events
 * with notified_at null), so nothing is lost.
 */
import fs from "node:fs";
import { importApplicationsCsv, itemsFromCatalog } from "../src/applications";
import { createCatalogPort } from "../src/catalog";
import { holidayCalendar } from "../src/calendar";
import { notify } from "../src/notifications";
import { loadConfig } from "../src/platform/config";
import type { AppContext } from "../src/platform/context";
import { openDb } from "../src/platform/db";
import { createFieldCrypto, resolveEncryptionKey } from "../src/platform/field-crypto";
import { createLogger } from "../src/platform/logger";
import { progressBar } from "../src/platform/progress-bar";
import { MemoryQueue } from "../src/platform/queue";
import { MemoryStore } from "../src/platform/store";

async function runApplicationsImportCli(args: string[], env = process.env): Promise<number> {
  const file = args[0];
  if (!file || args.includes("--help")) {
    process.stderr.write("usage: npm run applications:import -- file.csv\n");
    return 2;
  }
  const text = fs.readFileSync(file, "utf8");
  const config = loadConfig(env);
  const db = await openDb({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  const logger = createLogger({ level: "warn", format: "pretty" });
  const ctx: AppContext = {
    config, logger, db,
    store: new MemoryStore(),
    queue: new MemoryQueue(),
    crypto: createFieldCrypto(resolveEncryptionKey(config.DATA_ENCRYPTION_KEY, config.DATA_DIR).key, config.DATA_ENCRYPTION_ALGORITHM),
    now: () => new Date(),
  };
  let bar: ReturnType<typeof progressBar> | undefined;
  try {
    const report = await importApplicationsCsv(
      { app: ctx, items: itemsFromCatalog(createCatalogPort(ctx.db.prisma)), calendar: holidayCalendar(ctx), notify: (request) => notify(ctx, request), queueNotification: async () => {} },
      text,
      (done, total) => (bar ??= progressBar("rows", total)).update(done),
    );
    bar?.stop();
    for (const r of report.rejected) process.stderr.write(`REJECTED ${file}:${r.line}: ${r.message}\n`);
    process.stdout.write(`${report.imported} rows imported, ${report.duplicates} already imported, ${report.rejected.length} rejected\n`);
    return report.rejected.length ? 1 : 0;
  } finally {
    await db.close();
  }
}

process.exitCode = await runApplicationsImportCli(process.argv.slice(2));
