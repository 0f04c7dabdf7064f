import type { AppContext } from "../platform/context";
import { defineJob, type JobContext, type JobDefinition } from "../platform/queue";
import { isPermanentWechatError, WechatApiError } from "../wechat";
import { releaseConsent } from "../miniprogram";
import { maskText } from "../platform/privacy";
import { deliver } from "./deliver";
import { openPayload } from "./payload";

export const SEND_NOTIFICATION_JOB = "notifications.send";
export const MAX_ATTEMPTS = 5;
/** A claim older than this is taken to be from a crashed worker (a WeChat call takes seconds). */
const CLAIM_LEASE_MS = 5 * 60_000;

export interface SendNotificationPayload {
  notificationId: string;
}

/**
 * Claims the row: pending → sending in one conditional UPDATE. Only one worker wins, and a
 * job that runs again after the send succeeded (queue retry, duplicate enqueue, restart)
 * finds the row `sent` and does nothing — the row status, not the queue, decides.
 */
async function claim(ctx: AppContext, id: string): Promise<boolean> {
  const now = ctx.now();
  const rows = await ctx.db.prisma.$queryRaw<{ id: string }[]>`
    UPDATE notification SET status = 'sending', attempts = attempts + 1, claimed_at = ${now}, updated_at = ${now}
    WHERE id = ${id}::uuid AND (status = 'pending'
      OR (status = 'sending' AND claimed_at < ${new Date(now.getTime() - CLAIM_LEASE_MS)}))
    RETURNING id::text AS id`;
  return rows.length === 1;
}

export async function sendNotification(ctx: AppContext, id: string, job?: JobContext): Promise<void> {
  if (!(await claim(ctx, id))) return;
  const notifications = ctx.db.prisma.notification;
  const row = await notifications.findUniqueOrThrow({ where: { id } });
  const log = ctx.logger.child({ notificationId: id, kind: row.kind, attempt: row.attempts, jobId: job?.jobId });
  try {
    const outcome = await deliver(ctx, row, openPayload(ctx, row.payloadEnc));
    await notifications.update({
      where: { id },
      data: {
        status: outcome.status,
        channel: outcome.channel ?? null,
        templateId: outcome.templateId ?? null,
        sentAt: outcome.status === "sent" ? ctx.now() : null,
        lastError: null,
        errcode: null,
        updatedAt: ctx.now(),
      },
    });
    log.info({ status: outcome.status, channel: outcome.channel }, "notification done");
  } catch (e) {
    const errcode = e instanceof WechatApiError ? (e.errcode ?? null) : null;
    const message = maskText((e as Error)?.message ?? String(e)).slice(0, 1000);
    const permanent = isPermanentWechatError(e);
    const last = permanent || row.attempts >= MAX_ATTEMPTS;
    const current = await notifications.findUniqueOrThrow({ where: { id }, select: { consentId: true } });
    // Out of retries on a transient error: WeChat never delivered, so the acceptance is still good.
    if (last && !permanent && current.consentId) await releaseConsent(ctx, current.consentId);
    await notifications.update({
      where: { id },
      data: {
        status: last ? "failed" : "pending",
        errcode,
        lastError: message,
        updatedAt: ctx.now(),
        ...(last && !permanent && current.consentId ? { consentId: null } : {}),
      },
    });
    if (last) {
      log.warn({ errcode, permanent, err: message }, "notification failed");
      return;
    }
    log.info({ errcode, err: message }, "notification send failed; will retry");
    throw e;
  }
}

export function sendNotificationJob(ctx: AppContext): JobDefinition<SendNotificationPayload> {
  return defineJob<SendNotificationPayload>({
    name: SEND_NOTIFICATION_JOB,
    defaults: { attempts: MAX_ATTEMPTS, backoffMs: 1000 },
    handler: (p, job) => sendNotification(ctx, p.notificationId, job),
  });
}
