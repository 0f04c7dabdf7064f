-- CreateTable
CREATE TABLE "catalog_question_day" (
    "day" TEXT NOT NULL,
    "asked" INTEGER NOT NULL DEFAULT 0,
    "unanswered" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "catalog_question_day_pkey" PRIMARY KEY ("day")
);
