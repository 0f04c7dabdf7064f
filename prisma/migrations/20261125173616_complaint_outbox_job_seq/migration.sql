-- AlterTable
ALTER TABLE "complaint_outbox" ADD COLUMN     "job_seq" INTEGER NOT NULL DEFAULT 0;
