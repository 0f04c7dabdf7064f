/**
 * Deterministic, stratified train / held-out split.
 *
 * Rule: within each label, messages are ordered by the FNV-1a 32-bit hash of
 * their text (ties by the text itself), and the first ceil(20%) are held out.
 * The same file therefore always yields the same split, on any machine, and
 * every label keeps its share in both parts. Identical texts hash identically
 * and sit next to each other, so duplicates only leak if they straddle the cut.
 */
import type { LabelledMessage } from "./dataset";

export const HOLDOUT_FRACTION = 0.2;

/** FNV-1a over UTF-16 code units; stable across Node versions and platforms. */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export interface Split<T> {
  train: T[];
  heldOut: T[];
}

export function splitHeldOut<T extends LabelledMessage>(
  messages: readonly T[],
  fraction = HOLDOUT_FRACTION,
): Split<T> {
  const byLabel = new Map<string, T[]>();
  for (const m of messages) {
    const list = byLabel.get(m.label) ?? [];
    list.push(m);
    byLabel.set(m.label, list);
  }
  const held = new Set<T>();
  for (const list of byLabel.values()) {
    const ordered = [...list].sort(
      (a, b) => stableHash(a.text) - stableHash(b.text) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0),
    );
    const k = Math.ceil(ordered.length * fraction);
    for (const m of ordered.slice(0, k)) held.add(m);
  }
  // Keep input order inside each part so results do not depend on Map iteration.
  return {
    train: messages.filter((m) => !held.has(m)),
    heldOut: messages.filter((m) => held.has(m)),
  };
}

/**
 * Stratified k-fold assignment for tuning on the training part only:
 * fold = rank of the message within its label (by hash) modulo k. A non-empty
 * `seed` gives another, independent assignment (for repeated cross-validation);
 * the default "" is the assignment used everywhere else.
 */
export function stratifiedFolds<T extends LabelledMessage>(messages: readonly T[], k: number, seed = ""): number[] {
  const folds = new Array<number>(messages.length).fill(0);
  const byLabel = new Map<string, number[]>();
  messages.forEach((m, i) => {
    const list = byLabel.get(m.label) ?? [];
    list.push(i);
    byLabel.set(m.label, list);
  });
  for (const idx of byLabel.values()) {
    // A different seed from the held-out rule so folds are not correlated with it.
    const prefix = `fold${seed}:`;
    idx.sort((a, b) => stableHash(prefix + messages[a]!.text) - stableHash(prefix + messages[b]!.text));
    idx.forEach((i, rank) => (folds[i] = rank % k));
  }
  return folds;
}
