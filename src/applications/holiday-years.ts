import { parseYearArrangements } from "../calendar";
import type { HolidayYearModel } from "../platform/db";
import { AppError } from "../platform/errors";
import { clockColumns, limitOf } from "./clock-columns";
import type { ApplicationsDeps } from "./deps";
import { loadTimeline } from "./load-application";
import { isUniqueViolation } from "../platform/db";
import { HOLIDAY_YEARS_CHANNEL } from "../calendar";

export interface AddHolidayYearOptions {
  arrangement: unknown;
  createdBy: string;
}

/**
 * Staff confirm a year's holiday arrangement (e.g. 2027 once the State Council publishes it).
 * Checked whole by the calendar's rules; a year already entered is a conflict (corrections
 * are a new row after deleting in the console — not in scope). Every instance drops its
 * cached calendar, and running applications whose clock needed the year are recomputed.
 */
export async function addHolidayYear(deps: ApplicationsDeps, opts: AddHolidayYearOptions): Promise<HolidayYearModel> {
  const [a] = parseYearArrangements([opts.arrangement]);
  if (!a) throw new AppError("bad_request", "节假日安排为空");
  let row: HolidayYearModel;
  try {
    row = await deps.app.db.prisma.holidayYear.create({
      data: { year: a.year, holidays: [...new Set(a.holidays)].sort(), workdays: [...new Set(a.workdays)].sort(), source: a.source ?? null, createdBy: opts.createdBy },
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("conflict", `${a.year}年的节假日安排已录入`, { year: a.year });
    throw err;
  }
  deps.calendar.invalidate();
  await deps.app.store.publish(HOLIDAY_YEARS_CHANNEL, String(a.year)).catch(() => {});
  await refreshRunningClocks(deps);
  deps.app.logger.info({ year: a.year, by: opts.createdBy }, "holiday arrangement added");
  return row;
}

export async function listHolidayYears(deps: ApplicationsDeps): Promise<HolidayYearModel[]> {
  return deps.app.db.prisma.holidayYear.findMany({ orderBy: { year: "asc" } });
}

/** Recomputes the cached clock columns of every application whose clock is not stopped. */
export async function refreshRunningClocks(deps: ApplicationsDeps): Promise<number> {
  const prisma = deps.app.db.prisma;
  const calendar = await deps.calendar.get();
  const now = deps.app.now();
  const running = await prisma.application.findMany({ where: { stoppedAt: null, acceptedAt: { not: null } }, select: { id: true, limitValue: true, limitUnit: true } });
  for (const a of running) {
    const events = await loadTimeline(prisma, a.id);
    await prisma.application.update({ where: { id: a.id }, data: clockColumns(calendar, limitOf(a), events, now) });
  }
  return running.length;
}
