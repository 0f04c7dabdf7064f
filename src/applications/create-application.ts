import type { ApplicationEventModel, ApplicationModel } from "../platform/db";
import { generateApplicationNumber } from "./application-number";
import { sealApplicant, type Applicant } from "./applicant-data";
import type { ApplicationsDeps } from "./deps";
import { applicationErrors } from "./errors";
import { isUniqueViolation } from "../platform/db";
import type { EventSource } from "./record-application-event";

export const CHANNELS = ["counter", "online", "miniprogram", "wechat", "integration", "import"] as const;
export type ApplicationChannel = (typeof CHANNELS)[number];

export interface CreateApplicationOptions {
  itemCode: string;
  applicant: Applicant;
  channel: ApplicationChannel;
  /** When the application was received (已接件); defaults to now. */
  submittedAt?: Date | undefined;
  externalRef?: string | undefined;
  userId?: string | undefined;
  oaOpenid?: string | undefined;
  mpOpenid?: string | undefined;
  note?: string | undefined;
  actor?: string | undefined;
  source: EventSource;
  sourceId: string;
  /** The source's id of the creating event (CSV row, upstream event). */
  externalId?: string | undefined;
  /** A department-limited staff member registers only items their department handles (others: unknown_item). */
  onlyDepartment?: string | undefined;
}

/**
 * Registers an application (已接件). Department and time limit come from the catalog item —
 * the limit is the item's promised limit (承诺时限), never typed in; it is kept on the row so
 * that a later guide edit does not move the deadline of applications already made.
 */
export async function createApplication(
  deps: ApplicationsDeps,
  opts: CreateApplicationOptions,
): Promise<{ application: ApplicationModel; event: ApplicationEventModel }> {
  const { app } = deps;
  const item = await deps.items.getItem(opts.itemCode);
  if (!item || (opts.onlyDepartment !== undefined && item.department !== opts.onlyDepartment)) throw applicationErrors("unknown_item", { itemCode: opts.itemCode }, { itemCode: opts.itemCode });
  const now = app.now();
  const submittedAt = opts.submittedAt ?? now;
  if (submittedAt.getTime() > now.getTime() + 5 * 60_000) throw applicationErrors("submitted_in_future");
  const sealed = sealApplicant(app, opts.applicant);
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await app.db.prisma.$transaction(async (tx) => {
        const application = await tx.application.create({
          data: {
            number: generateApplicationNumber(submittedAt),
            externalRef: opts.externalRef ?? null,
            itemCode: item.code,
            itemName: item.name,
            department: item.department,
            channel: opts.channel,
            ...sealed,
            userId: opts.userId ?? null,
            oaOpenid: opts.oaOpenid ?? null,
            mpOpenid: opts.mpOpenid ?? null,
            status: "submitted",
            statusAt: submittedAt,
            limitValue: item.limit.value,
            limitUnit: item.limit.unit,
          },
        });
        const event = await tx.applicationEvent.create({
          data: {
            applicationId: application.id,
            status: "submitted",
            at: submittedAt,
            note: opts.note ?? null,
            actor: opts.actor ?? null,
            source: opts.source,
            sourceId: opts.sourceId,
            externalId: opts.externalId ?? null,
          },
        });
        return { application, event };
      });
      await deps.queueNotification(result.event.id).catch((err: unknown) => app.logger.warn({ err }, "notification not queued; the outbox retries at start"));
      app.logger.info({ number: result.application.number, itemCode: item.code, channel: opts.channel }, "application registered");
      return result;
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      if (opts.externalRef && (await app.db.prisma.application.findUnique({ where: { externalRef: opts.externalRef } }))) {
        throw applicationErrors("external_ref_taken", { externalRef: opts.externalRef }, { externalRef: opts.externalRef });
      }
      // 50 random bits make a number collision practically impossible; retry once anyway.
      if (attempt >= 3) throw err;
    }
  }
}
