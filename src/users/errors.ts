import { defineErrors } from "../platform/errors";

/** Every error users raise; messages in templates/users/zh.yaml (errors.*). */
export const userErrors = defineErrors("users", {
  user_not_found: "not_found",
  phone_not_mainland: "unprocessable",
  id_number_invalid: "unprocessable",
  real_name_length: "unprocessable",
});
