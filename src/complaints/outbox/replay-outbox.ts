import { complaintErrors } from "../errors";
import type { ComplaintsDeps } from "../deps";
import { enqueueDelivery } from "./delivery-job";

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
  if (count !== 1) throw complaintErrors("outbox_not_dead");
  deps.app.logger.info({ outboxId: o.id, actor: o.actor }, "12345 outbox replayed");
  const row = await prisma.complaintOutbox.findUniqueOrThrow({ where: { id: o.id } });
  await enqueueDelivery(deps, row.id, row.jobSeq);
  return row;
}
