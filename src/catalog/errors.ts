import { defineErrors } from "../platform/errors";

/** Every error the catalog raises; messages in templates/catalog/zh.yaml (errors.*). */
export const catalogErrors = defineErrors("catalog", {
  item_not_found: "not_found",
  item_exists: "conflict",
  draft_not_found: "not_found",
  draft_exists: "conflict",
  draft_transition_invalid: "conflict",
  draft_revision_conflict: "conflict",
  draft_changed: "conflict",
  draft_unchanged: "conflict",
  rejection_needs_comment: "bad_request",
  guide_code_mismatch: "bad_request",
  no_published_guide: "bad_request",
  version_not_found: "not_found",
  synonym_not_found: "not_found",
  reviewer_is_author: "forbidden",
  question_not_found: "not_found",
  item_retired: "conflict",
  retire_needs_reason: "bad_request",
});
