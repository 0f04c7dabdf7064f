import fs from "node:fs";
import type { AppContext } from "../platform/context";
import { importPaths, type ImportReport } from "./import/import-paths";
import { formatProblem } from "./import/read-guide-file";
import { announceChanged } from "./events";

const LOCK_KEY = 7_336_000_003; // arbitrary, constant: "zw catalog first import"

/**
 * On first start with an empty catalog, import GUIDES_DIR. Instances that start together
 * serialise on a PostgreSQL advisory lock (the database is what they share, with or without
 * Redis) and check emptiness only once they hold it, so only the first one imports and the
 * others wait for it to finish. The check must not happen before the lock: the import commits
 * guide by guide, so a catalog that is not empty may be another instance's import half-way
 * through, and an instance that went on would index part of the catalog and report ready
 * (issue 16, defect 7). The lock costs one round trip when nobody holds it.
 */
export async function importOnFirstStart(app: AppContext): Promise<ImportReport | null> {
  const { config, logger, db } = app;
  if (!config.AUTO_IMPORT_GUIDES) return null;
  if (!fs.existsSync(config.GUIDES_DIR)) {
    if ((await db.prisma.serviceItem.count()) === 0) {
      logger.warn({ dir: config.GUIDES_DIR }, "catalog is empty and GUIDES_DIR does not exist: nothing imported");
    }
    return null;
  }
  const conn = await db.sql.connect();
  try {
    await conn.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    try {
      if ((await db.prisma.serviceItem.count()) > 0) return null;
      const report = await importPaths({ prisma: db.prisma, paths: [config.GUIDES_DIR], now: app.now() });
      for (const p of report.problems) logger.warn({ problem: formatProblem(p) }, "guide rejected by first-start import");
      logger.info(
        { dir: config.GUIDES_DIR, guides: report.guides.created, catalogItems: report.catalog.created, rejected: report.rejectedFiles.length, ms: report.ms },
        "imported the shipped catalog on first start",
      );
      // For instances that built their index before this import (through Redis). This instance's
      // own index is built after it, so with the in-process store there is nobody to tell: the
      // announcements only made the index re-read every item it had just read (seconds of CPU
      // at a fresh embedded start) and churned the answer cache meanwhile.
      // The import is committed whatever happens here: a Redis hiccup must not fail this start.
      if (config.REDIS_URL) {
        await announceChanged(app.store, report.changedCodes).catch((err: unknown) =>
          logger.warn({ err, codes: report.changedCodes.length }, "first-start import not announced: instances that indexed before it keep their index until restarted"),
        );
      }
      return report;
    } finally {
      await conn.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]);
    }
  } finally {
    await conn.release();
  }
}
