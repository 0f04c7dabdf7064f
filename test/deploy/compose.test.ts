import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = path.resolve(import.meta.dirname, "../..");
type Service = {
  image?: string;
  build?: unknown;
  ports?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test?: string[]; disable?: boolean };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
};
const compose = parse(fs.readFileSync(path.join(root, "compose.yaml"), "utf8"), { merge: true }) as { services: Record<string, Service> };
const services = compose.services;
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
/** The README's Docker section: from its heading to the next one. */
const dockerSection = /^## Docker\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1] ?? "";

/** compose.yaml starts the production shape the README describes; it is not run here (no Docker engine in CI). */
describe("compose.yaml", () => {
  it("has the services the README's Docker section names, and no others", () => {
    const named = /^.*Services: (.+)$/m.exec(dockerSection)?.[1];
    expect(named, "README ## Docker lists `Services: …`").toBeDefined();
    const listed = [...named!.matchAll(/`([\w-]+)`/g)].map((m) => m[1]);
    expect(new Set(listed)).toEqual(new Set(Object.keys(services)));
    expect(Object.keys(services).sort()).toEqual(["postgres", "proxy", "redis", "web-1", "web-2", "worker"]);
  });

  it("runs two web instances and a worker from the image, on PostgreSQL and Redis, sharing one key", () => {
    const apps = ["web-1", "web-2", "worker"].map((n) => services[n]!);
    expect(apps.map((s) => s.environment?.ROLE)).toEqual(["web", "web", "worker"]);
    for (const s of apps) {
      expect(s.build).toBe(".");
      expect(s.environment).toMatchObject({ NODE_ENV: "production", TRUST_PROXY: "1" });
      expect(s.environment?.DATABASE_URL).toMatch(/^postgresql:\/\/[^@]+@postgres:5432\//);
      expect(s.environment?.REDIS_URL).toMatch(/^redis:\/\/redis:6379/);
      // Instances sharing a database must share the encryption key: compose refuses to start without it.
      expect(s.environment?.DATA_ENCRYPTION_KEY).toMatch(/^\$\{DATA_ENCRYPTION_KEY:\?/);
      expect(s.depends_on).toEqual({ postgres: { condition: "service_healthy" }, redis: { condition: "service_healthy" } });
    }
  });

  it("checks every service's health, except the worker, which says why it cannot", () => {
    for (const [name, s] of Object.entries(services)) {
      if (name === "worker") continue;
      expect(s.healthcheck?.test?.[0], name).toBe("CMD");
    }
    expect(services["web-1"]!.healthcheck!.test!.join(" ")).toContain("/readyz");
    expect(services.worker!.healthcheck).toEqual({ disable: true });
    expect(fs.readFileSync(path.join(root, "compose.yaml"), "utf8")).toMatch(/A worker opens no HTTP port/);
  });

  it("publishes one port, the proxy's, which spreads requests over both web instances", () => {
    const published = Object.entries(services).filter(([, s]) => s.ports?.length);
    expect(published.map(([n]) => n)).toEqual(["proxy"]);
    expect(services.proxy!.ports).toHaveLength(1);
    const mount = services.proxy!.volumes!.find((v) => v.includes("nginx.conf"))!;
    const conf = fs.readFileSync(path.join(root, mount.split(":")[0]!), "utf8");
    const upstream = [...conf.matchAll(/^\s*server\s+([\w-]+):3000\b/gm)].map((m) => m[1]);
    expect(upstream).toEqual(["web-1", "web-2"]);
    expect(conf).toMatch(/X-Forwarded-For \$proxy_add_x_forwarded_for/);
    expect(services.proxy!.depends_on).toEqual({ "web-1": { condition: "service_healthy" }, "web-2": { condition: "service_healthy" } });
  });

  it("pins every image to a version", () => {
    for (const [name, s] of Object.entries(services)) if (s.image && !s.build) expect(s.image, name).toMatch(/^[\w./-]+:\d+(\.\d+)*-[\w.]+$/);
  });
});
