import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serversUp } from "../support/servers";
import { applicationsCapability, signIntegrationBody } from "../../src/applications";
import { holidayCalendar } from "../../src/calendar";
import { notify } from "../../src/notifications";
import { startComplaints, type Harness } from "../complaints/helpers";
import { startFake12345, waitFor } from "../complaints/fake-12345";
import { miniProgramComplaint, open311Complaint, sleep, startLoad, tally, type LoadRequest } from "../support/fault-load";
import { startThrowawayRedis, type ThrowawayRedis } from "../support/throwaway-servers";

const SECRET = "redis-restart-12345-secret";
const INTEGRATION = { id: "upstream", secret: "redis-restart-integration-secret" };
const ITEM = { code: "W5", name: "建设工程规划许可", department: "省自然资源厅", limit: { value: 5, unit: "工作日" as const } };
/** The bound intake must answer within while Redis is down (issue 16, defect 5). */
const BOUND_MS = 3_000;

/**
 * Redis restarted under load, on a throwaway Redis of this test's own (nothing persisted):
 * while it is down, intake answers within the bound — accepted when the ticket committed
 * (its 12345 forwarding is left to the outbox sweep), or 503 with Retry-After — never a
 * stall or a 500; every accepted ticket is in the database; and after Redis is back, empty,
 * the periodic outbox sweep runs again (its job scheduler re-created) and forwards every
 * ticket whose enqueue was lost (defects 5 and 6).
 */
