import type { Concept } from "../search";

// What a question names: the things (objects, nouns) that say which service is meant.

/** A thing the catalog knows (in some item's name or aliases). */
export const isKnownThing = (c: Concept) => (c.kind === "object" || c.kind === "noun") && (c.df ?? 1) > 0;

/** The rarest known thing of the question (养老金 in 农村养老金发到哪个卡上), as the citizen wrote it or a synonym. */
export function keyThing(concepts: Concept[]): Concept | undefined {
  // A thing from the synonym table (无犯罪, 公积金) is a thing for sure; a jieba noun may be a
  // fragment (开个): the table's things first, then the rarest.
  return concepts
    .filter((c) => isKnownThing(c) && !c.place && ([...c.source].length >= 2 || c.synonym))
    .sort((a, b) => Number(b.kind === "object") - Number(a.kind === "object") || (a.df ?? 0) - (b.df ?? 0))[0];
}

/** A piece of a verb phrase cut as a word: a verb with a measure word or particle (开个, 办张, 领了). */
export const isFragment = (c: Concept) => /[个张了的着过]/.test(c.source);

/** A word that can make a noun another kind of thing (国际, 无人机), not a verb, place or fragment (办, 开个). */
export const isModifier = (c: Concept) =>
  !c.synonym && !c.place && !c.fn && c.kind !== "context" && c.kind !== "action" && [...c.source].length >= 2 && !isFragment(c);
