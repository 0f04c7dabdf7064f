import type { Capability } from "./platform/capability";
import type { AppContext } from "./platform/context";
import { notificationsCapability, notify } from "./notifications";
import { catalogCapability } from "./catalog";
import { searchCapability } from "./search/capability";
import { chatCapability } from "./chat/capability";
import { miniprogramCapability } from "./miniprogram";
import { createWechatCapability } from "./wechat";
import { applicationsCapability, applicationsDeps } from "./applications";
import { applicationProgressCommand } from "./applications/chat-command";
import { complaintsCapability } from "./complaints";
import type { CitizenNotice } from "./complaints/deps";

/**
 * The composition root: every capability of the service, wired together, in dependency order
 * (start hooks run in this order — the catalog imports the shipped guides before search
 * indexes them — and stop hooks in reverse).
 */
export function createCapabilities(): Capability[] {
  let appCtx: AppContext | undefined;
  const search = searchCapability();
  const complaints = complaintsCapability({ notify: complaintNotice });
  const chat = chatCapability({
    search: search.index,
    commands: () => [applicationProgressCommand(applicationsDeps(appCtx!)), complaints.chatCommand],
  });
  const wechat = createWechatCapability({ handleMessage: (msg) => chat.handle(msg) });
  const applications = applicationsCapability();
  const remember: Capability = {
    name: "context",
    async start(ctx) {
      appCtx = ctx;
    },
  };
  return [
    remember,
    notificationsCapability(),
    catalogCapability({ search: () => search.itemSearch }),
    search,
    miniprogramCapability(),
    applications,
    complaints,
    chat,
    wechat,
  ];
}

/** Complaint replies go out through the notification service (template or subscribe message). */
async function complaintNotice(app: AppContext, n: CitizenNotice): Promise<void> {
  await notify(app, {
    kind: "complaint_reply",
    dedupeKey: n.dedupeKey,
    userId: n.userId,
    oaOpenid: n.oaOpenid,
    url: n.url,
    page: n.page,
    fields: {
      title: "您反映的问题已有答复",
      complaintNo: n.fields.ticketNo,
      status: n.fields.status,
      repliedAt: n.fields.time,
      reply: n.fields.summary,
    },
  });
}
