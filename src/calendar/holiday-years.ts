import { writeAudit } from "../catalog";
import type { AppContext } from "../platform/context";
import { isUniqueViolation, type HolidayYearModel } from "../platform/db";
import { AppError } from "../platform/errors";
import { parseYearArrangements } from "./arrangements";
import { HOLIDAY_YEARS_CHANNEL, holidayCalendar } from "./holiday-source";

export interface AddHolidayYearOptions {
  arrangement: unknown;
  createdBy: string;
}

type Ctx = Pick<AppContext, "db" | "store" | "logger"> & { now?: () => Date };

/**
 * Staff confirm a year's holiday arrangement (e.g. 2027 once the State Council publishes it).
 * Checked whole by the calendar's rules; a year already entered is a conflict (a correction
 * is `correctHolidayYear`). Recorded in the service audit log. Every instance drops its
 * cached calendar, and this instance's change listeners run before the year is reported
 * added — applications and complaints recompute the stored deadlines of running cases there.
 */
export async function addHolidayYear(ctx: Ctx, opts: AddHolidayYearOptions): Promise<HolidayYearModel> {
  const [a] = parseYearArrangements([opts.arrangement]);
  if (!a) throw new AppError("bad_request", "节假日安排为空");
  let row: HolidayYearModel;
  const days = { holidays: [...new Set(a.holidays)].sort(), workdays: [...new Set(a.workdays)].sort(), source: a.source ?? null };
  try {
    row = await ctx.db.prisma.$transaction(async (tx) => {
      const created = await tx.holidayYear.create({ data: { year: a.year, ...days, createdBy: opts.createdBy } });
      await writeAudit(tx, { actor: opts.createdBy, action: "holiday_year.add", entity: "holiday_year", entityId: String(a.year), diff: { to: days }, at: ctx.now?.() ?? new Date() });
      return created;
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

export interface CorrectHolidayYearOptions {
  year: number;
  arrangement: unknown;
  correctedBy: string;
}

/**
 * Staff correct a year already entered (the State Council amends an arrangement, or a typo is
 * found): the year's holidays and make-up workdays are replaced whole, checked by the same
 * rules, with the change (before → after) in the service audit log. Then, as for a new year,
 * every instance drops its cached calendar and the change listeners recompute the deadlines
 * of running applications and open complaints. A year not entered yet is added with POST.
 */
export async function correctHolidayYear(ctx: Ctx, opts: CorrectHolidayYearOptions): Promise<HolidayYearModel> {
  const [a] = parseYearArrangements([opts.arrangement]);
  if (!a) throw new AppError("bad_request", "节假日安排为空");
  if (a.year !== opts.year) throw new AppError("bad_request", `安排的年份（${a.year}）与要更正的年份（${opts.year}）不一致`, { year: opts.year });
  const days = { holidays: [...new Set(a.holidays)].sort(), workdays: [...new Set(a.workdays)].sort(), source: a.source ?? null };
  const row = await ctx.db.prisma.$transaction(async (tx) => {
    const before = await tx.holidayYear.findUnique({ where: { year: a.year } });
    if (!before) throw new AppError("not_found", `${a.year}年的节假日安排尚未录入`, { year: a.year });
    const updated = await tx.holidayYear.update({ where: { year: a.year }, data: days });
    const from = { holidays: before.holidays, workdays: before.workdays, source: before.source };
    await writeAudit(tx, { actor: opts.correctedBy, action: "holiday_year.correct", entity: "holiday_year", entityId: String(a.year), diff: { from, to: days }, at: ctx.now?.() ?? new Date() });
    return updated;
  });
  await ctx.store.publish(HOLIDAY_YEARS_CHANNEL, String(a.year)).catch(() => {});
  await holidayCalendar(ctx).changed({ year: a.year });
  ctx.logger.info({ year: a.year, by: opts.correctedBy }, "holiday arrangement corrected");
  return row;
}

export async function listHolidayYears(ctx: Pick<AppContext, "db">): Promise<HolidayYearModel[]> {
  return ctx.db.prisma.holidayYear.findMany({ orderBy: { year: "asc" } });
}
