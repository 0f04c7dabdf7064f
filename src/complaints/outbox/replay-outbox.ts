import { AppError } from "../../platform/errors";
import type { ComplaintsDeps } from "../deps";
import { staleClaimMs } from "./deliver-outbox";
import { enqueueDelivery } from "./delivery-job";

export const SWEEP_OUTBOX_JOB = "complaints.outbox.sweep";

/**
 * Staff replay a dead letter: it becomes pending with a fresh attempt budget, on a new turn,
 * and that turn is enqueued — the same job id the sweep would use, so a replay racing the
 * sweep still makes one job.
 */
export async function replayOutbox(deps: ComplaintsDeps, o: { id: string; actor: string }) {
  const prisma = deps.app.db.prisma;
  const { count } = await prisma.complaintOutbox.updateMany({
    where: { id: o.id, status: "dead" },
    data: { status: "pending", attempts: 0, claimedAt: null, jobSeq: { increment: 1 } },
  });
  if (count !== 1) throw new AppError("unprocessable", "只有死信可以重放");
  deps.app.logger.info({ outboxId: o.id, actor: o.actor }, "12345 outbox replayed");
  const row = await prisma.complaintOutbox.findUniqueOrThrow({ where: { id: o.id } });
  await enqueueDelivery(deps, row.id, row.jobSeq);
  return row;
}

/**
 * Pending rows go back on the queue: at start (the memory queue forgets on restart) and from
 * the periodic sweep (an enqueue lost after commit, e.g. while Redis was down, or a worker
 * that died holding the claim). The rows are the source of truth; each is enqueued for its
 * current turn, so a row whose job is still queued or waiting out its backoff is a no-op, and
 * a row whose last job ended without finishing it (crash) gets a job id not used before.
 * Rows with a fresh claim are left alone until it is stale: an attempt may still be running.
 * `olderThanMs` keeps the sweep away from rows just written, whose kick is on its way.
 * Bounded per run; the next run takes the rest.
 */
export async function requeuePendingOutbox(deps: ComplaintsDeps, olderThanMs = 0, take = 500): Promise<number> {
  const now = deps.app.now().getTime();
  const rows = await deps.app.db.prisma.complaintOutbox.findMany({
    where: {
      status: "pending",
      createdAt: { lte: new Date(now - olderThanMs) },
      OR: [{ claimedAt: null }, { claimedAt: { lt: new Date(now - staleClaimMs(deps)) } }],
    },
    select: { id: true, jobSeq: true },
    orderBy: { createdAt: "asc" },
    take,
  });
  for (const r of rows) await enqueueDelivery(deps, r.id, r.jobSeq);
  return rows.length;
}
