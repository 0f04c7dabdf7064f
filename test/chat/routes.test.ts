import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "../support/service";
import { registerAskRoute } from "../../src/chat/http/ask-routes";
import { registerSearchRoutes } from "../../src/search/http/public-routes";
import type { Capability } from "../../src/platform/capability";
import { chatHarness } from "./harness";

let service: TestService;
beforeAll(async () => {
  const h = await chatHarness();
  const qa: Capability = {
    name: "qa",
    routes(router) {
      registerSearchRoutes(router, h.search);
      registerAskRoute(router, h.deps);
    },
  };
  service = await startTestService({ capabilities: [qa] });
});
afterAll(() => service?.stop());

const ask = (body: unknown) =>
  fetch(`${service.url}/api/v1/ask`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("/api/v1/ask and /api/v1/search", () => {
  it("answers with text, item, aspect and link, and keeps a session", async () => {
    const r = await ask({ question: "驾照丢了咋补", sessionId: "s1" });
    expect(r.status).toBe(200);
    const a = (await r.json()) as { itemCode: string; aspect: string; link: string; text: string };
    expect(a.itemCode).toBe("QH-630100-CGS-001");
    expect(a.link).toContain("/guides/QH-630100-CGS-001");
    const b = (await (await ask({ question: "要多少钱", sessionId: "s1" })).json()) as { itemCode: string; aspect: string };
    expect(b).toMatchObject({ itemCode: "QH-630100-CGS-001", aspect: "fees" });
  });

  it("validates the request", async () => {
    expect((await ask({ question: "" })).status).toBe(400);
  });

  it("searches with ranked, grouped results", async () => {
    const r = await fetch(`${service.url}/api/v1/search?q=${encodeURIComponent("社保卡丢了")}&limit=3`);
    expect(r.status).toBe(200);
    const { results } = (await r.json()) as { results: { code: string; name: string; hasGuide: boolean; score: number }[] };
    expect(results.length).toBeGreaterThan(0);
    expect(results[0]!.name).toMatch(/社会保障卡补领/);
  });
});
