import { defineErrors } from "../platform/errors";

/** Every error applications raise; messages in templates/applications/zh.yaml (errors.*). */
export const applicationErrors = defineErrors("applications", {
  applicant_name_required: "bad_request",
  applicant_contact_required: "bad_request",
  applicant_phone_invalid: "bad_request",
  applicant_id_number_invalid: "bad_request",
  transition_not_allowed: "unprocessable",
  details_required: "bad_request",
  unknown_status: "bad_request",
  event_time_invalid: "bad_request",
  event_time_in_future: "bad_request",
  application_busy: "conflict",
  application_not_found: "not_found",
  // Someone else's application answers exactly like a missing one: one code for both.
  my_application_not_found: "not_found",
  unknown_item: "unprocessable",
  submitted_in_future: "bad_request",
  external_ref_taken: "conflict",
  item_without_guide: "unprocessable",
  item_without_department: "unprocessable",
  item_limit_invalid: "unprocessable",
  integrations_not_configured: "not_configured",
  integration_signature_invalid: "unauthorized",
  import_not_registered: "bad_request",
  import_registration_incomplete: "bad_request",
  import_details_not_json: "bad_request",
});
