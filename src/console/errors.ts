import { defineErrors } from "../platform/errors";

/**
 * Every error the console raises itself (the capabilities it calls raise their own): the domain
 * code and its kind, which decides the status of the error page. Messages:
 * templates/console/zh.yaml, `errors.<code>`.
 */
export const consoleErrors = defineErrors("console", {
  // Another department's record reads as a missing one (404), as the admin API answers a handler.
  application_outside_department: "not_found",
  application_step_not_for_role: "forbidden",
  ticket_outside_department: "not_found",
  complaint_action_not_for_role: "forbidden",
  guide_not_previewable: "not_found",
  draft_not_in_review: "conflict",
  form_invalid: "validation_failed",
});
