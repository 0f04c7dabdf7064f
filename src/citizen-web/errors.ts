import { defineErrors } from "../platform/errors";

/** Errors of the citizens' web sign-in; messages in templates/citizen-web/zh.yaml (errors.*). */
export const citizenWebErrors = defineErrors("citizen-web", {
  web_sign_in_not_configured: "not_configured",
  oauth_state_mismatch: "bad_request",
  oauth_code_invalid: "bad_request",
  oauth_unreachable: "unavailable",
});
