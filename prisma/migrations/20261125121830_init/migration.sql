-- CreateTable
CREATE TABLE "failed_job" (
    "id" UUID NOT NULL,
    "queue" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "error" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "replayed_at" TIMESTAMPTZ(3),

    CONSTRAINT "failed_job_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "failed_job_queue_created_at_idx" ON "failed_job"("queue", "created_at");
