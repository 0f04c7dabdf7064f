import type { AppContext } from "../platform/context";
import { isUniqueViolation, type HolidayYearModel } from "../platform/db";
import { AppError } from "../platform/errors";
import { parseYearArrangements } from "./arrangements";
import { HOLIDAY_YEARS_CHANNEL, holidayCalendar } from "./holiday-source";

export interface AddHolidayYearOptions {
  arrangement: unknown;
  createdBy: string;
}

type Ctx = Pick<AppContext, "db" | "store" | "logger">;

/**
 * Staff confirm a year's holiday arrangement (e.g. 2027 once the State Council publishes it).
 * Checked whole by the calendar's rules; a year already entered is a conflict (corrections
 * are a new row after deleting in the console — not in scope). Every instance drops its
 * cached calendar, and this instance's change listeners run before the year is reported
 * added — applications recompute the stored deadlines of running applications there.
 */
export async function addHolidayYear(ctx: Ctx, opts: AddHolidayYearOptions): Promise<HolidayYearModel> {
  const [a] = parseYearArrangements([opts.arrangement]);
  if (!a) throw new AppError("bad_request", "节假日安排为空");
  let row: HolidayYearModel;
  try {
    row = await ctx.db.prisma.holidayYear.create({
      data: { year: a.year, holidays: [...new Set(a.holidays)].sort(), workdays: [...new Set(a.workdays)].sort(), source: a.source ?? null, createdBy: opts.createdBy },
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("conflict", `${a.year}年的节假日安排已录入`, { year: a.year });
    throw err;
  }
  await ctx.store.publish(HOLIDAY_YEARS_CHANNEL, String(a.year)).catch(() => {});
  await holidayCalendar(ctx).changed({ year: a.year });
  ctx.logger.info({ year: a.year, by: opts.createdBy }, "holiday arrangement added");
  return row;
}

export async function listHolidayYears(ctx: Pick<AppContext, "db">): Promise<HolidayYearModel[]> {
  return ctx.db.prisma.holidayYear.findMany({ orderBy: { year: "asc" } });
}
