/**
 * Experimental scorers for scripts/complaints-repeated-cv.ts. None of them is
 * part of the production classifier (see the doc comment in
 * src/complaints/classifier/index.ts for what was measured).
 */
import { balancedClassWeights, decisionValues, mulberry32, nbScales, trainLinearSvm, type LinearModel } from "../src/complaints/classifier/linear-svm";
import type { SparseVector } from "../src/complaints/classifier/vectorizer";

/**
 * k-nearest neighbours by cosine similarity (the vectors are L2-normalised
 * TF-IDF, so a dot product): per query, the similarity-weighted vote share of
 * each class among its k most similar training messages.
 */
export function knnScores(
  trainXs: readonly SparseVector[],
  trainY: readonly number[],
  numClasses: number,
  queries: readonly SparseVector[],
  k: number,
): Float64Array[] {
  // Inverted index: feature -> (row, value) postings.
  const postings = new Map<number, { rows: number[]; vals: number[] }>();
  trainXs.forEach((x, row) => {
    for (let t = 0; t < x.index.length; t++) {
      let p = postings.get(x.index[t]!);
      if (!p) postings.set(x.index[t]!, (p = { rows: [], vals: [] }));
      p.rows.push(row);
      p.vals.push(x.value[t]!);
    }
  });
  const acc = new Float64Array(trainXs.length);
  return queries.map((q) => {
    acc.fill(0);
    for (let t = 0; t < q.index.length; t++) {
      const p = postings.get(q.index[t]!);
      if (!p) continue;
      const v = q.value[t]!;
      for (let n = 0; n < p.rows.length; n++) acc[p.rows[n]!]! += v * p.vals[n]!;
    }
    const top = Array.from(acc.keys()).sort((a, b) => acc[b]! - acc[a]!).slice(0, k);
    const out = new Float64Array(numClasses);
    let sum = 0;
    for (const r of top) {
      out[trainY[r]!]! += acc[r]!;
      sum += acc[r]!;
    }
    if (sum > 0) for (let c = 0; c < numClasses; c++) out[c]! /= sum;
    return out;
  });
}

export interface FastTextModel {
  lookup: Map<string, number>;
  dim: number;
  numClasses: number;
  /** Input embeddings, row-major [term][dim]. */
  emb: Float32Array;
  /** Output layer, row-major [class][dim], and its bias. */
  out: Float32Array;
  bias: Float32Array;
}

export interface FastTextOptions {
  dim: number;
  epochs: number;
  /** Initial learning rate, decayed linearly to 0 (as fastText does). */
  lr: number;
  minCount: number;
  /** Weight each example's loss by the balanced class weight (as the SVM does). */
  balanced: boolean;
  seed: number;
}

export const FASTTEXT_DEFAULTS: FastTextOptions = { dim: 64, epochs: 20, lr: 0.5, minCount: 2, balanced: true, seed: 1 };

/**
 * fastText-style supervised classifier (Joulin et al. 2017): a message is the
 * average of its terms' embeddings (here the same character n-gram + title
 * terms the SVM counts, each occurrence counted), followed by a softmax layer;
 * trained by SGD on the cross-entropy.
 */
export function trainFastText(
  docs: readonly Map<string, number>[],
  labels: readonly number[],
  numClasses: number,
  opts: FastTextOptions = FASTTEXT_DEFAULTS,
): FastTextModel {
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const terms = [...df.entries()].filter(([, n]) => n >= opts.minCount).map(([t]) => t).sort();
  const lookup = new Map(terms.map((t, i) => [t, i]));
  const D = opts.dim;
  const rand = mulberry32(opts.seed);
  const emb = Float32Array.from({ length: terms.length * D }, () => (rand() * 2 - 1) / D);
  const out = new Float32Array(numClasses * D);
  const bias = new Float32Array(numClasses);
  const model: FastTextModel = { lookup, dim: D, numClasses, emb, out, bias };
  const encoded = docs.map((d) => encode(model, d));
  const counts = new Array<number>(numClasses).fill(0);
  for (const l of labels) counts[l]!++;
  const weight = counts.map((c) => (opts.balanced && c > 0 ? labels.length / (numClasses * c) : 1));
  const order = docs.map((_, i) => i);
  const h = new Float64Array(D);
  const dh = new Float64Array(D);
  const total = opts.epochs * docs.length;
  let step = 0;
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const i of order) {
      const lr = opts.lr * (1 - step++ / total);
      const { ids, ws } = encoded[i]!;
      if (ids.length === 0) continue;
      hidden(model, ids, ws, h);
      const p = logits(model, h);
      softmaxInPlace(p);
      const y = labels[i]!;
      dh.fill(0);
      for (let c = 0; c < numClasses; c++) {
        const g = (p[c]! - (c === y ? 1 : 0)) * weight[y]! * lr;
        for (let d = 0; d < D; d++) {
          dh[d]! += g * out[c * D + d]!;
          out[c * D + d]! -= g * h[d]!;
        }
        bias[c]! -= g;
      }
      for (let t = 0; t < ids.length; t++) {
        const base = ids[t]! * D;
        const w = ws[t]!;
        for (let d = 0; d < D; d++) emb[base + d]! -= w * dh[d]!;
      }
    }
  }
  return model;
}

