import type { AppContext } from "../platform/context";
import { noticeContent } from "./notice-content";
import type { ApplicationsDeps } from "./deps";
import type { NotifyOptions } from "../notifications";

export const NOTIFY_JOB = "applications.notify-status";

/**
 * Hands one status change to `notify` with dedupeKey "application:<eventId>". notify keeps one
 * row per key, so a retried job (or a re-queue by the outbox after a crash between notify and
 * the notified_at update) still yields exactly one message. Recipients: the user or openids
 * bound to the application, else the user whose bound phone is the applicant's phone.
 */
export async function notifyApplicant(deps: ApplicationsDeps, eventId: string): Promise<"sent" | "skipped" | "no_recipient"> {
  const prisma = deps.app.db.prisma;
  const event = await prisma.applicationEvent.findUnique({ where: { id: eventId }, include: { application: true } });
  if (!event || !event.applied || event.notifiedAt) return "skipped";
  const a = event.application;
  const recipient = await recipientOf(deps.app, a);
  if (recipient) {
    const base = deps.app.config.PUBLIC_BASE_URL.replace(/\/$/, "");
    const notice = noticeContent(event);
    await deps.notify({
      ...recipient,
      kind: "application_status",
      dedupeKey: `application:${event.id}`,
      priority: notice.priority,
      fields: {
        itemName: a.itemName,
        applicationNo: a.number,
        status: notice.status,
        updatedAt: event.at,
        ...(notice.remark ? { remark: notice.remark } : {}),
      },
      page: `pages/applications/detail?number=${encodeURIComponent(a.number)}`,
      // The applicant's H5 detail page (behind WeChat OAuth), for OA messages without the mini-program.
      url: `${base}/applications/${encodeURIComponent(a.number)}`,
    });
  } else {
    deps.app.logger.info({ number: a.number, status: event.status }, "application status change: no bound applicant to notify");
  }
  await prisma.applicationEvent.update({ where: { id: event.id }, data: { notifiedAt: deps.app.now() } });
  return recipient ? "sent" : "no_recipient";
}

type Recipient = Pick<NotifyOptions, "userId" | "oaOpenid" | "mpOpenid">;

async function recipientOf(
  ctx: AppContext,
  a: { userId: string | null; oaOpenid: string | null; mpOpenid: string | null; phoneIndex: string | null },
): Promise<Recipient | undefined> {
  if (a.userId || a.oaOpenid || a.mpOpenid) {
    return { ...(a.userId ? { userId: a.userId } : {}), ...(a.oaOpenid ? { oaOpenid: a.oaOpenid } : {}), ...(a.mpOpenid ? { mpOpenid: a.mpOpenid } : {}) };
  }
  if (!a.phoneIndex) return undefined;
  const user = await ctx.db.prisma.user.findFirst({ where: { phoneIndex: a.phoneIndex }, orderBy: { phoneBoundAt: "desc" }, select: { id: true } });
  return user ? { userId: user.id } : undefined;
}
