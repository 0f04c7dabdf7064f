import type { ComplaintsDeps } from "../deps";

export const DELIVER_JOB = "complaints.outbox.deliver";

export interface DeliverPayload {
  id: string;
  /** The row's jobSeq this job was enqueued for (absent in jobs queued before jobSeq existed). */
  seq?: number;
}

/**
 * One job id per delivery turn of a row: complaint-outbox:<row>:<jobSeq>. The kick, the
 * scheduled retry, the start-up requeue, the sweep and a staff replay all name the row's
 * current turn, so the same turn is never queued twice; and since every claim (and every
 * replay) moves the row to the next turn, a job that finished — sent, skipped after a crash,
 * or gave up — never holds an id the row still needs (BullMQ keeps completed ids for a day,
 * the in-process queue for its lifetime). A job that failed before it could claim (database
 * unreachable, or an earlier claim still fresh, through all its queue attempts) leaves the
 * row on the same turn: the queue gives a finally failed job's id back (JobOptions.jobId),
 * so the sweep's enqueue of that turn runs instead of being a no-op.
 */
export const deliverJobId = (outboxId: string, seq: number) => `complaint-outbox:${outboxId}:${seq}`;

/** Queue the row's turn `seq`; throws when the queue is unreachable (callers decide whether that matters). */
export async function enqueueDelivery(deps: ComplaintsDeps, id: string, seq: number, delayMs?: number): Promise<void> {
  await deps.app.queue.enqueue<DeliverPayload>(DELIVER_JOB, { id, seq }, { jobId: deliverJobId(id, seq), ...(delayMs ? { delayMs } : {}) });
}