export function fastTextProbabilities(model: FastTextModel, doc: Map<string, number>): Float64Array {
  const { ids, ws } = encode(model, doc);
  const h = new Float64Array(model.dim);
  if (ids.length) hidden(model, ids, ws, h);
  const p = logits(model, h);
  softmaxInPlace(p);
  return p;
}

/** Term ids and their averaging weights (count / total count). */
function encode(model: FastTextModel, doc: Map<string, number>): { ids: Int32Array; ws: Float64Array } {
  const ids: number[] = [];
  const cs: number[] = [];
  let n = 0;
  for (const [t, c] of doc) {
    const j = model.lookup.get(t);
    if (j === undefined) continue;
    ids.push(j);
    cs.push(c);
    n += c;
  }
  return { ids: Int32Array.from(ids), ws: Float64Array.from(cs, (c) => c / n) };
}

function hidden(model: FastTextModel, ids: Int32Array, ws: Float64Array, h: Float64Array): void {
  const D = model.dim;
  h.fill(0);
  for (let t = 0; t < ids.length; t++) {
    const base = ids[t]! * D;
    const w = ws[t]!;
    for (let d = 0; d < D; d++) h[d]! += w * model.emb[base + d]!;
  }
}

function logits(model: FastTextModel, h: Float64Array): Float64Array {
  const D = model.dim;
  const z = Float64Array.from(model.bias);
  for (let c = 0; c < model.numClasses; c++) for (let d = 0; d < D; d++) z[c]! += model.out[c * D + d]! * h[d]!;
  return z;
}

function softmaxInPlace(z: Float64Array): void {
  let max = -Infinity;
  for (const v of z) max = Math.max(max, v);
  let sum = 0;
  for (let c = 0; c < z.length; c++) sum += z[c] = Math.exp(z[c]! - max);
  for (let c = 0; c < z.length; c++) z[c]! /= sum;
}

/**
 * Removes the anonymised place codes of the data set ("A3区", "K市", "L12市",
 * "M6州"): the letter+digits before 市/区/县/州 go, the suffix stays.
 */
export function stripPlaceCodes(text: string): string {
  return text.normalize("NFKC").replace(/[A-Z][0-9]{0,2}(?=[市区县州])/g, "");
}

/**
 * One-vs-one NBSVMs: for each pair of classes a < b, a binary NBSVM trained
 * on the messages of a and b only (NB ratios from those two classes, balanced
 * weights). pairwise[a][b](x) > 0 means "a rather than b".
 */
export function trainPairwise(
  xs: readonly SparseVector[],
  y: readonly number[],
  numClasses: number,
  numFeatures: number,
  C: number,
): (x: SparseVector) => number[][] {
  const models: { a: number; b: number; model: LinearModel }[] = [];
  for (let a = 0; a < numClasses; a++) {
    for (let b = a + 1; b < numClasses; b++) {
      const rows = y.flatMap((l, i) => (l === a || l === b ? [i] : []));
      const px = rows.map((i) => xs[i]!);
      const py = rows.map((i) => (y[i] === a ? 0 : 1));
      const classWeight = balancedClassWeights(py, 2);
      const featureScale = nbScales(px, py, 2, numFeatures);
      models.push({ a, b, model: trainLinearSvm(px, py, 2, numFeatures, { C, classWeight, featureScale }) });
    }
  }
  return (x) => {
    const out = Array.from({ length: numClasses }, () => new Array<number>(numClasses).fill(0));
    for (const { a, b, model } of models) {
      const d = decisionValues(model, x);
      const v = (d[0]! - d[1]!) / 2;
      out[a]![b] = v;
      out[b]![a] = -v;
    }
    return out;
  };
}

