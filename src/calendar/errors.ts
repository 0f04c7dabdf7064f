import { defineErrors } from "../platform/errors";

/** Every error the calendar raises; messages in templates/calendar/zh.yaml (errors.*). */
export const calendarErrors = defineErrors("calendar", {
  invalid_day: "bad_request",
  invalid_instant: "bad_request",
  arrangements_invalid: "bad_request",
  year_entered_twice: "bad_request",
  // Every caller that computes deadlines catches this kind: a year nobody confirmed.
  year_unconfirmed: "unprocessable",
  day_count_not_integer: "bad_request",
  day_count_negative: "bad_request",
  hours_invalid: "bad_request",
  clock_times_invalid: "bad_request",
  limit_invalid: "bad_request",
  pause_invalid: "bad_request",
  arrangement_empty: "bad_request",
  year_already_entered: "conflict",
  year_mismatch: "bad_request",
  year_not_entered: "not_found",
});
