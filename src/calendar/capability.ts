import type { Capability } from "../platform/capability";
import { adminRoutes } from "./http/admin-routes";
import { registerCalendarGauges } from "./year-gauge";
import { calendarWarnings } from "./year-warnings";

/**
 * The working-day calendar: staff enter holiday years (routes), and a year not entered is said
 * where operators look — once in the start log, on /readyz (warnings) and on /metrics.
 * Deadline-keeping capabilities use `holidayCalendar(ctx)`; it needs no wiring of its own.
 */
export function calendarCapability(): Capability {
  return {
    name: "calendar",
    routes: (router, ctx) => adminRoutes(router, ctx),
    async start(ctx) {
      // Once per start, in every role.
      for (const w of await calendarWarnings(ctx)) {
        ctx.logger.warn({ year: w.year, startsOn: w.startsOn, daysUntilStart: w.daysUntilStart, affects: w.affects }, w.message);
      }
    },
    warnings: (ctx) => calendarWarnings(ctx, 2000),
    metrics: (registry, ctx) => registerCalendarGauges(registry, ctx),
  };
}
