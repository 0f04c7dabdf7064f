import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serversUp } from "../support/servers";
import { startTestService, type TestService } from "../support/service";
import { createPgDatabase } from "../support/db";

const root = path.resolve(import.meta.dirname, "../..");
const CODE = "QH-630000-GAT-001"; // 居民身份证换领（有效期满）

/**
 * Issue 3/4 end to end, on the full service: two instances share one PostgreSQL database and
 * one Redis. A staff edit published on instance A changes the chat answer on instance B within
 * seconds, without a restart — the catalog publishes `catalog.changed` and every instance's
 * search index and answers follow.
 */
describe.runIf(serversUp("postgres", "redis"))("a published guide edit reaches every instance", () => {
  let a: TestService;
  let b: TestService;
  let drop: () => Promise<void>;
  let guidesDir: string;
  const env = (prefix: string) => ({
    ADMIN_TOKEN: "admin-secret",
    AUTO_IMPORT_GUIDES: "true",
    GUIDES_DIR: guidesDir,
    REDIS_PREFIX: prefix,
  });

  beforeAll(async () => {
    guidesDir = fs.mkdtempSync(path.join(os.tmpdir(), "zw-guides-"));
    for (const f of ["630000-gat-sfz-huanling.yaml", "630000-gat-sfz-buling.yaml", "630100-cgs-jiazhao-buling.yaml"]) {
      const src = path.join(root, "guides", f);
      if (fs.existsSync(src)) fs.copyFileSync(src, path.join(guidesDir, f));
    }
    expect(fs.readdirSync(guidesDir).length).toBeGreaterThan(0);
    const db = await createPgDatabase();
    drop = db.drop;
    const prefix = `zwp${crypto.randomBytes(3).toString("hex")}`;
    a = await startTestService({ databaseUrl: db.url, redis: true, env: env(prefix) });
    b = await startTestService({ databaseUrl: db.url, redis: true, env: env(prefix) });
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await drop?.();
    fs.rmSync(guidesDir, { recursive: true, force: true });
  });

  const ask = async (svc: TestService, question: string) => {
    const r = await fetch(`${svc.url}/api/v1/ask`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ question, sessionId: crypto.randomUUID() }),
    });
    expect(r.status).toBe(200);
    return (await r.json()) as { text: string; itemCode: string | null; aspect: string | null };
  };
  const admin = (svc: TestService, method: string, p: string, body?: unknown) =>
    fetch(`${svc.url}${p}`, {
      method,
      headers: { authorization: "Bearer admin-secret", "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it("changes the answer on the other instance after publication, not before", async () => {
    const before = await ask(b, "身份证到期换领要多少钱");
    expect(before.itemCode).toBe(CODE);
    expect(before.text).toContain("20元");

    const started = await admin(a, "POST", `/api/v1/admin/items/${CODE}/draft`, {});
    expect(started.status).toBe(201);
    const draft = (await started.json()) as { revision: number; guide: Record<string, unknown> };
    const guide = structuredClone(draft.guide) as { fees: { items: { amountFen?: number }[] } };
    guide.fees.items[0]!.amountFen = 2500;
    const updated = await admin(a, "PUT", `/api/v1/admin/items/${CODE}/draft`, { revision: draft.revision, guide });
    expect(updated.status).toBe(200);
    const rev = ((await updated.json()) as { revision: number }).revision;

    // A draft is not public: B still answers 20元.
    expect((await ask(b, "身份证到期换领要多少钱")).text).toContain("20元");

    const submitted = await admin(a, "POST", `/api/v1/admin/items/${CODE}/draft/submit`, { revision: rev });
    const rev2 = ((await submitted.json()) as { revision: number }).revision;
    const published = await admin(a, "POST", `/api/v1/admin/items/${CODE}/draft/publish`, { revision: rev2 });
    expect(published.status).toBe(200);

    const deadline = Date.now() + 10_000;
    let text = "";
    while (Date.now() < deadline) {
      text = (await ask(b, "身份证到期换领要多少钱")).text;
      if (text.includes("25元")) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(text).toContain("25元");
    const page = await (await fetch(`${b.url}/guides/${CODE}`)).text();
    expect(page).toContain("25元");
  });
});
