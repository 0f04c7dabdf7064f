/**
 * npm run applications:import -- file.csv
 * Imports application events from a CSV export (format: src/applications/import/import-csv.ts),
 * reports rejected rows with their line numbers and exits 1 when any row was rejected.
 */
import { runApplicationsImportCli } from "../src/applications/import/cli";

process.exitCode = await runApplicationsImportCli(process.argv.slice(2));
