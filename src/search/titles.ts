import type { SearchItem } from "./ports";
import { cut } from "./tokenizer";
import type { Entry, Title } from "./scoring";

// The title groups of the index: items with the same name, aliases and Tibetan name share one.

/** A distinct guide-text line of a title and how many of its members have it. */
export interface Line {
  text: string;
  n: number;
}

/** An indexed item: its scoring facts, its title and its guide-text lines there. */
export interface Member extends Entry {
  title: TitleGroup;
  /** The item's distinct lines, shared with its title's `lines`. */
  lines: Line[];
}

/** A title group's FlexSearch content and the distinct terms each member adds to the IDF counts. */
export interface TitleGroup extends Title {
  key: string;
  members: Member[];
  /** Its members' distinct guide-text lines (made when a second member joins). */
  lines?: Map<string, Line>;
  /**
   * The text field's document for the title: those lines in order of first appearance, member
   * by member (a one-member title's document is its item's text). Regional copies differ in a
   * line or two (department, window address): about one guide text, not one per county.
   */
  text: readonly Line[];
  /** Distinct name, alias and Tibetan tokens: what each member adds to `df`. */
  terms: readonly string[];
  /** The same per field: what each member adds to that field's item counts. */
  fieldTerms: Record<TitleField, readonly string[]>;
}

export type TitleField = "name" | "alias" | "bo";

export const TITLE_FIELDS: readonly TitleField[] = ["name", "alias", "bo"];

/** A title's guide-text document: its members' lines, first appearance first. */
export function unionOf(title: TitleGroup): readonly Line[] {
  if (title.members.length === 1) return title.members[0]!.lines;
  const seen = new Set<Line>();
  const order: Line[] = [];
  for (const m of title.members) for (const line of m.lines) if (!seen.has(line)) seen.add(line), order.push(line);
  return order;
}

/** Add `by` to the count of each term. */
export function count(m: Map<string, number>, terms: readonly string[], by: 1 | -1): void {
  for (const t of terms) {
    const n = (m.get(t) ?? 0) + by;
    if (n > 0) m.set(t, n);
    else m.delete(t);
  }
}

/**
 * The distinct non-empty lines of an item's text field (guide text, FAQ questions, department;
 * the item's own strings: what the index keeps of its guide text).
 */
export function linesOf(it: SearchItem): string[] {
  const out = new Set((it.text ?? "").split("\n"));
  for (const f of it.faq ?? []) for (const l of f.q.split("\n")) out.add(l);
  for (const l of it.department.split("\n")) out.add(l);
  out.delete("");
  return [...out];
}

export const NONE: readonly string[] = [];
export const NO_LINES: readonly Line[] = [];

/** Items with the same name, aliases and Tibetan name share one title (see `Title`). */
export const titleKey = (it: SearchItem, boN: string) => (it.aliases.length || boN ? `${it.name}\u0000${it.aliases.join("\u0001")}\u0000${boN}` : it.name);

/** The item's 2–4-char words for the segmenter (not the whole name: search-notes pitfall 5). */
export function domainWordsOf(name: string, aliasesN: string[]): string[] {
  return [...cut(name), ...aliasesN.flatMap((a) => (a.length <= 4 ? [a] : cut(a)))].filter((w) => /^\p{Script=Han}{2,4}$/u.test(w));
}
