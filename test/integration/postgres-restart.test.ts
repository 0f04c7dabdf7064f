import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serversUp } from "../support/servers";
import { startComplaints, type Harness } from "../complaints/helpers";
import { miniProgramComplaint, open311Complaint, sleep, startLoad, tally, type LoadRequest } from "../support/fault-load";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../support/throwaway-servers";

/**
 * PostgreSQL restarted under load, on a throwaway cluster of this test's own: requests during
 * the outage answer 503 `unavailable` with Retry-After — never 500 (issue 16, defect 8) — and
 * every ticket that was acknowledged (2xx) is in the database once it is back.
 */
describe.runIf(serversUp("postgres-binaries"))("fault: PostgreSQL restart under intake load", () => {
  let pg: ThrowawayPostgres;
  let h: Harness;
  let apiKey: string;
  beforeAll(async () => {
    pg = await startThrowawayPostgres();
    h = await startComplaints("postgres", { databaseUrl: pg.url, env: { LOG_LEVEL: "fatal" } });
    const r = await h.staff("POST", "/api/v1/admin/open311/keys", { name: "load" });
    expect(r.status).toBe(201);
    apiKey = r.json.key;
  });
  let stopped = false;
  afterAll(async () => {
    // Bounded: a stop that hangs (the failure checked above) must not leave the cluster running.
    if (!stopped) await Promise.race([h?.service.stop().catch(() => {}), sleep(15_000)]);
    await pg?.close();
  });

  it("answers 503 with Retry-After during the outage, and keeps every acknowledged ticket", async () => {
    // One citizen per mini-program request: the per-user filing limit is not what is tested.
    const tokens = await Promise.all(Array.from({ length: 400 }, async () => (await h.mpToken()).token));
    const request = (worker: number, n: number): LoadRequest =>
      worker < 3
        ? open311Complaint(h.service.url, apiKey, worker, n)
        : miniProgramComplaint(h.service.url, tokens[n + 1]!, n);
    for (const w of [0, 3]) {
      const r = request(w, -1);
      expect((await fetch(r.url, r.init)).status).toBe(201);
    }
    const load = startLoad(4, request);
    await sleep(1_500);
    const downAt = Date.now();
    // "fast": the server ends every session (57P01) mid-query, then refuses connections.
    await pg.stop("fast");
    await sleep(3_000);
    const upAt = Date.now();
    await pg.start();
    await sleep(3_000);
    const sent = await load.stop();
    const summary = tally(sent);
    if (process.env.FAULT_TEST_VERBOSE) for (const s of sent) console.info(s.kind, s.startedAt - downAt, s.ms, s.status, JSON.stringify(s.body).slice(0, 120));

    const during = sent.filter((s) => s.startedAt >= downAt && s.startedAt < upAt);
    expect(during.filter((s) => s.status === 503).length, JSON.stringify(summary)).toBeGreaterThan(3);
    for (const s of sent) {
      expect([200, 201, 503], `${s.kind} ${s.status} ${JSON.stringify(s.body)}`).toContain(s.status);
      if (s.status === 503) expect(s.retryAfter, JSON.stringify(s.body)).toMatch(/^\d+$/);
    }
    // It recovers: requests after the restart are accepted again, on both channels.
    const after = sent.filter((s) => s.startedAt >= upAt + 1_000);
    for (const kind of ["open311", "miniprogram"]) expect(after.some((s) => s.kind === kind && s.status === 201), `${kind} after restart: ${JSON.stringify(summary)}`).toBe(true);

    // Every acknowledged ticket is in the database.
    const tickets = sent
      .filter((s) => s.status === 200 || s.status === 201)
      .map((s) => (s.kind === "open311" ? (s.body as { service_request_id: string }[])[0]!.service_request_id : (s.body as { ticketNo: string }).ticketNo));
    const rows = await h.service.ctx.db.prisma.complaint.findMany({ where: { ticketNo: { in: tickets } }, select: { ticketNo: true } });
    expect(new Set(rows.map((r) => r.ticketNo))).toEqual(new Set(tickets));
    console.info("postgres restart:", JSON.stringify({ summary, slowestMs: Math.max(...sent.map((s) => s.ms)), duringOutage: during.length, acknowledged: tickets.length }));

    // Every pool connection came back: transactions the restart broke released theirs, so
    // shutdown (pool.end() waits for every checked-out connection) completes.
    const stopping = h.service.stop().then(() => "stopped");
    stopped = true;
    expect(await Promise.race([stopping, sleep(10_000).then(() => "pool connections leaked: shutdown still waiting after 10 s")])).toBe("stopped");
  }, 60_000);
});
