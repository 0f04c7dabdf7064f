-- CreateTable
CREATE TABLE "subscribe_consent" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "template_id" TEXT NOT NULL,
    "accepted_at" TIMESTAMPTZ(3) NOT NULL,
    "consumed_at" TIMESTAMPTZ(3),
    "notification_id" UUID,

    CONSTRAINT "subscribe_consent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" UUID NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "user_id" UUID,
    "oa_openid" TEXT,
    "mp_openid" TEXT,
    "payload_enc" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "channel" TEXT,
    "template_id" TEXT,
    "consent_id" UUID,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "errcode" INTEGER,
    "last_error" TEXT,
    "claimed_at" TIMESTAMPTZ(3),
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL,
    "oa_openid" TEXT,
    "mp_openid" TEXT,
    "unionid" TEXT,
    "phone_enc" TEXT,
    "phone_index" TEXT,
    "phone_bound_at" TIMESTAMPTZ(3),
    "real_name_enc" TEXT,
    "id_number_enc" TEXT,
    "id_number_index" TEXT,
    "mp_session_key_enc" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "subscribe_consent_user_id_template_id_consumed_at_idx" ON "subscribe_consent"("user_id", "template_id", "consumed_at");

-- CreateIndex
CREATE UNIQUE INDEX "notification_dedupe_key_key" ON "notification"("dedupe_key");

-- CreateIndex
CREATE INDEX "notification_status_created_at_idx" ON "notification"("status", "created_at");

-- CreateIndex
CREATE INDEX "notification_user_id_created_at_idx" ON "notification"("user_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_oa_openid_key" ON "app_user"("oa_openid");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_mp_openid_key" ON "app_user"("mp_openid");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_unionid_key" ON "app_user"("unionid");

-- CreateIndex
CREATE INDEX "app_user_phone_index_idx" ON "app_user"("phone_index");

-- CreateIndex
CREATE INDEX "app_user_id_number_index_idx" ON "app_user"("id_number_index");

-- AddForeignKey
ALTER TABLE "subscribe_consent" ADD CONSTRAINT "subscribe_consent_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
