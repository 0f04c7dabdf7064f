import client, { type Registry } from "prom-client";
import type { AppContext } from "../platform/context";
import { calendarWarnings } from "./year-warnings";

/**
 * Prometheus view of calendarWarnings, read at scrape time:
 * - calendar_unconfirmed_holiday_years: how many years are warned about (0 when all is entered;
 *   always present, so a missing series means a broken scrape, not good news);
 * - calendar_unconfirmed_holiday_year_days_until_start{year}: days until that year starts
 *   (≤ 0 once it has), only for the years warned about.
 * Alert on `calendar_unconfirmed_holiday_years > 0`.
 */
export function registerCalendarGauges(registry: Registry, ctx: Pick<AppContext, "db" | "store" | "now">): void {
  // Each gauge reads the warnings itself: a registry collects its metrics concurrently, so one
  // gauge's collect cannot feed another's. The calendar is cached, so a read is cheap.
  new client.Gauge({
    name: "calendar_unconfirmed_holiday_year_days_until_start",
    help: "Days until a year whose holiday arrangement is not entered starts (negative once started); from 60 days ahead",
    labelNames: ["year"],
    registers: [registry],
    async collect() {
      const warnings = await calendarWarnings(ctx);
      this.reset();
      for (const w of warnings) this.set({ year: String(w.year) }, w.daysUntilStart);
    },
  });
  new client.Gauge({
    name: "calendar_unconfirmed_holiday_years",
    help: "Years (current, or starting within 60 days) whose holiday arrangement is not entered: working-day deadlines into them cannot be computed",
    registers: [registry],
    async collect() {
      this.set((await calendarWarnings(ctx)).length);
    },
  });
}
