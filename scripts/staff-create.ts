/** npm run staff:create — see staff-create-cli.ts. */
import { runStaffCreateCli } from "./staff-create-cli";

process.exitCode = await runStaffCreateCli(process.argv.slice(2));
