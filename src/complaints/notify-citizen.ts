import { COMPLAINT_STATUS_LABELS, type ComplaintStatus } from "./complaint-status";
import type { ComplaintsDeps } from "./deps";
import { anonymiseText } from "./place";
import { ratingLink } from "./rating-link";
import { text } from "./texts";
import type { Complaint } from "./workflow/db";

/**
 * Tells the citizen on the channel they used: an Official Account template message for chat
 * tickets (by openid), a subscribe message for mini-program ones (by user id). Open311 and
 * anonymous tickets have no push channel: their clients read the status. Runs after the
 * commit; the notifications capability makes one message per dedupeKey, so a retried call
 * never sends twice. A failure here is logged, never undoes the reply.
 */
export async function notifyCitizen(deps: ComplaintsDeps, c: Complaint, dedupeKey: string): Promise<void> {
  const target = c.channel === "miniprogram" && c.userId ? { userId: c.userId } : c.channel === "wechat" && c.openid ? { oaOpenid: c.openid } : undefined;
  if (!target) return;
  try {
    await deps.notify(deps.app, {
      kind: "complaint_reply",
      dedupeKey,
      ...target,
      // Field names of the notifications kind "complaint_reply" (src/notifications/kinds.ts).
      fields: {
        title: text("notice.title"),
        complaintNo: c.ticketNo,
        status: COMPLAINT_STATUS_LABELS[c.status as ComplaintStatus],
        // The instant: notifications shows it in Shanghai time, once (issue 16, defect 12).
        repliedAt: c.repliedAt ?? deps.app.now(),
        // A subscribe or template message shows on the lock screen: no phone, ID or house numbers
        // and no names in it (the full reply is in the mini-program). notifications fits it to
        // WeChat's 20-character "thing" field, marking the cut with "…".
        reply: anonymiseText(c.replyText ?? ""),
      },
      url: ratingLink(deps.app, c.ticketNo),
      page: `pages/complaints/detail?ticketNo=${c.ticketNo}`,
    });
  } catch (err) {
    deps.app.logger.error({ err, ticketNo: c.ticketNo }, "complaint notice failed");
  }
}
