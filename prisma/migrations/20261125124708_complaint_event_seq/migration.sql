-- AlterTable
ALTER TABLE "complaint_event" ADD COLUMN     "seq" SERIAL NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "complaint_event_seq_key" ON "complaint_event"("seq");
