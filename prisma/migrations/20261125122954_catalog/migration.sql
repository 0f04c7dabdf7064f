-- CreateTable
CREATE TABLE "catalog_department" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "code" TEXT,
    "region" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "catalog_department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "catalog_item" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "aliases" TEXT[],
    "type" TEXT,
    "audience" TEXT[],
    "region" TEXT,
    "department_id" UUID,
    "has_guide" BOOLEAN NOT NULL DEFAULT false,
    "listed" BOOLEAN NOT NULL DEFAULT true,
    "source" TEXT NOT NULL,
    "search_text" TEXT NOT NULL DEFAULT '',
    "task_type" TEXT,
    "link" TEXT,
    "catalog_data" JSONB,
    "catalog_hash" TEXT,
    "current_version_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "catalog_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "catalog_guide_version" (
    "id" UUID NOT NULL,
    "item_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "content_hash" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "region" TEXT,
    "audience" TEXT[],
    "diff" JSONB NOT NULL,
    "published_by" TEXT NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "catalog_guide_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "catalog_guide_draft" (
    "id" UUID NOT NULL,
    "item_id" UUID NOT NULL,
    "content" JSONB NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "comment" TEXT,
    "base_version" INTEGER,
    "updated_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "catalog_guide_draft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "catalog_audit_log" (
    "id" UUID NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "diff" JSONB,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "catalog_audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "catalog_synonym" (
    "id" UUID NOT NULL,
    "terms" TEXT[],
    "canonical" TEXT[],
    "kind" TEXT,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "catalog_synonym_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "catalog_unanswered_question" (
    "id" UUID NOT NULL,
    "normalized" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,
    "first_asked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_asked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "best_code" TEXT,

    CONSTRAINT "catalog_unanswered_question_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "catalog_department_name_region_key" ON "catalog_department"("name", "region");

-- CreateIndex
CREATE UNIQUE INDEX "catalog_item_code_key" ON "catalog_item"("code");

-- CreateIndex
CREATE UNIQUE INDEX "catalog_item_current_version_id_key" ON "catalog_item"("current_version_id");

-- CreateIndex
CREATE INDEX "catalog_item_department_id_idx" ON "catalog_item"("department_id");

-- CreateIndex
CREATE INDEX "catalog_item_type_idx" ON "catalog_item"("type");

-- CreateIndex
CREATE INDEX "catalog_item_region_idx" ON "catalog_item"("region");

-- CreateIndex
CREATE UNIQUE INDEX "catalog_guide_version_item_id_version_key" ON "catalog_guide_version"("item_id", "version");

-- CreateIndex
CREATE UNIQUE INDEX "catalog_guide_draft_item_id_key" ON "catalog_guide_draft"("item_id");

-- CreateIndex
CREATE INDEX "catalog_audit_log_entity_entity_id_at_idx" ON "catalog_audit_log"("entity", "entity_id", "at");

-- CreateIndex
CREATE INDEX "catalog_audit_log_at_idx" ON "catalog_audit_log"("at");

-- CreateIndex
CREATE UNIQUE INDEX "catalog_unanswered_question_normalized_key" ON "catalog_unanswered_question"("normalized");

-- CreateIndex
CREATE INDEX "catalog_unanswered_question_count_idx" ON "catalog_unanswered_question"("count");

-- AddForeignKey
ALTER TABLE "catalog_item" ADD CONSTRAINT "catalog_item_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "catalog_department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "catalog_item" ADD CONSTRAINT "catalog_item_current_version_id_fkey" FOREIGN KEY ("current_version_id") REFERENCES "catalog_guide_version"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "catalog_guide_version" ADD CONSTRAINT "catalog_guide_version_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "catalog_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "catalog_guide_draft" ADD CONSTRAINT "catalog_guide_draft_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "catalog_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
