import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ComplaintsDeps } from "../../src/complaints/deps";
import { deliverOutbox } from "../../src/complaints/outbox/deliver-outbox";
import { DELIVER_JOB, deliverJobId } from "../../src/complaints/outbox/delivery-job";
import { requeuePendingOutbox, SWEEP_OUTBOX_JOB } from "../../src/complaints/outbox/requeue-pending-outbox";
import type { JobDefinition } from "../../src/platform/queue";
import { testDbKinds } from "../support/db";
import { testStoreKinds } from "../support/store";
import { startFake12345, waitFor } from "./fake-12345";
import { startComplaints, type Harness } from "./helpers";

const SECRET = "twelve345-recovery-secret";
// A claim is stale after 2 × this. Generous: a delivery the platform accepted but answered after
// the timeout (a loaded 2-core CI machine, the fake platform on this process's event loop) is
// retried and accepted again — the at-least-once the Idempotency-Key exists for — which the
// "exactly once" checks here would count as a second send.
const TIMEOUT_MS = 2500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The outbox after things went wrong: a worker that died holding a row's claim, and a staff
 * replay racing the periodic sweep. On the in-process queue and on BullMQ (Redis), whose
 * finished job ids are remembered (a day on Redis, the process lifetime in memory).
 */
describe.each(testDbKinds().flatMap((db) => testStoreKinds().map((queue) => [db, queue] as const)))("12345 outbox recovery (%s, %s queue)", (db, queue) => {
  let h: Harness;
  let platform: Awaited<ReturnType<typeof startFake12345>>;
  beforeAll(async () => {
    platform = await startFake12345(SECRET);
    h = await startComplaints(db, {
      redis: queue === "redis",
      env: { TWELVE345_URL: platform.url, TWELVE345_SECRET: SECRET },
      // Pages of 2: the sweep must page through every pending row, not only the oldest page.
      options: { outbox: { maxAttempts: 4, backoffMs: 20, timeoutMs: TIMEOUT_MS, sweepAfterMs: 0, sweepBatch: 2 } },
    });
  });
  afterAll(async () => {
    await h?.service.stop();
    await platform?.close();
  });

  const prisma = () => h.service.ctx.db.prisma;
  const q = () => h.service.ctx.queue;
  const file = (text: string) => h.fileFromMiniProgram({ text });
  /** Files a complaint whose delivery kick is lost, so only what the test does drives its row. */
  const fileWithoutKick = async (text: string) => {
    const queue = q();
    const enqueue = queue.enqueue;
    queue.enqueue = async (name, payload, opts) => {
      if (name === DELIVER_JOB) throw new Error("queue unreachable");
      return enqueue.call(queue, name, payload, opts);
    };
    try {
      const ticketNo = await file(text);
      return { ticketNo, row: await prisma().complaintOutbox.findUniqueOrThrow({ where: { idempotencyKey: `${ticketNo}:complaint.accepted` } }) };
    } finally {
      queue.enqueue = enqueue;
    }
  };
  const sweep = async () => {
    await q().enqueue(SWEEP_OUTBOX_JOB, {});
    await q().drain(5_000);
  };

  it("one sweep re-enqueues every pending row whose kick was lost, page after page (more rows than a page)", async () => {
    platform.state.down = 0;
    const lost: { ticketNo: string }[] = [];
    for (let i = 0; i < 5; i++) lost.push(await fileWithoutKick(`路灯坏了第${i + 1}盏，晚上很黑`));
    await sweep();
    await waitFor(async () => lost.every(({ ticketNo }) => platform.accepted.has(`${ticketNo}:complaint.accepted`)), 5_000);
    await q().drain(5_000);
    for (const { ticketNo } of lost) expect(platform.accepted.get(`${ticketNo}:complaint.accepted`)).toHaveLength(1);
  });

  it("a row that leaves the sweep's filter between its pages (a worker claimed or sent it) does not end the sweep early", async () => {
    platform.state.down = 0;
    const lost: { ticketNo: string; row: { id: string } }[] = [];
    for (let i = 0; i < 5; i++) lost.push(await fileWithoutKick(`人行道地砖松动第${i + 1}块，下雨溅一身泥`));
    // Each enqueue is claimed at once, as a fast worker would: the last row of a page is no
    // longer pending-and-unclaimed when the sweep reads the next page after it.
    const named: string[] = [];
    const ctx = h.service.ctx;
    const queue = {
      enqueue: async (_name: string, payload: { id: string }) => {
        named.push(payload.id);
        await prisma().complaintOutbox.update({ where: { id: payload.id }, data: { claimedAt: new Date() } });
      },
    };
    const deps = { app: Object.assign(Object.create(ctx), { queue }), outbox: { timeoutMs: TIMEOUT_MS } } as unknown as ComplaintsDeps;
    expect(await requeuePendingOutbox(deps, 0, 2)).toBe(5);
    expect(named.sort()).toEqual(lost.map((l) => l.row.id).sort());

    // Released, they go out through the real queue (later tests count requests).
    await prisma().complaintOutbox.updateMany({ where: { id: { in: named } }, data: { claimedAt: null } });
    await sweep();
    await waitFor(async () => lost.every(({ ticketNo }) => platform.accepted.has(`${ticketNo}:complaint.accepted`)), 10_000);
    await q().drain(5_000);
  });

  it("delivers a row left claimed by a worker that died, from the sweep once the claim is stale, without a restart and once", async () => {
    platform.state.down = 0;
    const { ticketNo, row } = await fileWithoutKick("小区化粪池满溢，污水流到路上");
    const key = `${ticketNo}:complaint.accepted`;
    // The worker claimed the row and died before it could record the outcome.
    await prisma().complaintOutbox.update({ where: { id: row.id }, data: { claimedAt: new Date() } });
    await sweep();
    expect(platform.accepted.has(key)).toBe(false); // the attempt might still be running: nobody else posts

    await sleep(2 * TIMEOUT_MS + 100);
    await sweep();
    await waitFor(async () => platform.accepted.has(key), 5_000);
    await q().drain(5_000);
    await sweep();
    expect(platform.accepted.get(key)).toHaveLength(1);
    expect(await prisma().complaintOutbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "sent", idempotencyKey: key, attempts: 1 });
  });

  it("the dead worker's own job, run again by the queue, steps aside; the sweep delivers on the next turn", async () => {
    platform.state.down = 0;
    const { ticketNo, row } = await fileWithoutKick("工地扬尘很大，附近居民没法开窗");
    const key = `${ticketNo}:complaint.accepted`;
    // Turn 0 claimed the row (moving it to turn 1), then its worker died; the queue runs turn 0 again (a stalled job).
    await prisma().complaintOutbox.update({ where: { id: row.id }, data: { claimedAt: new Date(), jobSeq: 1 } });
    await q().enqueue(DELIVER_JOB, { id: row.id, seq: 0 }, { jobId: deliverJobId(row.id, 0) });
    await q().drain(5_000);
    expect(platform.accepted.has(key)).toBe(false);
    expect(await prisma().failedJob.count({ where: { name: DELIVER_JOB } })).toBe(0); // stepped aside, not failed

    await sleep(2 * TIMEOUT_MS + 100);
    await sweep();
    await waitFor(async () => platform.accepted.has(key), 5_000);
    await q().drain(5_000);
    expect(platform.accepted.get(key)).toHaveLength(1);
  });

  it("a turn whose job ran out of queue attempts before it could claim the row is delivered by a later sweep", async () => {
    platform.state.down = 0;
    const { ticketNo, row } = await fileWithoutKick("小区垃圾成堆，一周没人清运");
    const key = `${ticketNo}:complaint.accepted`;
    // Every attempt of turn 0 fails before claiming (here: a claim that stays fresh, so each
    // one throws OutboxBusyError; the database being unreachable fails the same way).
    await prisma().complaintOutbox.update({ where: { id: row.id }, data: { claimedAt: new Date(Date.now() + 3_600_000) } });
    await q().enqueue(DELIVER_JOB, { id: row.id, seq: 0 }, { jobId: deliverJobId(row.id, 0), attempts: 2, backoffMs: 20 });
    await q().drain(5_000);
    await waitFor(async () => (await prisma().failedJob.count({ where: { name: DELIVER_JOB, payload: { equals: { id: row.id, seq: 0 } } } })) === 1, 5_000);
    expect(await prisma().complaintOutbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "pending", jobSeq: 0, attempts: 0 });

    // The outage is over: the sweep names the same turn, and that job id is free again.
    await prisma().complaintOutbox.update({ where: { id: row.id }, data: { claimedAt: null } });
    await sweep();
    await waitFor(async () => platform.accepted.has(key), 5_000);
    await q().drain(5_000);
    expect(platform.accepted.get(key)).toHaveLength(1);
    expect(await prisma().complaintOutbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("an attempt that stalled past its claim and finishes after a later attempt sent the row leaves it sent and posts nothing more", async () => {
    platform.state.down = 0;
    const { ticketNo, row } = await fileWithoutKick("小区路灯坏了半个月没人修");
    const key = `${ticketNo}:complaint.accepted`;
    // Only deliverOutbox reads deps.app and deps.outbox. Attempt A's request may run long (a
    // paused process does not time out); B runs 10 s later on the service clock, when A's
    // claim has gone stale.
    const ctx = h.service.ctx;
    const settings = { maxAttempts: 4, backoffMs: 20, timeoutMs: TIMEOUT_MS, sweepEveryMs: 60_000, sweepAfterMs: 0 };
    const depsA = { app: ctx, outbox: { ...settings, timeoutMs: 30_000 } } as unknown as ComplaintsDeps;
    const depsB = { app: Object.assign(Object.create(ctx), { now: () => new Date(ctx.now().getTime() + 10_000) }), outbox: settings } as unknown as ComplaintsDeps;
    const before = platform.state.requests;
    platform.state.down = 1; // A's request fails …
    platform.state.hold = 1; // … but its answer comes only when released
    const a = deliverOutbox(depsA, row.id, 0);
    await waitFor(async () => platform.state.requests === before + 1, 5_000);
    expect(await deliverOutbox(depsB, row.id, 1)).toBe("sent");
    platform.release();
    expect(await a).toBe("skipped");

    expect(await prisma().complaintOutbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "sent", attempts: 1, lastError: null, claimedAt: null });
    await q().drain(5_000);
    await sweep();
    expect(platform.state.requests - before).toBe(2);
    expect(platform.accepted.get(key)).toHaveLength(1);
    expect((await prisma().complaintOutbox.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("sent");
  });

  it("a staff replay racing the sweep makes one delivery job per turn: one request per attempt, sent once", async () => {
    platform.state.down = 1000;
    const ticketNo = await file("楼道堆满杂物，消防通道被堵死");
    const key = `${ticketNo}:complaint.accepted`;
    // A retry is queued before its attempt releases the claim; on a loaded machine the 20 ms
    // backoff can end first, and that job waits out a busy claim (2 × TIMEOUT_MS) on the queue.
    await waitFor(async () => (await prisma().complaintOutbox.findUniqueOrThrow({ where: { idempotencyKey: key } })).status === "dead", 25_000);
    await q().drain(5_000);
    const dead = await prisma().complaintOutbox.findUniqueOrThrow({ where: { idempotencyKey: key } });
    expect(dead.attempts).toBe(4);

    // Count what is asked of the queue (every enqueue naming a turn of this row) and what it
    // makes of it (the jobs that run, by their first attempt), through the capability's own handler.
    const queue = q();
    const named: number[] = [];
    const jobs: number[] = [];
    const enqueue = queue.enqueue;
    queue.enqueue = async (name, payload, opts) => {
      if (name === DELIVER_JOB && (payload as { id: string }).id === dead.id) named.push((payload as { seq: number }).seq);
      return enqueue.call(queue, name, payload, opts);
    };
    const deliver = h.cap.jobs!(h.service.ctx).find((d) => d.name === DELIVER_JOB)! as unknown as JobDefinition<{ id: string; seq: number }>;
    queue.register<{ id: string; seq: number }>({
      ...deliver,
      handler: async (p, c) => {
        if (p.id === dead.id && c.attempt === 1) jobs.push(p.seq);
        return deliver.handler(p, c);
      },
    });
    try {
      platform.state.down = 2;
      const before = platform.state.requests;
      const replay = h.staff("POST", `/api/v1/admin/outbox/${dead.id}/replay`);
      // Sweeps keep coming while the row is replayed, fails twice and is sent: each names the
      // turn the replay or the failed attempt has just queued (while it waits out its backoff).
      while (!platform.accepted.has(key)) {
        await Promise.all([q().enqueue(SWEEP_OUTBOX_JOB, {}), q().enqueue(SWEEP_OUTBOX_JOB, {})]);
        await sleep(3);
      }
      expect((await replay).status).toBe(200);
      await q().drain(5_000);
      await sweep();
      expect(platform.accepted.get(key)).toHaveLength(1);
      expect(await prisma().complaintOutbox.findUniqueOrThrow({ where: { id: dead.id } })).toMatchObject({ status: "sent", attempts: 3 });
      expect(platform.state.requests - before).toBe(3); // two failures, one success

      const turns = [...new Set(named)];
      expect(named.length).toBeGreaterThan(turns.length); // turns were named more than once …
      expect(jobs.sort()).toEqual(turns.sort()); // … and each made one job
    } finally {
      queue.enqueue = enqueue;
      queue.register(deliver);
    }
  }, 60_000);
});
