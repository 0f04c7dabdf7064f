import type Router from "@koa/router";
import { z } from "zod";
import { defineRoute } from "../../http/openapi";
import { requireStaff, staffActor } from "../../http/staff-auth";
import type { AppContext } from "../../platform/context";
import { yearArrangementSchema } from "../arrangements";
import { addHolidayYear, correctHolidayYear, listHolidayYears } from "../holiday-years";
import { calendarWarnings } from "../year-warnings";

// The tag the routes were published under when applications owned them; kept so the OpenAPI
// document clients generate from does not change.
const tags = ["applications (staff)"];
const holidayYearView = z.object({ year: z.number(), holidays: z.array(z.string()), workdays: z.array(z.string()), source: z.string().nullable(), createdBy: z.string(), createdAt: z.string() });
const presentYear = (y: { year: number; holidays: string[]; workdays: string[]; source: string | null; createdBy: string; createdAt: Date }) => ({ ...y, createdAt: y.createdAt.toISOString() });

/** Staff API for the holiday arrangements every working-day deadline uses. */
export function holidayYearRoutes(router: Router, ctx: AppContext): void {
  const before = [requireStaff(ctx)];

  defineRoute(router, {
    method: "post",
    path: "/api/v1/admin/holiday-years",
    summary: "Confirm a year's official holiday arrangement (holidays and make-up workdays)",
    tags, security: ["admin"], before, status: 201,
    body: yearArrangementSchema,
    response: holidayYearView,
    handler: async ({ body }, c) => presentYear(await addHolidayYear(ctx, { arrangement: body, createdBy: staffActor(c) })),
  });

  defineRoute(router, {
    method: "put",
    path: "/api/v1/admin/holiday-years/:year",
    summary: "Correct a year's holiday arrangement already entered (replaced whole, audited; running deadlines are recomputed)",
    tags, security: ["admin"], before,
    params: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
    body: yearArrangementSchema,
    response: holidayYearView,
    handler: async ({ params, body }, c) => presentYear(await correctHolidayYear(ctx, { year: params.year, arrangement: body, correctedBy: staffActor(c) })),
  });

  defineRoute(router, {
    method: "get",
    path: "/api/v1/admin/holiday-years",
    summary: "Holiday arrangements entered by staff (years beyond the built-in data), and which year is still missing (calendarWarnings)",
    tags, security: ["admin"], before,
    handler: async () => ({ items: (await listHolidayYears(ctx)).map(presentYear), calendarWarnings: await calendarWarnings(ctx) }),
  });
}
