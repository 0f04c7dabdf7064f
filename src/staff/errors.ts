import { defineErrors } from "../platform/errors";

/** Every error of staff accounts and sessions; messages in templates/staff/zh.yaml (errors.*). */
export const staffErrors = defineErrors("staff", {
  staff_login_required: "unauthorized",
  staff_role_forbidden: "forbidden",
  staff_route_without_policy: "forbidden",
  staff_csrf_invalid: "forbidden",
  staff_login_failed: "unauthorized",
  staff_account_locked: "rate_limited",
  staff_account_disabled: "forbidden",
  staff_password_wrong: "forbidden",
  staff_password_weak: "bad_request",
  staff_username_invalid: "bad_request",
  staff_username_taken: "conflict",
  staff_department_required: "bad_request",
  staff_account_not_found: "not_found",
  staff_cannot_disable_self: "conflict",
  staff_session_required: "forbidden",
});
