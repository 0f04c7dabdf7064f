import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shippedGuides } from "../support/chat-doors";
import { startTestService, type TestService } from "../support/service";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");

/** The README's "Try it:" block, as a reader copies it: every line that runs curl. */
const tryIt = /Try it:\s*\n```bash\n([\s\S]*?)\n```/.exec(readme)?.[1] ?? "";
const curls = tryIt.split("\n").filter((l) => l.startsWith("curl "));

/**
 * The README's curl lines work as written (issue 18): each one, run by bash with the real curl
 * against a fresh service on the shipped guides, gets a 2xx. A raw UTF-8 question in the URL
 * (`curl 'localhost:3000/api/v1/search?q=驾照丢了咋补'`) is refused by Node's HTTP parser with a
 * 400, so such a line fails here; `--fail-with-body` makes curl's exit status say so.
 */
describe("the README's 'Try it' curl lines", () => {
  let svc: TestService;
  let guides: ReturnType<typeof shippedGuides> | undefined;
  beforeAll(async () => {
    guides = shippedGuides(["630100-cgs-jiazhao-buling.yaml", "630000-gat-sfz-huanling.yaml"]);
    svc = await startTestService({ env: { AUTO_IMPORT_GUIDES: "true", GUIDES_DIR: guides.dir, LOG_LEVEL: "warn" } });
  }, 120_000);
  afterAll(async () => {
    await svc?.stop();
    guides?.remove();
  });

  it("the README shows the search, the ask and the health check", () => {
    expect(curls.some((l) => l.includes("/api/v1/search"))).toBe(true);
    expect(curls.some((l) => l.includes("/api/v1/ask"))).toBe(true);
    expect(curls.some((l) => l.includes("/healthz"))).toBe(true);
  });

  it.each(curls)("%s", async (line) => {
    const port = new URL(svc.url).port;
    // Only the address changes; quoting, encoding and comments stay the reader's.
    const script = `curl() { command curl -sS --fail-with-body --max-time 20 "$@"; }\n${line.replaceAll("localhost:3000", `127.0.0.1:${port}`)}`;
    const { stdout } = await run("bash", ["-c", script], { maxBuffer: 16 * 1024 * 1024 });
    if (line.includes("/api/v1/search")) expect(stdout).toContain("机动车驾驶证补领");
    if (line.includes("/api/v1/ask")) expect(stdout).toContain("居民身份证换领");
  });
});
