import { hasTemplate } from "../platform/templates";
import { guideLink, type ChatDeps } from "./deps";
import { renderAnswer, t, type Lang } from "./render";
import { loadSession, saveSession, type LoadedSession, type Session } from "./session";
import type { IncomingMessage, Reply } from "./types";

export type EventMessage = IncomingMessage & { kind: "event" | "location" };
/** Runs `text` as if the citizen had typed it (commands first, then the question path). */
export type Typed = (text: string, lang: Lang, loaded: LoadedSession) => Promise<Reply>;

const NONE: Reply = Object.freeze({ kind: "none" });
/** Events that ask for nothing: opening a menu link, unfollowing, the automatic position report, the rest. */
const SILENT = new Set(["view", "unsubscribe", "location", "other"]);
/** Menu keys are table ids in templates/chat (`menu_click.<KEY>`): plain words only, no path through the yaml. */
const MENU_KEY = /^[A-Za-z0-9_]{1,64}$/;
const GUIDE_SCENE = /^guide:([A-Za-z0-9_.-]{1,64})$/;
const bytes = (s: string) => Buffer.byteLength(s, "utf8");
const ANSWER_LIMIT_BYTES = 2048;

/**
 * What a channel event means to the dialog (the adapter only translated it):
 * - a menu click is the command a citizen could type (`menu_click.<KEY>`: 查进度, 我要投诉, 人工),
 *   or a prompt of its own (`menu_reply.<KEY>`), or the welcome for a key nobody mapped;
 * - following greets with what the assistant can do; following or scanning a QR code with the
 *   scene `guide:<item code>` (a sticker at a service-centre window) opens that item's guide;
 * - a location the citizen sends gets the asked-about item's service places (no guide gives map
 *   coordinates, so "nearest" cannot be honest yet — the reply says so);
 * - links, unfollowing and automatic position reports get no reply.
 */
export async function eventReply(deps: ChatDeps, m: EventMessage, typed: Typed): Promise<Reply> {
  if (m.kind === "event" && SILENT.has(m.event)) return NONE;
  const loaded = await loadSession(deps.store, m.channel, m.userId);
  const lang: Lang = m.lang ?? loaded.session.lang ?? "zh";
  if (m.kind === "location") return locationReply(deps, lang, loaded, m.label);
  const welcome = (): Reply => ({ kind: "text", text: t(lang, "welcome", { province: deps.config.PROVINCE_NAME ?? "", hotline: deps.config.HOTLINE }) });
  if (m.event === "click") {
    const key = m.key && MENU_KEY.test(m.key) ? m.key : undefined;
    if (key && hasTemplate("chat", lang, `menu_click.${key}`)) return typed(t(lang, `menu_click.${key}`), lang, loaded);
    if (key && hasTemplate("chat", lang, `menu_reply.${key}`)) return { kind: "text", text: t(lang, `menu_reply.${key}`) };
    return welcome();
  }
  const guide = GUIDE_SCENE.exec(m.scene ?? "")?.[1];
  // Following by a window's QR code: one greeting line before the guide (one passive reply only).
  const greeting = m.event === "subscribe" ? t(lang, "welcome_short", { province: deps.config.PROVINCE_NAME ?? "" }) : undefined;
  const opened = guide ? await guideReply(deps, m, guide, lang, loaded, greeting) : undefined;
  return opened ?? welcome();
}

/** The item's guide as its overview, remembered in the session so "要带什么" follows on from it. */
async function guideReply(deps: ChatDeps, m: EventMessage, code: string, lang: Lang, loaded: LoadedSession, greeting?: string): Promise<Reply | undefined> {
  const session: Session = { ...loaded.copy(), lang, candidates: undefined, pendingAspect: undefined };
  const hotline = deps.config.HOTLINE;
  const prefix = (text: string) => (greeting ? `${greeting}\n${text}` : text);
  const guide = await deps.catalog.getGuide(code);
  let reply: Reply;
  if (guide) {
    const link = guideLink(deps.config, guide.code, lang);
    const limitBytes = ANSWER_LIMIT_BYTES - (greeting ? bytes(greeting) + 1 : 0);
    Object.assign(session, { itemCode: guide.code, itemName: guide.name, aspect: "overview" });
    reply = { kind: "text", text: prefix(renderAnswer(guide, "overview", { lang, link, hotline, limitBytes })), itemCode: guide.code, aspect: "overview", candidates: [], link };
  } else {
    // A listed item without a published guide: who handles it, as the question path says it.
    const item = (await deps.catalog.getSearchItem?.(code)) ?? deps.search.get(code);
    if (!item) return undefined;
    Object.assign(session, { itemCode: item.code, itemName: item.name, aspect: "overview" });
    reply = { kind: "text", text: prefix(t(lang, "catalog_only", { name: item.name, department: item.department, hotline })), itemCode: item.code, aspect: "overview", candidates: [], link: null };
  }
  await saveSession(deps.store, m.channel, m.userId, session);
  return reply;
}

async function locationReply(deps: ChatDeps, lang: Lang, loaded: LoadedSession, label?: string): Promise<Reply> {
  const place = label ? t(lang, "location.place", { label: label.slice(0, 60) }) : "";
  const code = loaded.session.itemCode;
  const guide = code ? await deps.catalog.getGuide(code) : null;
  if (!guide?.locations.length) return { kind: "text", text: t(lang, "location.ask_item", { place }) };
  const note = t(lang, "location.places", { place });
  const link = guideLink(deps.config, guide.code, lang);
  const text = renderAnswer(guide, "locations", { lang, link, hotline: deps.config.HOTLINE, limitBytes: ANSWER_LIMIT_BYTES - bytes(note) - 1 });
  return { kind: "text", text: `${note}\n${text}`, itemCode: guide.code, aspect: "locations", candidates: [], link };
}
