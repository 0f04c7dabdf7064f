import type { Capability } from "./platform/capability";
import { notificationsCapability, notify } from "./notifications";
import { bufferedQuestionLog, cachedCatalogPort, catalogCapability, CATALOG_CHANGED, createCatalogPort, SYNONYMS_CHANGED } from "./catalog";
import { searchCapability } from "./search";
import { chatCapability } from "./chat";
import { miniprogramCapability, optionalSession, sessionOf } from "./miniprogram";
import { createWechatCapability } from "./wechat";
import { applicationProgressCommand, applicationsCapability, applicationsDeps, itemsFromCatalog } from "./applications";
import { calendarCapability, holidayCalendar, shanghaiDayOf } from "./calendar";
import { complaintsCapability } from "./complaints";
import { citizenWebCapability } from "./citizen-web";
import { staffCapability } from "./staff";
import { consoleCapability } from "./console";

/**
 * The composition root: every capability of the service, wired together, in dependency order
 * (start hooks run in this order — the catalog imports the shipped guides before search
 * indexes them — and stop hooks in reverse).
 */
export function createCapabilities(): Capability[] {
  const search = searchCapability({
    source: (ctx) => createCatalogPort(ctx.db.prisma),
    changes: { item: CATALOG_CHANGED, synonyms: SYNONYMS_CHANGED },
  });
  const complaints = complaintsCapability({
    calendar: (ctx) => holidayCalendar(ctx),
    notify: async (ctx, notice) => void (await notify(ctx, notice)),
  });
  const chat = chatCapability({
    search: search.index,
    // The published guides behind a per-instance cache that the catalog's change events clear.
    catalog: (ctx) => cachedCatalogPort(createCatalogPort(ctx.db.prisma), ctx.store),
    questionLog: (ctx) =>
      bufferedQuestionLog(ctx.db.prisma, {
        now: ctx.now,
        onError: (err) => ctx.logger.warn({ err }, "question log failed"),
        // Counts and a short reason only: the question is what the database could not store,
        // and Prisma's message quotes the whole statement.
        onDropped: (d) => ctx.logger.warn({ droppedQuestions: d.rows, asks: d.asks, reason: d.reason }, "question log dropped questions the database refused"),
      }),
    catalogChanges: [CATALOG_CHANGED, SYNONYMS_CHANGED],
    // Complaints first: "进度 QH…" with a ticket's number (QH + 14 digits) is a ticket, not a
    // malformed application number (the applications command takes any "进度 …").
    commands: (ctx) => [complaints.chatCommand, applicationProgressCommand(applicationsDeps(ctx))],
    // A signed-in mini-program user asks as themselves; anyone else is anonymous.
    askAuth: (ctx) => ({ before: optionalSession(ctx), userIdOf: (c) => sessionOf(c)?.userId }),
    // "人工" transfers on the calendar's working days (a make-up Saturday included).
    workdays: (ctx) => async (at) => (await holidayCalendar(ctx).get()).isWorkday(shanghaiDayOf(at)),
  });
  const wechat = createWechatCapability({ handleMessage: (msg) => chat.handle(msg) });
  const applications = applicationsCapability({
    items: (ctx) => itemsFromCatalog(createCatalogPort(ctx.db.prisma)),
    calendar: (ctx) => holidayCalendar(ctx),
    notify: (ctx) => (notice) => notify(ctx, notice),
  });
  return [
    staffCapability(),
    calendarCapability(),
    notificationsCapability(),
    catalogCapability({ search: () => search.itemSearch }),
    search,
    miniprogramCapability(),
    citizenWebCapability(),
    applications,
    complaints,
    chat,
    wechat,
    consoleCapability({ complaints: complaints.desk }),
  ];
}
