import { ConfigError, loadConfig } from "../config";
import { openDb } from "./index";
import { migrate } from "./migrate";

/** `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to PGlite in DATA_DIR. */
async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDb({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, migrate: false });
  try {
    const applied = await migrate(db.sql);
    console.log(applied.length ? `Applied ${applied.length} migration(s):\n  ${applied.join("\n  ")}` : "Database is up to date.");
  } finally {
    await db.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? e.message : (e as Error).message);
  process.exit(1);
});
