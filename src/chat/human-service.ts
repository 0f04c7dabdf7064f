import type { ChatDeps } from "./deps";
import { t, type Lang } from "./render";
import type { Channel, Reply } from "./types";

/** Service hours as configured: a daily window on working days (minutes after midnight, Shanghai), or always/never. */
export type ServiceHours = "off" | "always" | { start: number; end: number };

/** China keeps one offset all year (no daylight saving), so Shanghai's wall clock is UTC+8. */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** Parses HUMAN_SERVICE_HOURS (validated at boot); anything unreadable counts as "off" — never a promise nobody keeps. */
export function parseServiceHours(v: string): ServiceHours {
  if (v === "always") return "always";
  const m = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(v);
  if (!m) return "off";
  const start = Number(m[1]) * 60 + Number(m[2]);
  const end = Number(m[3]) * 60 + Number(m[4]);
  return start < end ? { start, end } : "off";
}

const clock = (minutes: number) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;

export function hoursText(h: ServiceHours, lang: Lang): string {
  if (h === "off") return "";
  if (h === "always") return t(lang, "human.hours_always");
  return t(lang, "human.hours_workdays", { start: clock(h.start), end: clock(h.end) });
}

/** Monday to Friday on the Shanghai calendar: the fallback when the official calendar cannot say. */
function isWeekday(at: Date): boolean {
  const day = new Date(at.getTime() + SHANGHAI_OFFSET_MS).getUTCDay();
  return day >= 1 && day <= 5;
}

async function isOpen(deps: NonNullable<ChatDeps["humanService"]>, h: ServiceHours, at: Date): Promise<boolean> {
  if (h === "off" || h === "always") return h === "always";
  const shanghai = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  const minute = shanghai.getUTCHours() * 60 + shanghai.getUTCMinutes();
  if (minute < h.start || minute >= h.end) return false;
  if (!deps.isWorkday) return isWeekday(at);
  return deps.isWorkday(at).catch(() => isWeekday(at));
}

/**
 * The human-service path. Only the Official Account can hand a conversation to a person
 * (transfer_customer_service), and only while someone is there to take it; otherwise — and on
 * every other channel (the mini-program, the API) — the citizen gets the hotline and the
 * hours, never a "please wait" for a transfer that does not come.
 */
export async function humanServiceReply(deps: ChatDeps, channel: Channel, lang: Lang): Promise<Reply> {
  const config = deps.humanService ?? { hours: "always" };
  const hours = parseServiceHours(config.hours);
  const hotline = deps.config.HOTLINE;
  const say = (id: string): Reply => ({ kind: "text", text: t(lang, `human.${id}`, { hotline, hours: hoursText(hours, lang) }) });
  if (hours === "off") return say("hotline_only");
  if (channel !== "wechat") return say("hotline");
  if (await isOpen(config, hours, config.now?.() ?? new Date())) return { kind: "transfer", text: t(lang, "transfer") };
  return say("closed");
}