/**
 * Latent semantic analysis fitted on UNLABELLED messages only: randomized SVD
 * (Halko, Martinsson & Tropp 2011; 2 power iterations) of their TF-IDF matrix.
 * project(x) = L2-normalised x·V_k, a dense k-dim topic vector.
 */
export function fitLsa(xs: readonly SparseVector[], numFeatures: number, k: number, seed = 1): { project: (x: SparseVector) => Float64Array } {
  const l = k + 10;
  const rand = mulberry32(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  const n = xs.length;
  // Column-major dense matrices as arrays of columns.
  const times = (cols: Float64Array[]) => // X · M, M is d × l
    cols.map((c) => Float64Array.from(xs, (x) => {
      let s = 0;
      for (let t = 0; t < x.index.length; t++) s += x.value[t]! * c[x.index[t]!]!;
      return s;
    }));
  const timesT = (cols: Float64Array[]) => // Xᵀ · M, M is n × l
    cols.map((c) => {
      const out = new Float64Array(numFeatures);
      xs.forEach((x, i) => {
        const ci = c[i]!;
        if (ci === 0) return;
        for (let t = 0; t < x.index.length; t++) out[x.index[t]!]! += x.value[t]! * ci;
      });
      return out;
    });
  const orth = (cols: Float64Array[]) => {
    for (let j = 0; j < cols.length; j++) {
      const v = cols[j]!;
      for (let i = 0; i < j; i++) {
        const u = cols[i]!;
        let d = 0;
        for (let r = 0; r < v.length; r++) d += u[r]! * v[r]!;
        for (let r = 0; r < v.length; r++) v[r]! -= d * u[r]!;
      }
      let norm = 0;
      for (let r = 0; r < v.length; r++) norm += v[r]! * v[r]!;
      norm = Math.sqrt(norm) || 1;
      for (let r = 0; r < v.length; r++) v[r]! /= norm;
    }
    return cols;
  };
  const omega = Array.from({ length: l }, () => Float64Array.from({ length: numFeatures }, gauss));
  let Q = orth(times(omega));
  for (let it = 0; it < 2; it++) Q = orth(times(orth(timesT(Q))));
  const Bt = timesT(Q); // columns of Bᵀ = rows of B = Qᵀ X, each d-long
  // B Bᵀ (l × l), eigendecomposed by cyclic Jacobi.
  const G = Array.from({ length: l }, (_, i) => Float64Array.from({ length: l }, (_, j) => {
    let s = 0;
    for (let r = 0; r < numFeatures; r++) s += Bt[i]![r]! * Bt[j]![r]!;
    return s;
  }));
  const { values, vectors } = jacobiEigen(G);
  const order = Array.from(values.keys()).sort((a, b) => values[b]! - values[a]!).slice(0, k);
  // V_k columns: Bᵀ u / sigma.
  const V = new Float32Array(numFeatures * k); // row-major [feature][k]
  order.forEach((e, c) => {
    const sigma = Math.sqrt(Math.max(values[e]!, 1e-12));
    for (let i = 0; i < l; i++) {
      const u = vectors[i]![e]! / sigma;
      if (u === 0) continue;
      const b = Bt[i]!;
      for (let r = 0; r < numFeatures; r++) V[r * k + c]! += b[r]! * u;
    }
  });
  void n;
  return {
    project: (x) => {
      const z = new Float64Array(k);
      for (let t = 0; t < x.index.length; t++) {
        const base = x.index[t]! * k;
        const v = x.value[t]!;
        for (let c = 0; c < k; c++) z[c]! += v * V[base + c]!;
      }
      let norm = 0;
      for (const v of z) norm += v * v;
      norm = Math.sqrt(norm) || 1;
      for (let c = 0; c < k; c++) z[c]! /= norm;
      return z;
    },
  };
}

/** Symmetric eigendecomposition by cyclic Jacobi rotations; vectors[i][e] is component i of eigenvector e. */
export function jacobiEigen(M: Float64Array[]): { values: Float64Array; vectors: Float64Array[] } {
  const n = M.length;
  const a = M.map((r) => Float64Array.from(r));
  const v = Array.from({ length: n }, (_, i) => Float64Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p]![q]! ** 2;
    if (off < 1e-20) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p]![q]!;
        if (Math.abs(apq) < 1e-30) continue;
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k]![p]!;
          const akq = a[k]![q]!;
          a[k]![p] = c * akp - s * akq;
          a[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p]![k]!;
          const aqk = a[q]![k]!;
          a[p]![k] = c * apk - s * aqk;
          a[q]![k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k]![p]!;
          const vkq = v[k]![q]!;
          v[k]![p] = c * vkp - s * vkq;
          v[k]![q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: Float64Array.from(a, (r, i) => r[i]!), vectors: v };
}

