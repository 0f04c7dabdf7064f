import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as esbuild from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import { bundle, buildEntries } from "../../scripts/build";
import { spawnService, type ChildService } from "../support/child-service";
import { parseDockerfile } from "./dockerfile-parse";

const root = path.resolve(import.meta.dirname, "../..");
const { instructions, args, stages } = parseDockerfile(path.join(root, "Dockerfile"));
const runtime = instructions.filter((i) => i.stage === "runtime");
const deps = instructions.filter((i) => i.stage === "runtime-deps");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { dependencies: Record<string, string> };
/** The build tools the runtime must not carry. */
const BUILD_ONLY = ["tsx", "esbuild", "prisma"];
const image = (from: string) => from.split(/\s+/)[0]!.replace(/\$\{(\w+)\}/g, (_, k: string) => args[k] ?? "");

/**
 * The Dockerfile, linted for the rules hadolint would check that matter here (hadolint itself is
 * a Haskell binary, not installable from the registries this project reaches), and its runtime
 * stage checked for what it holds: only the bundles, their packages, migrations and shipped data.
 */
describe("Dockerfile", () => {
  it("builds from a pinned, supported Node LTS in stages, the last one named runtime", () => {
    const froms = instructions.filter((i) => i.keyword === "FROM").map((i) => image(i.args));
    expect(stages.at(-1)).toBe("runtime");
    for (const f of froms) {
      // DL3006/DL3007: a tag, never latest; here the full version.
      const m = /^node:(\d+)\.(\d+)\.(\d+)-(trixie|bookworm)-slim(@sha256:[0-9a-f]{64})?$/.exec(f);
      expect(m, f).not.toBeNull();
      const major = Number(m![1]);
      // Even majors become LTS; 20 left support on 2026-04-30.
      expect(major % 2 === 0 && major >= 22, f).toBe(true);
    }
  });

  it("follows the lint rules: COPY not ADD, absolute WORKDIR, JSON CMD and HEALTHCHECK, npm ci, apt hygiene", () => {
    const problems: string[] = [];
    for (const i of instructions) {
      const at = `line ${i.line}`;
      if (i.keyword === "ADD") problems.push(`${at}: ADD (DL3020: use COPY)`);
      if (i.keyword === "WORKDIR" && !i.args.startsWith("/")) problems.push(`${at}: relative WORKDIR (DL3000)`);
      if (i.keyword === "CMD" || i.keyword === "ENTRYPOINT") if (!i.args.startsWith("[")) problems.push(`${at}: ${i.keyword} in shell form (DL3025)`);
      if (i.keyword === "RUN") {
        if (/\bnpm install\b/.test(i.args)) problems.push(`${at}: npm install (use npm ci with the lock file)`);
        if (/\bsudo\b/.test(i.args)) problems.push(`${at}: sudo (DL3004)`);
        if (/apt-get install/.test(i.args) && !/--no-install-recommends/.test(i.args)) problems.push(`${at}: apt-get install without --no-install-recommends (DL3015)`);
        if (/apt-get install/.test(i.args) && !/rm -rf \/var\/lib\/apt\/lists/.test(i.args)) problems.push(`${at}: apt lists left in the layer (DL3009)`);
        if (/\bcd\s/.test(i.args)) problems.push(`${at}: cd in RUN (DL3003: use WORKDIR)`);
      }
      if (i.keyword === "MAINTAINER") problems.push(`${at}: MAINTAINER (DL4000)`);
    }
    expect(problems).toEqual([]);
  });

  it("runs as a non-root user, with a health check, the bundle and nothing to build with", () => {
    const users = runtime.filter((i) => i.keyword === "USER").map((i) => i.args);
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/); // DL3002
    const health = runtime.find((i) => i.keyword === "HEALTHCHECK");
    expect(health?.args).toMatch(/CMD \[.*\/healthz/);
    const cmd = runtime.find((i) => i.keyword === "CMD")!;
    expect(JSON.parse(cmd.args)).toEqual(["node", "--enable-source-maps", "--expose-gc", "dist/main.mjs"]);
    // From the sources only the data bundled modules read beside themselves: the search word
    // lists (synonyms, near misses) and the console's own CSS and scripts.
    const copies = runtime.filter((i) => i.keyword === "COPY").map((i) => i.args);
    for (const c of copies) expect(c).not.toMatch(/\/app\/src(\/|\s|$)(?!search\/\*\.yaml|console\/assets\s)/);
    expect(copies.some((c) => /^--from=runtime-deps \/app\/node_modules /.test(c))).toBe(true);
    expect(copies.filter((c) => /node_modules/.test(c))).toHaveLength(1);
    // The packages come from a stage that drops the build tools before installing.
    const install = deps.find((i) => i.keyword === "RUN" && /npm ci/.test(i.args))!;
    for (const p of BUILD_ONLY) expect(install.args).toContain(`dependencies.${p}`);
    expect(install.args).toMatch(/npm ci --omit=dev --ignore-scripts/);
  });

  it("every package a bundle imports is a production dependency the runtime keeps", async () => {
    const imported = new Set<string>();
    for (const entry of Object.values(buildEntries)) {
      const r = await esbuild.build({ entryPoints: [path.join(root, entry)], bundle: true, platform: "node", format: "esm", packages: "external", write: false, metafile: true, outdir: os.tmpdir(), logLevel: "silent" });
      for (const out of Object.values(r.metafile.outputs))
        for (const i of out.imports) if (i.external && !i.path.startsWith("node:")) imported.add(i.path.split("/").slice(0, i.path.startsWith("@") ? 2 : 1).join("/"));
    }
    expect(imported.size).toBeGreaterThan(10);
    const missing = [...imported].filter((p) => !pkg.dependencies[p] || BUILD_ONLY.includes(p));
    expect(missing).toEqual([]);
  });

  describe("the runtime stage's files, laid out as the image has them", () => {
    const app = fs.mkdtempSync(path.join(os.tmpdir(), "zw-image-"));
    const dist = path.join(root, `dist-layout-${process.pid}`);
    let child: ChildService | undefined;
    afterAll(async () => {
      await child?.kill();
      fs.rmSync(app, { recursive: true, force: true });
      fs.rmSync(dist, { recursive: true, force: true });
    });

    it("serve /healthz, /readyz and an answer, and migrate, with no src/ but what the Dockerfile copies", async () => {
      // Bundled one level under the root, as the image's /app/dist is: the same relative paths.
      await Promise.all(Object.entries(buildEntries).map(([name, entry]) => bundle(path.join(root, entry), path.join(dist, `${name}.mjs`))));
      for (const c of runtime.filter((i) => i.keyword === "COPY")) {
        const [from, src, dst] = c.args.split(/\s+/) as [string, string, string];
        const target = path.join(app, dst);
        if (from === "--from=runtime-deps") {
          // The real install is the image's job (no registry here); the checkout's packages stand in.
          fs.symlinkSync(path.join(root, "node_modules"), target);
          continue;
        }
        const source = src === "/app/dist" ? dist : path.join(root, src.replace(/^\/app\//, ""));
        if (path.basename(source).includes("*")) {
          // COPY's wildcard: every matching file into the destination folder.
          const pattern = new RegExp(`^${path.basename(source).replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
          fs.mkdirSync(target, { recursive: true });
          for (const f of fs.readdirSync(path.dirname(source)).filter((f) => pattern.test(f))) fs.cpSync(path.join(path.dirname(source), f), path.join(target, f));
          continue;
        }
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.cpSync(source, target, { recursive: true });
      }
      expect(fs.readdirSync(path.join(app, "src")).sort()).toEqual(["console", "search"]);
      expect(fs.readdirSync(path.join(app, "src/console"))).toEqual(["assets"]);
      const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", PORT: "0", HOST: "127.0.0.1", DATA_DIR: "memory://", LOG_FORMAT: "json", SEARCH_WARMUP_QUERIES: "100" };
      delete env.DATABASE_URL;
      delete env.REDIS_URL;
      const migrate = spawnSync(process.execPath, ["dist/db-migrate.mjs"], { cwd: app, env, encoding: "utf8", timeout: 120_000 });
      expect(migrate.stdout + migrate.stderr).toMatch(/Applied \d+ migration/);
      const help = spawnSync(process.execPath, ["dist/guides-import.mjs", "--help"], { cwd: app, env, encoding: "utf8", timeout: 60_000 });
      expect([help.status, help.stderr]).toEqual([2, expect.stringContaining("usage: npm run guides:import")]);

      child = await spawnService({ entry: "dist/main.mjs", cwd: app, env: { DATA_DIR: "memory://", SEARCH_WARMUP_QUERIES: "100" } });
      const url = child.url;
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      const res = await fetch(`${url}/api/v1/ask`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ question: "身份证丢了怎么补办" }) });
      expect(((await res.json()) as { text: string }).text).toContain("身份证");
      for (const asset of ["console.css", "echarts.min.js"]) expect((await fetch(`${url}/admin/assets/${asset}`)).status, asset).toBe(200);
    }, 180_000);
  });
});

/** Where a Docker engine answers, the image is built and run; elsewhere the reason is printed. */
const docker = spawnSync("docker", ["info", "--format", "{{.ServerVersion}}"], { encoding: "utf8", timeout: 20_000 });
const dockerWhyNot = docker.error ? `docker not found (${docker.error.message})` : docker.status !== 0 ? `docker info failed: ${(docker.stderr || docker.stdout).trim().split("\n").at(-1)}` : undefined;
if (dockerWhyNot) console.info(`Docker image build test skipped: ${dockerWhyNot}`);

describe.skipIf(dockerWhyNot !== undefined)("the Docker image (needs a Docker engine)", () => {
  const tag = `zhengwu-assistant:test-${process.pid}`;
  let container: string | undefined;
  afterAll(() => {
    if (container) spawnSync("docker", ["rm", "-f", container]);
    spawnSync("docker", ["rmi", "-f", tag]);
  });

  it("builds, holds no src/, tsx, esbuild or Prisma CLI, and answers /healthz as the non-root user", async () => {
    execFileSync("docker", ["build", "-t", tag, root], { stdio: "inherit", timeout: 1_200_000 });
    const ls = (p: string) => spawnSync("docker", ["run", "--rm", "--entrypoint", "sh", tag, "-c", `ls ${p} 2>/dev/null | tr '\\n' ' '`], { encoding: "utf8" }).stdout.trim();
    expect(ls("/app/src")).toBe("console search");
    expect(ls("/app/src/console")).toBe("assets");
    for (const p of BUILD_ONLY) expect(ls(`/app/node_modules/${p}`), p).toBe("");
    container = execFileSync("docker", ["run", "-d", "-p", "127.0.0.1::3000", tag], { encoding: "utf8" }).trim();
    const port = execFileSync("docker", ["port", container, "3000/tcp"], { encoding: "utf8" }).trim().split(":").at(-1);
    await expect.poll(async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined))?.status, { timeout: 120_000, interval: 1000 }).toBe(200);
    expect(execFileSync("docker", ["exec", container, "id", "-u"], { encoding: "utf8" }).trim()).not.toBe("0");
  }, 1_500_000);
});
