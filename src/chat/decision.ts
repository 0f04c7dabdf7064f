import type { Concept } from "../search";
import type { Aspect, AspectMatch } from "./aspects";

/** What understanding decided about one message: answer an item, offer a list, or not found (with suggestions). */
export type Decision =
  | { kind: "answer"; code: string; aspect: Aspect; followUp: boolean; match?: AspectMatch; concepts?: Concept[]; question?: string; lowConfidence?: boolean; alternative?: { code: string; name: string } }
  | { kind: "choose"; candidates: { code: string; name: string }[]; aspect: Aspect; lowConfidence: boolean }
  | { kind: "not_found"; aspect: Aspect; suggestions: { code: string; name: string }[]; bestCode?: string };
