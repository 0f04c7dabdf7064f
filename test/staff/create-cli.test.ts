import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { runStaffCreateCli } from "../../scripts/staff-create-cli";
import { staffCapability } from "../../src/staff";
import { createPgDatabase, testDbKinds } from "../support/db";
import { startTestService } from "../support/service";
import { loginStaff } from "../support/staff";

/** Captured standard streams for one run, with `input` piped in (not a terminal). */
function io(input = "") {
  const out: string[] = [];
  const err: string[] = [];
  const stdin = new PassThrough();
  stdin.end(input);
  const sink = (into: string[]) => new (class extends PassThrough {
    override write(chunk: unknown): boolean {
      into.push(String(chunk));
      return true;
    }
  })();
  return { io: { stdin, stdout: sink(out), stderr: sink(err) }, out, err };
}

describe.each(testDbKinds())("npm run staff:create (%s)", (db) => {
  it("makes the first administrator (password from STAFF_PASSWORD, or piped in), who can then sign in; refuses bad input", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "staff-cli-"));
    const pg = db === "postgres" ? await createPgDatabase() : undefined;
    const env = { ...(pg ? { DATABASE_URL: pg.url } : {}), DATA_DIR: dir, NODE_ENV: "test", LOG_LEVEL: "warn" };
    try {
      const first = io();
      expect(await runStaffCreateCli(["--username", "Chief", "--role", "administrator"], { ...env, STAFF_PASSWORD: "first admin password" }, first.io)).toBe(0);
      expect(first.out.join("")).toContain("created chief (administrator)");
      const piped = io("piped handler password\n");
      expect(await runStaffCreateCli(["--username", "h1", "--role", "handler", "--department", "西宁市民政局"], env, piped.io)).toBe(0);

      const usage = io();
      expect(await runStaffCreateCli(["--username", "x", "--role", "king"], { ...env, STAFF_PASSWORD: "long enough pw" }, usage.io)).toBe(2);
      expect(usage.err.join("")).toContain("usage:");
      const noDept = io();
      expect(await runStaffCreateCli(["--username", "h2", "--role", "handler"], { ...env, STAFF_PASSWORD: "long enough pw" }, noDept.io)).toBe(1);
      expect(noDept.err.join("")).toContain("staff_department_required");
      const weak = io();
      expect(await runStaffCreateCli(["--username", "e1", "--role", "editor"], { ...env, STAFF_PASSWORD: "short" }, weak.io)).toBe(1);
      expect(weak.err.join("")).toContain("staff_password_weak");

      // The service on the same database: the accounts sign in.
      const svc = await startTestService({ db, databaseUrl: pg?.url, capabilities: [staffCapability()], env: { DATA_DIR: dir, LOG_LEVEL: "warn" } });
      try {
        const chief = await loginStaff(svc, "chief", "first admin password");
        expect((await chief.call("GET", "/api/v1/staff/me")).json).toMatchObject({ username: "chief", role: "administrator" });
        const handler = await loginStaff(svc, "h1", "piped handler password");
        expect((await handler.call("GET", "/api/v1/staff/me")).json).toMatchObject({ role: "handler", department: "西宁市民政局" });
        const audit = (await chief.call("GET", "/api/v1/admin/accounts")).json.items.map((a: any) => a.username);
        expect(audit).toEqual(["chief", "h1"]);
      } finally {
        await svc.stop();
      }
    } finally {
      await pg?.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});

describe("npm run staff:create on a terminal", () => {
  it("asks for the password twice without echoing it, and stops when the two differ", async () => {
    const run = io();
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    const done = runStaffCreateCli(["--username", "chief", "--role", "administrator"], { NODE_ENV: "test" }, { ...run.io, stdin });
    for (const line of ["first secret typed\r", "second secret typed\r"]) {
      await new Promise((r) => setTimeout(r, 50));
      stdin.write(line);
    }
    expect(await done).toBe(2);
    expect(run.out.join("")).toContain("Password: ");
    expect(run.out.join("")).toContain("Repeat password: ");
    expect(run.out.join("")).not.toContain("secret");
    expect(run.err.join("")).toContain("the passwords differ");
  });
});

describe("npm run staff:create as a command", () => {
  it("runs through npm with STAFF_PASSWORD and exits 0; 2 on usage", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "staff-cli-npm-"));
    const run = promisify(execFile);
    try {
      const env = { ...process.env, DATA_DIR: dir, STAFF_PASSWORD: "command line password", DATABASE_URL: "" };
      const ok = await run("npm", ["run", "--silent", "staff:create", "--", "--username", "root", "--role", "administrator"], { env });
      expect(ok.stdout).toContain("created root (administrator)");
      await expect(run("npm", ["run", "--silent", "staff:create", "--", "--role", "administrator"], { env })).rejects.toMatchObject({ code: 2 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
