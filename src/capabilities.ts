import type { Capability } from "./platform/capability";
import { notificationsCapability } from "./notifications";
import { catalogCapability } from "./catalog";
import { searchCapability } from "./search";
import { chatCapability } from "./chat";
import { miniprogramCapability, optionalSession, sessionOf } from "./miniprogram";
import { createWechatCapability } from "./wechat";
import { applicationProgressCommand, applicationsCapability, applicationsDeps } from "./applications";
import { calendarCapability } from "./calendar";
import { complaintsCapability } from "./complaints";
import { staffCapability } from "./staff";
import { consoleCapability } from "./console";

/**
 * The composition root: every capability of the service, wired together, in dependency order
 * (start hooks run in this order — the catalog imports the shipped guides before search
 * indexes them — and stop hooks in reverse).
 */
export function createCapabilities(): Capability[] {
  const search = searchCapability();
  const complaints = complaintsCapability();
  const chat = chatCapability({
    search: search.index,
    commands: (ctx) => [applicationProgressCommand(applicationsDeps(ctx)), complaints.chatCommand],
    // A signed-in mini-program user asks as themselves; anyone else is anonymous.
    askAuth: (ctx) => ({ before: optionalSession(ctx), userIdOf: (c) => sessionOf(c)?.userId }),
  });
  const wechat = createWechatCapability({ handleMessage: (msg) => chat.handle(msg) });
  const applications = applicationsCapability();
  return [
    staffCapability(),
    calendarCapability(),
    notificationsCapability(),
    catalogCapability({ search: () => search.itemSearch }),
    search,
    miniprogramCapability(),
    applications,
    complaints,
    chat,
    wechat,
    consoleCapability({ complaints: complaints.desk }),
  ];
}
