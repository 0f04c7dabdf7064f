import type Router from "@koa/router";
import { defineRoute } from "../../http/openapi";
import { adminGuard, staffActor } from "../../staff";
import type { AppContext } from "../../platform/context";
import { addHolidayYear } from "../add-holiday-year";
import { correctHolidayYear } from "../correct-holiday-year";
import { getHolidayYears } from "../get-holiday-years";
import { holidayYearViewSchema, presentHolidayYear, presentHolidayYears } from "../presenters";
import { yearArrangementSchema, yearParams } from "./schemas";

// The tag the routes were published under when applications owned them; kept so the OpenAPI
// document clients generate from does not change.
const tags = ["applications (staff)"];

/** Staff API for the holiday arrangements every working-day deadline uses. */
export function adminRoutes(router: Router, ctx: AppContext): void {
  const before = [adminGuard()];

  defineRoute(router, {
    method: "post",
    path: "/api/v1/admin/holiday-years",
    summary: "Confirm a year's official holiday arrangement (holidays and make-up workdays)",
    tags, security: ["admin"], before, status: 201,
    body: yearArrangementSchema,
    response: holidayYearViewSchema,
    handler: async ({ body }, c) => presentHolidayYear(await addHolidayYear(ctx, { arrangement: body, createdBy: staffActor(c) })),
  });

  defineRoute(router, {
    method: "put",
    path: "/api/v1/admin/holiday-years/:year",
    summary: "Correct a year's holiday arrangement already entered (replaced whole, audited; running deadlines are recomputed)",
    tags, security: ["admin"], before,
    params: yearParams,
    body: yearArrangementSchema,
    response: holidayYearViewSchema,
    handler: async ({ params, body }, c) => presentHolidayYear(await correctHolidayYear(ctx, { year: params.year, arrangement: body, correctedBy: staffActor(c) })),
  });

  defineRoute(router, {
    method: "get",
    path: "/api/v1/admin/holiday-years",
    summary: "Holiday arrangements entered by staff (years beyond the built-in data), and which year is still missing (calendarWarnings)",
    tags, security: ["admin"], before,
    handler: async () => presentHolidayYears(await getHolidayYears(ctx)),
  });
}
