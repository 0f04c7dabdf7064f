/**
 * One-vs-rest linear SVM (L2-regularised, squared hinge loss) trained by dual
 * coordinate descent — the liblinear default solver (Hsieh et al., ICML 2008,
 * "A Dual Coordinate Descent Method for Large-scale Linear SVM"). It converges
 * in tens of passes on sparse text and needs no learning rate to tune.
 */
import type { SparseVector } from "./vectorizer";

export interface SvmOptions {
  /** Inverse regularisation strength. */
  C: number;
  /** Per-class multiplier on C, applied to each example by its true class (as scikit-learn does). */
  classWeight?: number[];
  /**
   * NBSVM (Wang & Manning 2012): per-class feature scale r_k, here the
   * naive-Bayes log-count ratio. Class k's SVM is trained on x ⊙ r_k and
   * r_k is folded into its stored weights, so prediction is unchanged.
   */
  featureScale?: readonly Float32Array[];
  maxEpochs?: number;
  /** Stop when the projected-gradient spread falls below this (liblinear's eps). */
  tolerance?: number;
  seed?: number;
}

export interface LinearModel {
  numClasses: number;
  numFeatures: number;
  /** Feature-major: weights[j * numClasses + k], so one pass over a sparse vector scores all classes. */
  weights: Float32Array;
  bias: Float32Array;
}

/** Small deterministic PRNG (mulberry32) so training is reproducible. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function trainBinary(xs: readonly SparseVector[], y: Int8Array, cost: Float64Array, dim: number, opts: SvmOptions) {
  const n = xs.length;
  const w = new Float64Array(dim);
  let b = 0;
  const alpha = new Float64Array(n);
  // Squared hinge: the dual gains a diagonal term 1/(2C) and alpha has no upper bound.
  const diag = Float64Array.from(cost, (c) => 0.5 / c);
  const qii = new Float64Array(n);
  xs.forEach((x, i) => {
    let s = 1; // the bias feature is a constant 1
    for (const v of x.value) s += v * v;
    qii[i] = s + diag[i]!;
  });
  const order = Array.from({ length: n }, (_, i) => i);
  const rand = mulberry32(opts.seed ?? 1);
  const maxEpochs = opts.maxEpochs ?? 200;
  const tol = opts.tolerance ?? 0.01;
  for (let epoch = 0; epoch < maxEpochs; epoch++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let maxPg = -Infinity;
    let minPg = Infinity;
    for (const i of order) {
      const x = xs[i]!;
      const yi = y[i]!;
      let dot = b;
      for (let t = 0; t < x.index.length; t++) dot += w[x.index[t]!]! * x.value[t]!;
      const g = yi * dot - 1 + diag[i]! * alpha[i]!;
      const pg = alpha[i] === 0 ? Math.min(g, 0) : g;
      maxPg = Math.max(maxPg, pg);
      minPg = Math.min(minPg, pg);
      if (pg === 0) continue;
      const old = alpha[i]!;
      alpha[i] = Math.max(old - g / qii[i]!, 0);
      const d = (alpha[i]! - old) * yi;
      for (let t = 0; t < x.index.length; t++) w[x.index[t]!]! += d * x.value[t]!;
      b += d;
    }
    if (maxPg - minPg < tol) break;
  }
  return { w, b };
}

export function trainLinearSvm(
  xs: readonly SparseVector[],
  labels: readonly number[],
  numClasses: number,
  numFeatures: number,
  opts: SvmOptions,
): LinearModel {
  const weights = new Float32Array(numFeatures * numClasses);
  const bias = new Float32Array(numClasses);
  const cost = Float64Array.from(labels, (l) => opts.C * (opts.classWeight?.[l] ?? 1));
  for (let k = 0; k < numClasses; k++) {
    const y = Int8Array.from(labels, (l) => (l === k ? 1 : -1));
    const r = opts.featureScale?.[k];
    const xk = r ? xs.map((x) => ({ index: x.index, value: Float32Array.from(x.value, (v, t) => v * r[x.index[t]!]!) })) : xs;
    const { w, b } = trainBinary(xk, y, cost, numFeatures, { ...opts, seed: (opts.seed ?? 1) + k });
    for (let j = 0; j < numFeatures; j++) weights[j * numClasses + k] = w[j]! * (r ? r[j]! : 1);
    bias[k] = b;
  }
  return { numClasses, numFeatures, weights, bias };
}

/** Decision values for every class in one pass over the vector. */
export function decisionValues(model: LinearModel, x: SparseVector): Float64Array {
  const K = model.numClasses;
  const out = Float64Array.from(model.bias);
  for (let t = 0; t < x.index.length; t++) {
    const base = x.index[t]! * K;
    const v = x.value[t]!;
    for (let k = 0; k < K; k++) out[k]! += model.weights[base + k]! * v;
  }
  return out;
}

/** "Balanced" weights as in scikit-learn: n / (K * n_k), so rare classes count as much in total. */
export function balancedClassWeights(labels: readonly number[], numClasses: number): number[] {
  const counts = new Array<number>(numClasses).fill(0);
  for (const l of labels) counts[l]!++;
  return counts.map((c) => (c > 0 ? labels.length / (numClasses * c) : 1));
}

/**
 * NB log-count ratios per class over binarised features, smoothed by `alpha`:
 * r_k[j] = ln((p_j / |p|) / (q_j / |q|)), p = class-k counts, q = the rest.
 * Returned as |r| mixed with 1 (scale = 1 - beta + beta * |r|) so no feature is zeroed.
 */
export function nbScales(xs: readonly SparseVector[], labels: readonly number[], numClasses: number, numFeatures: number, alpha = 1, beta = 1): Float32Array[] {
  const counts = Array.from({ length: numClasses }, () => new Float64Array(numFeatures));
  const total = new Float64Array(numFeatures);
  xs.forEach((x, i) => {
    for (const j of x.index) {
      counts[labels[i]!]![j]! += 1;
      total[j]! += 1;
    }
  });
  return counts.map((p) => {
    let ps = 0;
    let qs = 0;
    for (let j = 0; j < numFeatures; j++) {
      ps += p[j]! + alpha;
      qs += total[j]! - p[j]! + alpha;
    }
    return Float32Array.from(p, (pj, j) => {
      const r = Math.abs(Math.log((pj + alpha) / ps / ((total[j]! - pj + alpha) / qs)));
      return 1 - beta + beta * r;
    });
  });
}
