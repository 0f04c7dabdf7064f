/**
 * npm run guides:import -- <file-or-dir>...
 * Validates guide files (.yaml/.yml/.json) and catalog lists (.jsonl), imports the valid
 * ones into the configured database (DATABASE_URL, or PGlite in DATA_DIR) and exits 1 when
 * anything was rejected. See src/catalog/import/cli.ts.
 */
import { runImportCli } from "../src/catalog/import/cli";

process.exitCode = await runImportCli(process.argv.slice(2));
