import { z } from "zod";
import type { HolidayYearModel } from "../platform/db";
import type { CalendarWarning } from "./year-warnings";

/** The one JSON shape of a holiday year staff entered. */
export const holidayYearViewSchema = z.object({ year: z.number(), holidays: z.array(z.string()), workdays: z.array(z.string()), source: z.string().nullable(), createdBy: z.string(), createdAt: z.string() });
export type HolidayYearView = z.infer<typeof holidayYearViewSchema>;

export const presentHolidayYear = (y: Pick<HolidayYearModel, "year" | "holidays" | "workdays" | "source" | "createdBy" | "createdAt">): HolidayYearView => ({
  year: y.year,
  holidays: y.holidays,
  workdays: y.workdays,
  source: y.source,
  createdBy: y.createdBy,
  createdAt: y.createdAt.toISOString(),
});

/** GET /api/v1/admin/holiday-years: the entered years, and the warnings about the missing one. */
export const presentHolidayYears = (v: { years: Parameters<typeof presentHolidayYear>[0][]; calendarWarnings: CalendarWarning[] }) => ({
  items: v.years.map(presentHolidayYear),
  calendarWarnings: v.calendarWarnings,
});
