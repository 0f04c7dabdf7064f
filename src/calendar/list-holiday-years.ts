import type { AppContext } from "../platform/context";
import type { HolidayYearModel } from "../platform/db";

/** The years staff entered, oldest first. */
export async function listHolidayYears(ctx: Pick<AppContext, "db">): Promise<HolidayYearModel[]> {
  return ctx.db.prisma.holidayYear.findMany({ orderBy: { year: "asc" } });
}
