import type { CalendarSource } from "../calendar";
import type { AppContext } from "../platform/context";

/**
 * What complaints needs from other capabilities, as complaints sees it. The composition root
 * (src/capabilities.ts) plugs in the calendar's and notifications' own; tests plug in fakes.
 */

/** The working-day calendar in force (the holiday calendar, incl. staff-added years). */
export type CalendarPort = Pick<CalendarSource, "get">;

/** The instance's calendar, whose changes move the stored deadlines of open tickets. */
export type CalendarSourcePort = Pick<CalendarSource, "get" | "onChange">;

/** A complaint reply/rectification notice: the options of notifications' `notify` for kind complaint_reply. */
export interface CitizenNotice {
  kind: "complaint_reply";
  dedupeKey: string;
  userId?: string;
  oaOpenid?: string;
  /** Times as instants (`Date`): notifications renders them in Shanghai time, once. */
  fields: Record<string, string | Date>;
  url?: string;
  page?: string;
}

/** Sends a message to the citizen (template/subscribe message). */
export type NotifyCitizenPort = (app: AppContext, notice: CitizenNotice) => Promise<void>;
