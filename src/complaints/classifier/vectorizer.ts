/**
 * TF-IDF vectoriser: vocabulary selection, sublinear tf, smooth idf, L2 norm.
 *
 * Sublinear tf (1 + ln tf) stops one long, repetitive complaint from being
 * decided by a single repeated phrase; L2 norm makes short and long messages
 * comparable for a linear model.
 */

export interface SparseVector {
  /** Feature indices, in the message's term order (no model here needs them sorted). */
  index: Int32Array;
  value: Float32Array;
}

export interface Vocabulary {
  terms: string[];
  /** term -> feature index; built once at load. */
  lookup: Map<string, number>;
  idf: Float32Array;
}

export interface VocabularyOptions {
  /** Drop terms seen in fewer documents: they cannot generalise and bloat the model. */
  minDf: number;
  /** Keep at most this many terms, the most frequent by document frequency. */
  maxFeatures: number;
}

export function buildVocabulary(docs: readonly Map<string, number>[], opts: VocabularyOptions): Vocabulary {
  const df = new Map<string, number>();
  for (const doc of docs) for (const term of doc.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const kept = [...df.entries()]
    .filter(([, n]) => n >= opts.minDf)
    // Ties broken by the term so the vocabulary (and the model file) is reproducible.
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, opts.maxFeatures);
  const terms = kept.map(([t]) => t);
  // Smooth idf as in scikit-learn: ln((1 + N) / (1 + df)) + 1, never zero.
  const idf = Float32Array.from(kept, ([, n]) => Math.log((1 + docs.length) / (1 + n)) + 1);
  return fromTerms(terms, idf);
}

export function fromTerms(terms: string[], idf: Float32Array): Vocabulary {
  const lookup = new Map<string, number>();
  terms.forEach((t, i) => lookup.set(t, i));
  return { terms, lookup, idf };
}

export function vectorize(counts: Map<string, number>, vocab: Vocabulary): SparseVector {
  const index = new Int32Array(counts.size);
  const value = new Float32Array(counts.size);
  let n = 0;
  let norm = 0;
  for (const [term, tf] of counts) {
    const j = vocab.lookup.get(term);
    if (j === undefined) continue;
    const v = (1 + Math.log(tf)) * vocab.idf[j]!;
    index[n] = j;
    value[n++] = v;
    norm += v * v;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let t = 0; t < n; t++) value[t]! *= scale;
  return { index: index.subarray(0, n), value: value.subarray(0, n) };
}
