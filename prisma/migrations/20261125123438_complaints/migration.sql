-- CreateTable
CREATE TABLE "complaint" (
    "id" UUID NOT NULL,
    "seq" SERIAL NOT NULL,
    "ticket_no" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "address" TEXT,
    "district" TEXT,
    "lat" DOUBLE PRECISION,
    "lng" DOUBLE PRECISION,
    "occurred_at" TIMESTAMPTZ(3),
    "occurred_text" TEXT,
    "channel" TEXT NOT NULL,
    "user_id" UUID,
    "openid" TEXT,
    "open311_client_id" UUID,
    "contact_name_enc" TEXT,
    "contact_phone_enc" TEXT,
    "contact_consent" BOOLEAN NOT NULL DEFAULT false,
    "publication_consent" BOOLEAN NOT NULL DEFAULT false,
    "public_interest" BOOLEAN NOT NULL DEFAULT false,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'accepted',
    "dispatcher_queue" BOOLEAN NOT NULL DEFAULT false,
    "category" TEXT,
    "confidence" DOUBLE PRECISION,
    "suggested_department" TEXT,
    "department_id" UUID,
    "department" TEXT,
    "possible_duplicates" TEXT[],
    "merged_into_id" UUID,
    "dispatched_at" TIMESTAMPTZ(3),
    "signed_at" TIMESTAMPTZ(3),
    "replied_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "extension_workdays" INTEGER NOT NULL DEFAULT 0,
    "deadline_version" INTEGER NOT NULL DEFAULT 0,
    "sign_due_at" TIMESTAMPTZ(3),
    "return_due_at" TIMESTAMPTZ(3),
    "reply_due_at" TIMESTAMPTZ(3),
    "reminder_at" TIMESTAMPTZ(3),
    "supervision_at" TIMESTAMPTZ(3),
    "escalation_at" TIMESTAMPTZ(3),
    "supervision_stage" INTEGER NOT NULL DEFAULT 0,
    "reply_text" TEXT,
    "satisfaction" TEXT,
    "rated_at" TIMESTAMPTZ(3),
    "rectification" TEXT NOT NULL DEFAULT 'none',
    "rectification_due_at" TIMESTAMPTZ(3),
    "appeal" TEXT NOT NULL DEFAULT 'none',
    "idempotency_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "complaint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "complaint_event" (
    "id" UUID NOT NULL,
    "complaint_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "from_status" TEXT,
    "to_status" TEXT,
    "actor" TEXT NOT NULL,
    "note" TEXT,
    "data" JSONB,
    "dedupe_key" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "complaint_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "complaint_image" (
    "id" UUID NOT NULL,
    "complaint_id" UUID NOT NULL,
    "mime" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storage_key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "complaint_image_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "complaint_route" (
    "category" TEXT NOT NULL,
    "department_id" UUID,
    "department" TEXT NOT NULL,
    "updated_by" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "complaint_route_pkey" PRIMARY KEY ("category")
);

-- CreateTable
CREATE TABLE "complaint_outbox" (
    "id" UUID NOT NULL,
    "complaint_id" UUID NOT NULL,
    "event_type" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "claimed_at" TIMESTAMPTZ(3),
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "complaint_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "complaint_api_key" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "key_hash" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "complaint_api_key_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "complaint_seq_key" ON "complaint"("seq");

-- CreateIndex
CREATE UNIQUE INDEX "complaint_ticket_no_key" ON "complaint"("ticket_no");

-- CreateIndex
CREATE UNIQUE INDEX "complaint_idempotency_key_key" ON "complaint"("idempotency_key");

-- CreateIndex
CREATE INDEX "complaint_status_dispatcher_queue_idx" ON "complaint"("status", "dispatcher_queue");

-- CreateIndex
CREATE INDEX "complaint_user_id_created_at_idx" ON "complaint"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "complaint_openid_created_at_idx" ON "complaint"("openid", "created_at");

-- CreateIndex
CREATE INDEX "complaint_created_at_idx" ON "complaint"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "complaint_event_dedupe_key_key" ON "complaint_event"("dedupe_key");

-- CreateIndex
CREATE INDEX "complaint_event_complaint_id_at_idx" ON "complaint_event"("complaint_id", "at");

-- CreateIndex
CREATE INDEX "complaint_image_complaint_id_idx" ON "complaint_image"("complaint_id");

-- CreateIndex
CREATE UNIQUE INDEX "complaint_outbox_idempotency_key_key" ON "complaint_outbox"("idempotency_key");

-- CreateIndex
CREATE INDEX "complaint_outbox_status_created_at_idx" ON "complaint_outbox"("status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "complaint_api_key_key_hash_key" ON "complaint_api_key"("key_hash");

-- AddForeignKey
ALTER TABLE "complaint_event" ADD CONSTRAINT "complaint_event_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_image" ADD CONSTRAINT "complaint_image_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaint"("id") ON DELETE CASCADE ON UPDATE CASCADE;
