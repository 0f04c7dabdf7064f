import fs from "node:fs";
import { createRequire } from "node:module";
import type Router from "@koa/router";

/** The console's own files (next to this capability) and ECharts from its package: no CDN, same origin, so the CSP's 'self' admits them. */
const OWN = ["console.css", "console.js", "login.js", "dashboard.js", "accounts.js"] as const;
const TYPES: Record<string, string> = { css: "text/css; charset=utf-8", js: "text/javascript; charset=utf-8" };

function load(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of OWN) files.set(name, fs.readFileSync(new URL(`../assets/${name}`, import.meta.url)));
  files.set("echarts.min.js", fs.readFileSync(createRequire(import.meta.url).resolve("echarts/dist/echarts.min.js")));
  return files;
}

/** GET /admin/assets/:name — read once at start; cached by browsers for an hour. */
export function assetRoutes(router: Router): void {
  const files = load();
  router.get("/admin/assets/:name", (c) => {
    const name = c.params.name ?? "";
    const body = files.get(name);
    if (!body) {
      c.status = 404;
      return;
    }
    c.type = TYPES[name.split(".").pop()!] ?? "application/octet-stream";
    c.set("Cache-Control", "public, max-age=3600");
    c.body = body;
  });
}
