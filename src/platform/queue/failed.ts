import type { PrismaClient } from "../../generated/prisma/client";

export interface FailedJobRecord {
  queue: string;
  name: string;
  payload: unknown;
  error: string;
  attempts: number;
}

/** Where a job goes after its last attempt failed: a row staff can see and replay. */
export type FailedJobSink = (job: FailedJobRecord) => Promise<void>;

export const failedJobTable =
  (prisma: PrismaClient): FailedJobSink =>
  async (job) => {
    await prisma.failedJob.create({
      data: { queue: job.queue, name: job.name, payload: (job.payload ?? {}) as object, error: job.error.slice(0, 4000), attempts: job.attempts },
    });
  };
