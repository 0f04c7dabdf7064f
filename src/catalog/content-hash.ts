import crypto from "node:crypto";
import { canonicalJson } from "../platform/canonical-json";

export { canonicalJson, toJson } from "../platform/canonical-json";

/** sha256 of the canonical JSON: equal hashes mean an import would change nothing. */
export function contentHash(value: unknown): string {
  return crypto.createHash("sha256").update(canonicalJson(value)).digest("hex");
}
