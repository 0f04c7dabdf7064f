-- CreateTable
CREATE TABLE "catalog_item_ask" (
    "code" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "last_asked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "catalog_item_ask_pkey" PRIMARY KEY ("code")
);

-- CreateIndex
CREATE INDEX "catalog_item_ask_count_idx" ON "catalog_item_ask"("count");
