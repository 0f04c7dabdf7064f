import { defineErrors } from "./errors";

/**
 * The platform's own errors — the edge (routes, bodies, request lines), limits and outages —
 * with domain codes like every capability's; messages: templates/platform/zh.yaml.
 */
export const platformErrors = defineErrors("platform", {
  route_not_found: "not_found",
  body_too_large: "payload_too_large",
  media_type_unsupported: "unsupported_media_type",
  body_encoding_mismatch: "bad_request",
  body_malformed: "bad_request",
  path_not_utf8: "bad_request",
  path_unstorable: "bad_request",
  validation_failed: "validation_failed",
  time_invalid: "bad_request",
  unexpected_error: "internal",
  rate_limited: "rate_limited",
  dependency_unavailable: "unavailable",
});

/** A validation error naming each problem ("body.name: Required"); the issues go in the details. */
export const validationFailed = (issues: { path: string; message: string }[]) =>
  platformErrors("validation_failed", { issues: issues.map((i) => `${i.path}: ${i.message}`).join("; ") }, { issues });
