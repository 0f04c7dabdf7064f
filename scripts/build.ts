/**
 * `npm run build`: bundles the service (src/main.ts → dist/main.mjs) with esbuild, which tsx
 * already brings. Packages stay external (resolved from node_modules at run time); our own
 * TypeScript becomes one ES module that `npm start` and the Docker image run with plain Node.
 *
 * Why not run the sources through tsx in production: tsx transforms with esbuild's keepNames,
 * which wraps every named function or closure created at run time in a defineProperty call —
 * about a quarter of the chat path's time on a cached answer (41 → 30 µs) — and it transforms
 * every file again at each start.
 *
 * Files that find their data next to themselves (`import.meta.url`, `import.meta.dirname`:
 * templates, synonyms, migrations, the classifier model) keep finding it there: each mention is
 * rewritten to the source file's own location, relative to the bundle, so the bundle works
 * wherever the checkout (or the image's /app) is, as long as its src/ is beside dist/.
 *
 *   npm run build                 src/main.ts → dist/main.mjs, and the operators' command-line
 *                                 jobs → dist/<name>.mjs (the Docker image has no tsx to run them)
 *   bundle(entry, outfile)        the same for another entry point (bench/index.ts uses it)
 */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as esbuild from "esbuild";

const root = fileURLToPath(new URL("../", import.meta.url));

export async function bundle(entry: string, outfile: string): Promise<void> {
  const outDir = path.dirname(path.resolve(outfile));
  const relative = (to: string) => path.relative(outDir, to).split(path.sep).join("/") || ".";
  const ownLocations: esbuild.Plugin = {
    name: "own-locations",
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, async (args) => {
        let code = await fs.promises.readFile(args.path, "utf8");
        if (code.includes("import.meta")) {
          code = code
            .replaceAll("import.meta.url", `new URL(${JSON.stringify(relative(args.path))}, import.meta.url).href`)
            .replaceAll("import.meta.dirname", `__zwPath(new URL(${JSON.stringify(`${relative(path.dirname(args.path))}/`)}, import.meta.url))`);
        }
        return { contents: code, loader: "ts" };
      });
      // JSON from packages is inlined: an external JSON import would lose its `with { type: "json" }`.
      b.onResolve({ filter: /\.json$/ }, (args) => (args.path.startsWith(".") ? undefined : { path: createRequire(args.importer).resolve(args.path) }));
    },
  };
  const result = await esbuild.build({
    entryPoints: [entry],
    outfile,
    write: false,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: "linked",
    plugins: [ownLocations],
    banner: { js: 'import { fileURLToPath as __zwPath } from "node:url";' },
    logLevel: "warning",
  });
  // Each file is written beside its place and renamed over it: instances started together from
  // one checkout (ROLE=web and ROLE=worker, say) each build, and none may load a half-written bundle.
  fs.mkdirSync(outDir, { recursive: true });
  for (const file of result.outputFiles) {
    const tmp = `${file.path}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, file.contents);
    fs.renameSync(tmp, file.path);
  }
}

/** Entry points of `npm run build`: the service and the jobs an operator runs beside it. */
export const buildEntries: Record<string, string> = {
  main: "src/main.ts",
  "db-migrate": "src/platform/db/migrate-cli.ts",
  "guides-import": "scripts/guides-import.ts",
  "wechat-menu": "scripts/wechat-menu.ts",
  "applications-import": "scripts/applications-import.ts",
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await Promise.all(Object.entries(buildEntries).map(([name, entry]) => bundle(path.join(root, entry), path.join(root, `dist/${name}.mjs`))));
}
