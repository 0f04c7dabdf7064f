import type { AppContext } from "../platform/context";
import { isUniqueViolation } from "../platform/db";
import type { FieldValue } from "./fit-fields";
import { isNotificationKind, type NotificationKind } from "./kinds";
import { normaliseFields, sealPayload } from "./payload";
import { SEND_NOTIFICATION_JOB } from "./send-notification";

export interface NotifyOptions {
  /** The recipient: a user (both channels looked up), and/or the openid the event came from. */
  userId?: string;
  /** Set when the citizen used the Official Account: the OA template message is preferred. */
  oaOpenid?: string;
  mpOpenid?: string;
  kind: NotificationKind;
  /**
   * One business change = one key, e.g. `application:<id>:status:<seq>`. A second notify with
   * the same key returns the first notification and sends nothing.
   */
  dedupeKey: string;
  /** Values by field name (kinds.ts); they are fitted to WeChat's limits when sent. */
  fields: Record<string, FieldValue | null | undefined>;
  /** Mini-program page to open (subscribe message; also used by the OA message when the MP is bound). */
  page?: string;
  /** Web page to open from an OA template message when no mini-program page is given. */
  url?: string;
  /**
   * Whether the change may spend one of the citizen's one-time subscribe-message allowances:
   * "action" (something to do or an outcome: 补正, a decision, a reply) may, "info" (已接件,
   * 办理中) may not — it goes by OA template message to a follower, else stays in the record
   * ("my applications"). Default "action".
   */
  priority?: NotificationPriority;
}

export type NotificationPriority = "action" | "info";

export interface NotifyResult {
  id: string;
  /** False when a notification with this dedupeKey already existed. */
  created: boolean;
  status: string;
}

/**
 * Records a notification and enqueues its sending. The row is written first (the source of
 * truth, unique by dedupeKey) and the job only drives it, so a lost job is re-enqueued from
 * the row at the next start or sweep.
 */
export async function notify(ctx: AppContext, opts: NotifyOptions): Promise<NotifyResult> {
  if (!isNotificationKind(opts.kind)) throw new Error(`notify: unknown kind "${String(opts.kind)}"`);
  if (!opts.userId && !opts.oaOpenid && !opts.mpOpenid) throw new Error("notify: give userId, oaOpenid or mpOpenid");
  if (!opts.dedupeKey || opts.dedupeKey.length > 200) throw new Error("notify: dedupeKey must have 1 to 200 characters");
  const fields = normaliseFields(opts.kind, opts.fields);
  const notifications = ctx.db.prisma.notification;
  let row;
  let created = true;
  try {
    row = await notifications.create({
      data: {
        dedupeKey: opts.dedupeKey,
        kind: opts.kind,
        userId: opts.userId ?? null,
        oaOpenid: opts.oaOpenid ?? null,
        mpOpenid: opts.mpOpenid ?? null,
        payloadEnc: sealPayload(ctx, { fields, page: opts.page, url: opts.url, priority: opts.priority ?? "action" }),
        createdAt: ctx.now(),
      },
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    row = await notifications.findUniqueOrThrow({ where: { dedupeKey: opts.dedupeKey } });
    created = false;
  }
  if (created) {
    try {
      await ctx.queue.enqueue(SEND_NOTIFICATION_JOB, { notificationId: row.id }, { jobId: `notification:${row.id}` });
    } catch (err) {
      // The row stays pending; the sweep (or the next start) enqueues it again.
      ctx.logger.warn({ err, notificationId: row.id }, "notification not enqueued; left pending for the sweep");
    }
  }
  ctx.logger.info({ notificationId: row.id, kind: row.kind, created }, "notification recorded");
  return { id: row.id, created, status: row.status };
}

export type { NotificationKind };
