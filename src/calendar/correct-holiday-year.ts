import { writeAudit } from "../platform/audit";
import type { HolidayYearModel } from "../platform/db";
import { parseYearArrangements } from "./arrangements";
import { calendarErrors } from "./errors";
import { announceHolidayYear, storedDays, type HolidayYearCtx } from "./holiday-year-change";

export interface CorrectHolidayYearOptions {
  year: number;
  arrangement: unknown;
  correctedBy: string;
}

/**
 * Staff correct a year already entered (the State Council amends an arrangement, or a typo is
 * found): the year's holidays and make-up workdays are replaced whole, checked by the same
 * rules, with the change (before → after) in the service audit log. Then, as for a new year,
 * it is announced: every instance drops its cached calendar and the change listeners recompute
 * the deadlines of running applications and open complaints. A year not entered yet is added
 * with POST.
 */
export async function correctHolidayYear(ctx: HolidayYearCtx, opts: CorrectHolidayYearOptions): Promise<HolidayYearModel> {
  const [a] = parseYearArrangements([opts.arrangement]);
  if (!a) throw calendarErrors("arrangement_empty");
  if (a.year !== opts.year) throw calendarErrors("year_mismatch", { given: a.year, year: opts.year }, { year: opts.year });
  const days = storedDays(a);
  const row = await ctx.db.prisma.$transaction(async (tx) => {
    const before = await tx.holidayYear.findUnique({ where: { year: a.year } });
    if (!before) throw calendarErrors("year_not_entered", { year: a.year }, { year: a.year });
    const updated = await tx.holidayYear.update({ where: { year: a.year }, data: days });
    const from = { holidays: before.holidays, workdays: before.workdays, source: before.source };
    await writeAudit(tx, { actor: opts.correctedBy, action: "holiday_year.correct", entity: "holiday_year", entityId: String(a.year), diff: { from, to: days }, at: ctx.now?.() ?? new Date() });
    return updated;
  });
  await announceHolidayYear(ctx, a.year);
  ctx.logger.info({ year: a.year, by: opts.correctedBy }, "holiday arrangement corrected");
  return row;
}