/**
 * Taxonomy lexicon (fourth round): for each level-1 category of the official
 * complaint taxonomy (level1,level2,level3 CSV), the jieba words (cut, no HMM)
 * of its level-2 and level-3 names that have >= 2 characters and occur under
 * that level-1 category only. Level-1 names themselves are not used.
 */
export function taxonomyLexicon(csv: string, cut: (text: string) => string[]): Map<string, string[]> {
  const owners = new Map<string, Set<string>>();
  for (const line of csv.split("\n").slice(1)) {
    const [level1, level2, level3] = line.trim().split(",");
    if (!level1 || !level2 || !level3) continue;
    for (const name of [level2, level3]) {
      for (const w of cut(name.normalize("NFKC").toLowerCase())) {
        if (Array.from(w).length < 2 || /^[\s\p{P}\p{S}0-9]+$/u.test(w)) continue;
        if (!owners.has(w)) owners.set(w, new Set());
        owners.get(w)!.add(level1);
      }
    }
  }
  const lexicon = new Map<string, string[]>();
  for (const [w, cats] of owners) {
    if (cats.size !== 1) continue;
    const c = [...cats][0]!;
    if (!lexicon.has(c)) lexicon.set(c, []);
    lexicon.get(c)!.push(w);
  }
  for (const words of lexicon.values()) words.sort();
  return new Map([...lexicon.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

/**
 * One value per level-1 category of the lexicon (in its order): log(1 + number
 * of occurrences, non-overlapping substring counts, of the category's words in
 * the NFKC-lowercased text).
 */
export function taxonomyFeatures(text: string, lexicon: Map<string, string[]>): Float64Array {
  const norm = text.normalize("NFKC").toLowerCase();
  return Float64Array.from(lexicon.values(), (words) => {
    let n = 0;
    for (const w of words) for (let at = norm.indexOf(w); at >= 0; at = norm.indexOf(w, at + w.length)) n++;
    return Math.log1p(n);
  });
}

export interface SgnsOptions {
  dim: number;
  /** Maximum window; each centre word uses a random window 1..window (as word2vec does). */
  window: number;
  negatives: number;
  epochs: number;
  minCount: number;
  /** Frequent-word subsampling threshold t (word2vec's -sample). */
  sample: number;
  /** Initial learning rate, decayed linearly to lr * 1e-4. */
  lr: number;
  seed: number;
}

export const SGNS_DEFAULTS: SgnsOptions = { dim: 100, window: 5, negatives: 5, epochs: 5, minCount: 3, sample: 1e-4, lr: 0.025, seed: 1 };

/**
 * Skip-gram with negative sampling (Mikolov et al. 2013), the word2vec
 * recipe: unigram^0.75 noise table, frequent-word subsampling, random window
 * shrink, linearly decaying SGD step. Input: tokenised sentences (no labels).
 * Returns the input vectors, one row of `dim` per vocabulary word.
 */
export function trainSgns(sentences: readonly string[][], opts: SgnsOptions = SGNS_DEFAULTS): { lookup: Map<string, number>; dim: number; vectors: Float32Array } {
  const counts = new Map<string, number>();
  for (const s of sentences) for (const w of s) counts.set(w, (counts.get(w) ?? 0) + 1);
  const words = [...counts.entries()].filter(([, n]) => n >= opts.minCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const lookup = new Map(words.map(([w], i) => [w, i]));
  const V = words.length;
  const D = opts.dim;
  const total = words.reduce((s, [, n]) => s + n, 0);
  const rand = mulberry32(opts.seed);
  const inp = Float32Array.from({ length: V * D }, () => (rand() - 0.5) / D);
  const out = new Float32Array(V * D);
  // Noise table.
  const tableSize = 1_000_000;
  const table = new Int32Array(tableSize);
  const pw = words.map(([, n]) => n ** 0.75);
  const z = pw.reduce((a, b) => a + b, 0);
  let wi = 0;
  let cum = pw[0]! / z;
  for (let i = 0; i < tableSize; i++) {
    table[i] = wi;
    if (i / tableSize > cum && wi < V - 1) cum += pw[++wi]! / z;
  }
  const keep = Float64Array.from(words, ([, n]) => {
    const f = n / total;
    return Math.min(1, (Math.sqrt(f / opts.sample) + 1) * (opts.sample / f));
  });
  const ids = sentences.map((s) => Int32Array.from(s.flatMap((w) => (lookup.has(w) ? [lookup.get(w)!] : []))));
  const totalSteps = opts.epochs * ids.reduce((s, x) => s + x.length, 0);
  let step = 0;
  const grad = new Float32Array(D);
  const sigmoid = (x: number) => (x > 8 ? 1 : x < -8 ? 0 : 1 / (1 + Math.exp(-x)));
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (const sentence of ids) {
      step += sentence.length;
      const lr = Math.max(opts.lr * 1e-4, opts.lr * (1 - step / totalSteps));
      const sub = sentence.filter((w) => rand() < keep[w]!);
      for (let c = 0; c < sub.length; c++) {
        const b = 1 + Math.floor(rand() * opts.window);
        for (let o = Math.max(0, c - b); o <= Math.min(sub.length - 1, c + b); o++) {
          if (o === c) continue;
          // Predict context word sub[o] from centre word sub[c] (input row of the centre).
          const inBase = sub[c]! * D;
          grad.fill(0);
          for (let n = 0; n <= opts.negatives; n++) {
            let target: number;
            let label: number;
            if (n === 0) {
              target = sub[o]!;
              label = 1;
            } else {
              target = table[Math.floor(rand() * tableSize)]!;
              if (target === sub[o]) continue;
              label = 0;
            }
            const outBase = target * D;
            let dot = 0;
            for (let d = 0; d < D; d++) dot += inp[inBase + d]! * out[outBase + d]!;
            const g = (label - sigmoid(dot)) * lr;
            for (let d = 0; d < D; d++) {
              grad[d]! += g * out[outBase + d]!;
              out[outBase + d]! += g * inp[inBase + d]!;
            }
          }
          for (let d = 0; d < D; d++) inp[inBase + d]! += grad[d]!;
        }
      }
    }
  }
  return { lookup, dim: D, vectors: inp };
}

/**
 * Message vector from word vectors: sum over its distinct words of
 * (1 + ln tf) * idf * (unit word vector), then L2-normalised. Unknown words are skipped.
 */
export function embedMessage(words: readonly string[], emb: { lookup: Map<string, number>; dim: number; vectors: Float32Array }, idf: Map<string, number>): Float64Array {
  const tf = new Map<string, number>();
  for (const w of words) if (emb.lookup.has(w)) tf.set(w, (tf.get(w) ?? 0) + 1);
  const D = emb.dim;
  const z = new Float64Array(D);
  for (const [w, n] of tf) {
    const base = emb.lookup.get(w)! * D;
    let norm = 0;
    for (let d = 0; d < D; d++) norm += emb.vectors[base + d]! ** 2;
    const scale = ((1 + Math.log(n)) * (idf.get(w) ?? 1)) / (Math.sqrt(norm) || 1);
    for (let d = 0; d < D; d++) z[d]! += scale * emb.vectors[base + d]!;
  }
  let norm = 0;
  for (const v of z) norm += v * v;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < D; d++) z[d]! /= norm;
  return z;
}
