import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bundle } from "../../scripts/build";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * `npm start` runs the bundle scripts/build.ts makes, not the sources: the bundle must load every
 * module (packages external, JSON inlined), find the files its modules read beside themselves
 * (templates, synonyms, migrations, the classifier model, the shipped guides) and answer.
 */
describe("the bundled service (npm run build, npm start)", () => {
  const dir = path.join(root, "dist", `test-${process.pid}`);
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill("SIGKILL");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("starts on the embedded database with the shipped guides and answers a question", async () => {
    await bundle(path.join(root, "src/main.ts"), path.join(dir, "main.mjs"));
    child = spawn(process.execPath, [path.join(dir, "main.mjs")], {
      cwd: root,
      env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DATA_DIR: "memory://", LOG_LEVEL: "info", LOG_FORMAT: "json" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      let out = "";
      child!.stdout!.on("data", (c: Buffer) => {
        out += c.toString();
        const m = /"url":"([^"]+)"[^\n]*"msg":"listening"/.exec(out);
        if (m) resolve(m[1]!);
      });
      child!.on("exit", (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    const res = await fetch(`${url}/api/v1/ask`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ question: "身份证丢了怎么补办" }) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { text: string }).text).toContain("身份证");
  }, 120_000);
});
