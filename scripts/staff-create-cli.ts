/**
 * `npm run staff:create -- --username NAME --role ROLE [--department CODE]`: makes a staff
 * account — the first administrator is made this way. The password comes from STAFF_PASSWORD,
 * else it is asked on the terminal (not echoed, asked twice), else read from the first line of
 * piped standard input. Uses DATABASE_URL or the embedded database in DATA_DIR, as the service
 * does (migrations applied first). Exit 0 created, 1 refused (the reason printed), 2 usage.
 */
import readline from "node:readline";
import { parseArgs } from "node:util";
import { checkNewAccount, createAccount, isRole, ROLES } from "../src/staff";
import { loadConfig } from "../src/platform/config";
import type { AppContext } from "../src/platform/context";
import { openDb } from "../src/platform/db";
import { isAppError } from "../src/platform/errors";
import { createFieldCrypto, resolveEncryptionKey } from "../src/platform/field-crypto";
import { createLogger } from "../src/platform/logger";
import { MemoryQueue } from "../src/platform/queue";
import { MemoryStore } from "../src/platform/store";

const USAGE = `usage: npm run staff:create -- --username NAME --role ROLE [--department CODE]\n  ROLE: ${ROLES.join(" | ")}\n  password: STAFF_PASSWORD, or asked on the terminal\n`;

export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export async function runStaffCreateCli(args: string[], env: NodeJS.ProcessEnv = process.env, io: CliIo = process): Promise<number> {
  let values: { username?: string; role?: string; department?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args, options: { username: { type: "string" }, role: { type: "string" }, department: { type: "string" }, help: { type: "boolean" } } }));
  } catch (e) {
    io.stderr.write(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help || !values.username || !values.role || !isRole(values.role)) {
    io.stderr.write(USAGE);
    return 2;
  }
  const password = env.STAFF_PASSWORD ?? (await askPassword(io));
  if (!password) {
    io.stderr.write("no password given (STAFF_PASSWORD or the terminal)\n");
    return 2;
  }
  const account = { username: values.username, password, role: values.role, department: values.department ?? null };
  try {
    checkNewAccount(account);
  } catch (e) {
    if (!isAppError(e)) throw e;
    io.stderr.write(`${e.publicCode}: ${e.message}\n`);
    return 1;
  }
  const config = loadConfig(env);
  const db = await openDb({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  const app: AppContext = {
    config, db,
    logger: createLogger({ level: "warn", format: "pretty" }),
    store: new MemoryStore(),
    queue: new MemoryQueue(),
    crypto: createFieldCrypto(resolveEncryptionKey(config.DATA_ENCRYPTION_KEY, config.DATA_DIR).key),
    now: () => new Date(),
  };
  try {
    const a = await createAccount(app, { ...account, actor: "cli:staff-create" });
    io.stdout.write(`created ${a.username} (${a.role}${a.department ? `, ${a.department}` : ""})\n`);
    return 0;
  } catch (e) {
    if (!isAppError(e)) throw e;
    io.stderr.write(`${e.publicCode}: ${e.message}\n`);
    return 1;
  } finally {
    await db.close();
  }
}

/** Hidden input on a terminal (asked twice); the first line of piped input otherwise. */
async function askPassword(io: CliIo): Promise<string | undefined> {
  if (!io.stdin.isTTY) {
    const rl = readline.createInterface({ input: io.stdin, terminal: false });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    return undefined;
  }
  const first = await hiddenQuestion(io, "Password: ");
  const again = await hiddenQuestion(io, "Repeat password: ");
  if (first !== again) {
    io.stderr.write("the passwords differ\n");
    return undefined;
  }
  return first;
}

function hiddenQuestion(io: CliIo, prompt: string): Promise<string> {
  const rl = readline.createInterface({ input: io.stdin, output: io.stdout, terminal: true });
  // Echo nothing of what is typed: readline writes each keystroke through _writeToOutput.
  const r = rl as unknown as { _writeToOutput: (s: string) => void };
  io.stdout.write(prompt);
  r._writeToOutput = () => {};
  return new Promise((resolve) =>
    rl.question("", (answer) => {
      rl.close();
      io.stdout.write("\n");
      resolve(answer);
    }),
  );
}
