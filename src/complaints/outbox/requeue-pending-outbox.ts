import type { ComplaintsDeps } from "../deps";
import { staleClaimMs } from "./deliver-outbox";
import { enqueueDelivery } from "./delivery-job";

export const SWEEP_OUTBOX_JOB = "complaints.outbox.sweep";
/** Bounds one sweep run (pages × page size rows); the next run takes the rest. */
const MAX_SWEEP_PAGES = 40;

/**
 * Pending rows go back on the queue: at start (the memory queue forgets on restart) and from
 * the periodic sweep (an enqueue lost after commit, e.g. while Redis was down, or a worker
 * that died holding the claim). The rows are the source of truth; each is enqueued for its
 * current turn, so a row whose job is still queued or waiting out its backoff is a no-op, and
 * a row whose last job ended without finishing it (crash) gets a job id not used before.
 * Rows with a fresh claim are left alone until it is stale: an attempt may still be running.
 * `olderThanMs` keeps the sweep away from rows just written, whose kick is on its way.
 * The sweep pages through every pending row (oldest first, `pageSize` a page, at most
 * `MAX_SWEEP_PAGES` pages a run): with only the oldest page, a long outage with more pending
 * rows than a page left the newer ones, whose kick was lost, waiting until the older went dead.
 * Pages follow on from the last row's (createdAt, id), not from Prisma's `cursor` + `skip: 1`:
 * that row may have been claimed or sent by the time the next page is read, and then skip 1
 * passed over a pending row instead of it (seen as a flaky CI run).
 */
export async function requeuePendingOutbox(deps: ComplaintsDeps, olderThanMs = 0, pageSize = 500): Promise<number> {
  const now = deps.app.now().getTime();
  const where = {
    status: "pending",
    createdAt: { lte: new Date(now - olderThanMs) },
    OR: [{ claimedAt: null }, { claimedAt: { lt: new Date(now - staleClaimMs(deps)) } }],
  };
  let after: { createdAt: Date; id: string } | undefined;
  let total = 0;
  for (let page = 0; page < MAX_SWEEP_PAGES; page++) {
    const rows = await deps.app.db.prisma.complaintOutbox.findMany({
      where: after ? { AND: [where, { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] }] } : where,
      select: { id: true, jobSeq: true, createdAt: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: pageSize,
    });
    for (const r of rows) await enqueueDelivery(deps, r.id, r.jobSeq);
    total += rows.length;
    if (rows.length < pageSize) break;
    after = rows[rows.length - 1]!;
  }
  return total;
}
