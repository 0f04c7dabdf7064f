import { AppError } from "../../platform/errors";
import type { ComplaintsDeps } from "../deps";
import { DELIVER_JOB, deliverJobId } from "./write-outbox";

export const SWEEP_OUTBOX_JOB = "complaints.outbox.sweep";

/** Staff replay a dead letter: it becomes pending with a fresh attempt budget and is enqueued. */
export async function replayOutbox(deps: ComplaintsDeps, o: { id: string; actor: string }) {
  const prisma = deps.app.db.prisma;
  const { count } = await prisma.complaintOutbox.updateMany({
    where: { id: o.id, status: "dead" },
    data: { status: "pending", attempts: 0, claimedAt: null },
  });
  if (count !== 1) throw new AppError("unprocessable", "只有死信可以重放");
  deps.app.logger.info({ outboxId: o.id, actor: o.actor }, "12345 outbox replayed");
  await deps.app.queue.enqueue(DELIVER_JOB, { id: o.id });
  return prisma.complaintOutbox.findUniqueOrThrow({ where: { id: o.id } });
}

/**
 * Pending rows go back on the queue: at start (the memory queue forgets on restart) and from
 * the periodic sweep (an enqueue lost after commit, e.g. while Redis was down). The rows are
 * the source of truth; the per-row job id makes a row whose job is still alive a no-op, and
 * the delivery claim makes a duplicate job harmless anyway. `olderThanMs` keeps the sweep away
 * from rows just written, whose kick is on its way. Bounded per run; the next run takes the rest.
 */
export async function requeuePendingOutbox(deps: ComplaintsDeps, olderThanMs = 0, take = 500): Promise<number> {
  const cutoff = new Date(deps.app.now().getTime() - olderThanMs);
  const rows = await deps.app.db.prisma.complaintOutbox.findMany({
    where: { status: "pending", createdAt: { lte: cutoff } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take,
  });
  for (const r of rows) await deps.app.queue.enqueue(DELIVER_JOB, { id: r.id }, { jobId: deliverJobId(r.id) });
  return rows.length;
}
