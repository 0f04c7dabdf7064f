import { maskText } from "../../platform/privacy";

/**
 * Normalised form used to count the same question asked in slightly different ways:
 * NFKC (full-width → half-width), lower case, no whitespace or trailing punctuation.
 */
export function normalizeQuestion(q: string): string {
  return maskText(q.normalize("NFKC"))
    .toLowerCase()
    .replace(/\s+/g, "")
    .replace(/[?？!！。.，,、~…]+$/u, "")
    .slice(0, 500);
}
