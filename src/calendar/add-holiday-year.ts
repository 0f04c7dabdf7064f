import { writeAudit } from "../platform/audit";
import { isUniqueViolation, type HolidayYearModel } from "../platform/db";
import { parseYearArrangements } from "./arrangements";
import { calendarErrors } from "./errors";
import { announceHolidayYear, storedDays, type HolidayYearCtx } from "./holiday-year-change";

export interface AddHolidayYearOptions {
  arrangement: unknown;
  createdBy: string;
}

/**
 * Staff confirm a year's holiday arrangement (e.g. 2027 once the State Council publishes it).
 * Checked whole by the calendar's rules; a year already entered is a conflict (a correction
 * is `correctHolidayYear`). Recorded in the service audit log, then announced (see
 * announceHolidayYear) before the year is reported added.
 */
export async function addHolidayYear(ctx: HolidayYearCtx, opts: AddHolidayYearOptions): Promise<HolidayYearModel> {
  const [a] = parseYearArrangements([opts.arrangement]);
  if (!a) throw calendarErrors("arrangement_empty");
  let row: HolidayYearModel;
  const days = storedDays(a);
  try {
    row = await ctx.db.prisma.$transaction(async (tx) => {
      const created = await tx.holidayYear.create({ data: { year: a.year, ...days, createdBy: opts.createdBy } });
      await writeAudit(tx, { actor: opts.createdBy, action: "holiday_year.add", entity: "holiday_year", entityId: String(a.year), diff: { to: days }, at: ctx.now?.() ?? new Date() });
      return created;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw calendarErrors("year_already_entered", { year: a.year }, { year: a.year });
    throw err;
  }
  await announceHolidayYear(ctx, a.year);
  ctx.logger.info({ year: a.year, by: opts.createdBy }, "holiday arrangement added");
  return row;
}
