import { normalize } from "../search";
import type { Decision } from "./decision";
import type { ChatDeps } from "./deps";
import { VARIANTS } from "./near-miss";

/** Aspects whose answer is the office's: the same for every item it handles. */
const ASKS_OFFICE = new Set(["authority", "contact"]);

/**
 * "烟草证找哪个部门" listed 新办, 歇业 and 停业 of the same licence, all handled by one office:
 * the question asked is answered whichever is meant. The member named is the one whose name
 * carries no variant (near-miss.yaml, variants) the question does not ask for. Undefined when
 * the list's items are not all one office's.
 */
export function oneOfficeFor(deps: ChatDeps, d: Decision, question: string): string | undefined {
  if (d.kind !== "choose" || d.candidates.length < 2 || !ASKS_OFFICE.has(d.aspect)) return undefined;
  const offices = new Set(d.candidates.map((c) => deps.search.get(c.code)?.department ?? ""));
  if (offices.size !== 1 || offices.has("")) return undefined;
  const asked = normalize(question);
  const plain = d.candidates.find((c) => !VARIANTS.some((v) => normalize(c.name).includes(v) && !asked.includes(v)));
  return (plain ?? d.candidates[0]!).code;
}