describe.runIf(serversUp("redis-server", "postgres"))("fault: Redis restart under intake load", () => {
  let redis: ThrowawayRedis;
  let platform: Awaited<ReturnType<typeof startFake12345>>;
  let h: Harness;
  let apiKey: string;
  beforeAll(async () => {
    redis = await startThrowawayRedis();
    platform = await startFake12345(SECRET);
    h = await startComplaints("postgres", {
      env: {
        REDIS_URL: redis.url,
        REDIS_PREFIX: `zwt${crypto.randomBytes(4).toString("hex")}`,
        TWELVE345_URL: platform.url,
        TWELVE345_SECRET: SECRET,
        INTEGRATION_SECRETS: `${INTEGRATION.id}:${INTEGRATION.secret}`,
        LOG_LEVEL: "error",
      },
      capabilities: [applicationsCapability({ items: () => ({ getItem: async () => ITEM }), calendar: holidayCalendar, notify: (ctx) => (n) => notify(ctx, n), supervisionEveryMs: 3_600_000, notificationSweepEveryMs: 1_000 })],
      // The sweep every second, for rows older than half a second: the test waits for it.
      options: { outbox: { sweepEveryMs: 1_000, sweepAfterMs: 500, backoffMs: 200, timeoutMs: 2_000 } },
    });
    const r = await h.staff("POST", "/api/v1/admin/open311/keys", { name: "load" });
    expect(r.status).toBe(201);
    apiKey = r.json.key;
  });
  afterAll(async () => {
    await redis?.start().catch(() => {});
    // Bounded, so that the throwaway Redis is removed even when the service cannot stop.
    await Promise.race([h?.service.stop().catch(() => {}), sleep(15_000)]);
    await platform?.close();
    await redis?.close();
  });

  it("keeps intake answering within the bound, loses no accepted ticket, and forwards them after the restart", async () => {
    // One citizen per mini-program request: the per-user filing limit is not what is tested.
    const tokens = await Promise.all(Array.from({ length: 400 }, async () => (await h.mpToken()).token));
    // Applications whose upstream system reports "已受理" through the signed webhook.
    const numbers: string[] = [];
    for (let i = 0; i < 40; i++) {
      const r = await h.staff("POST", "/api/v1/admin/applications", { itemCode: ITEM.code, applicant: { name: `申请人${i}`, phone: `139${String(10_000_000 + i)}` } });
      expect(r.status, JSON.stringify(r.json)).toBe(201);
      numbers.push(r.json.number);
    }
    const webhook = (n: number): LoadRequest => {
      const raw = JSON.stringify({ eventId: `accepted-${n % numbers.length}`, number: numbers[n % numbers.length], status: "已受理", occurredAt: new Date().toISOString() });
      const ts = String(Math.floor(Date.now() / 1000));
      return {
        kind: "webhook",
        url: `${h.service.url}/api/v1/integrations/applications/events`,
        init: {
          method: "POST",
          headers: { "content-type": "application/json", "x-integration-id": INTEGRATION.id, "x-timestamp": ts, "x-signature": signIntegrationBody(INTEGRATION.secret, ts, raw) },
          body: raw,
        },
      };
    };
    const request = (worker: number, n: number): LoadRequest =>
      worker === 4
        ? webhook(n + 1)
        : worker < 3
        ? open311Complaint(h.service.url, apiKey, worker, n)
        : miniProgramComplaint(h.service.url, tokens[n + 1]!, n);
    // Warm up (the first request of a fresh instance is slow), then the load.
    for (const w of [0, 3, 4]) {
      const r = request(w, -1);
      expect((await fetch(r.url, r.init)).status).toBe(w === 4 ? 200 : 201);
    }
    const load = startLoad(5, request);
    await sleep(1_500);
    const downAt = Date.now();
    await redis.stop();
    await sleep(5_000);
    const upAt = Date.now();
    await redis.start();
    await sleep(2_000);
    const sent = await load.stop();
    const summary = tally(sent);
    if (process.env.FAULT_TEST_VERBOSE) for (const s of sent) console.info(s.kind, s.startedAt - downAt, s.ms, s.status);

    // Nothing stalled, nothing broke.
    const slowest = Math.max(...sent.map((s) => s.ms));
    expect(slowest, `slowest request ${slowest} ms: ${JSON.stringify(summary)}`).toBeLessThan(BOUND_MS);
    const during = sent.filter((s) => s.startedAt >= downAt && s.startedAt < upAt);
    expect(during.length, JSON.stringify(summary)).toBeGreaterThan(5);
    for (const s of sent) {
      // Sessions live in Redis: after a restart without persistence the citizen logs in again.
      const allowed = s.kind === "miniprogram" && s.startedAt + s.ms >= upAt ? [200, 201, 401, 503] : [200, 201, 503];
      expect(allowed, `${s.kind} ${s.status} ${JSON.stringify(s.body)}`).toContain(s.status);
      if (s.status === 503) expect(s.retryAfter, JSON.stringify(s.body)).toMatch(/^\d+$/);
    }
    // Open311 needs no Redis to accept: the ticket commits, its forwarding waits for the sweep.
    expect(during.filter((s) => s.kind === "open311" && s.status === 201).length, JSON.stringify(summary)).toBeGreaterThan(0);

    // Every accepted ticket is in the database.
    const accepted = sent.filter((s) => s.kind !== "webhook" && (s.status === 200 || s.status === 201));
    const tickets = accepted.map((s) => (s.kind === "open311" ? (s.body as { service_request_id: string }[])[0]!.service_request_id : (s.body as { ticketNo: string }).ticketNo));
    const rows = await h.service.ctx.db.prisma.complaint.findMany({ where: { ticketNo: { in: tickets } }, select: { ticketNo: true } });
    expect(new Set(rows.map((r) => r.ticketNo))).toEqual(new Set(tickets));

    // After the restart (Redis empty) the sweep runs again and forwards every ticket, the ones
    // whose enqueue was lost during the outage included.
    await waitFor(async () => tickets.every((t) => platform.accepted.has(`${t}:complaint.accepted`)), 20_000).catch(() => {});
    const missing = tickets.filter((t) => !platform.accepted.has(`${t}:complaint.accepted`));
    expect(missing, `${missing.length} of ${tickets.length} not forwarded`).toEqual([]);
    // Every status change the webhook acknowledged is recorded, and its notification — queued
    // after commit, lost while Redis was down — is handled by the notification sweep after it.
    const prisma = h.service.ctx.db.prisma;
    const acknowledged = sent.filter((s) => s.kind === "webhook" && s.status === 200).length;
    expect(acknowledged).toBeGreaterThan(0);
    expect(await prisma.applicationEvent.count({ where: { source: "integration" } })).toBeGreaterThanOrEqual(Math.min(acknowledged, numbers.length));
    await waitFor(async () => (await prisma.applicationEvent.count({ where: { applied: true, notifiedAt: null } })) === 0, 15_000).catch(() => {});
    expect(await prisma.applicationEvent.count({ where: { applied: true, notifiedAt: null } }), "status changes never notified").toBe(0);
    console.info("redis restart:", JSON.stringify({ summary, slowestMs: slowest, duringOutage: during.length, accepted: tickets.length }));
  }, 60_000);
});
