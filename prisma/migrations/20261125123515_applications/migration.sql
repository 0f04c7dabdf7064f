-- CreateTable
CREATE TABLE "application" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "external_ref" TEXT,
    "item_code" TEXT NOT NULL,
    "item_name" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "applicant_name_enc" TEXT NOT NULL,
    "id_number_enc" TEXT,
    "phone_enc" TEXT,
    "phone_index" TEXT,
    "phone_last4_index" TEXT,
    "id_last4_index" TEXT,
    "user_id" UUID,
    "oa_openid" TEXT,
    "mp_openid" TEXT,
    "status" TEXT NOT NULL,
    "status_at" TIMESTAMPTZ(3) NOT NULL,
    "limit_value" INTEGER NOT NULL,
    "limit_unit" TEXT NOT NULL,
    "accepted_at" TIMESTAMPTZ(3),
    "stopped_at" TIMESTAMPTZ(3),
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "warn_at" TIMESTAMPTZ(3),
    "due_at" TIMESTAMPTZ(3),
    "clock_problem" TEXT,
    "warned_at" TIMESTAMPTZ(3),
    "overdue_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "application_event" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "note" TEXT,
    "actor" TEXT,
    "source" TEXT NOT NULL,
    "source_id" TEXT NOT NULL,
    "external_id" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "applied" BOOLEAN NOT NULL DEFAULT true,
    "notified_at" TIMESTAMPTZ(3),
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "application_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "supervision_alert" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "supervision_alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "holiday_year" (
    "id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "holidays" TEXT[],
    "workdays" TEXT[],
    "source" TEXT,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "holiday_year_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "application_number_key" ON "application"("number");

-- CreateIndex
CREATE UNIQUE INDEX "application_external_ref_key" ON "application"("external_ref");

-- CreateIndex
CREATE INDEX "application_phone_index_idx" ON "application"("phone_index");

-- CreateIndex
CREATE INDEX "application_user_id_idx" ON "application"("user_id");

-- CreateIndex
CREATE INDEX "application_department_status_idx" ON "application"("department", "status");

-- CreateIndex
CREATE INDEX "application_warn_at_idx" ON "application"("warn_at");

-- CreateIndex
CREATE INDEX "application_due_at_idx" ON "application"("due_at");

-- CreateIndex
CREATE INDEX "application_event_application_id_at_idx" ON "application_event"("application_id", "at");

-- CreateIndex
CREATE INDEX "application_event_notified_at_applied_idx" ON "application_event"("notified_at", "applied");

-- CreateIndex
CREATE UNIQUE INDEX "application_event_source_source_id_external_id_key" ON "application_event"("source", "source_id", "external_id");

-- CreateIndex
CREATE INDEX "supervision_alert_department_kind_idx" ON "supervision_alert"("department", "kind");

-- CreateIndex
CREATE INDEX "supervision_alert_created_at_idx" ON "supervision_alert"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "supervision_alert_application_id_kind_key" ON "supervision_alert"("application_id", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "holiday_year_year_key" ON "holiday_year"("year");

-- AddForeignKey
ALTER TABLE "application_event" ADD CONSTRAINT "application_event_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supervision_alert" ADD CONSTRAINT "supervision_alert_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE CASCADE;
