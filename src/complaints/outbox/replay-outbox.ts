import { AppError } from "../../platform/errors";
import type { ComplaintsDeps } from "../deps";
import { DELIVER_JOB } from "./write-outbox";

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

/** At start: everything still pending goes back on the queue (the memory queue forgets on restart). */
export async function requeuePendingOutbox(deps: ComplaintsDeps): Promise<number> {
  const rows = await deps.app.db.prisma.complaintOutbox.findMany({ where: { status: "pending" }, select: { id: true }, orderBy: { createdAt: "asc" } });
  for (const r of rows) await deps.app.queue.enqueue(DELIVER_JOB, { id: r.id });
  return rows.length;
}
