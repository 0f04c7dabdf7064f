/** Shared fitting steps for training, cross-validation and calibration. */
import type { LabelledMessage } from "./dataset";
import { balancedClassWeights, decisionValues, nbScales, trainLinearSvm, type LinearModel } from "./linear-svm";
import { stratifiedFolds } from "./split";
import { extractTerms, type FeatureConfig } from "./text-features";
import { buildVocabulary, vectorize, type Vocabulary } from "./vectorizer";
import { getWordCutter } from "./word-cutter";

export interface FitOptions {
  minDf: number;
  maxFeatures: number;
  C: number;
  /** Weight classes inversely to their frequency (交通运输 has a quarter of 城乡建设's messages). */
  balanced: boolean;
  /**
   * NBSVM: scale each class's features by |naive-Bayes log-count ratio| before
   * training its SVM (alpha = 1 smoothing). Folded into the weights, so the
   * model file and prediction are the same as for a plain SVM. Off if absent.
   */
  nbScale?: boolean;
  /** NB smoothing alpha (default 1) and interpolation beta (scale = 1 - beta + beta|r|, default 1). */
  nbAlpha?: number;
  nbBeta?: number;
  /** Exponent on the balanced class weights (default 1). */
  balancedPower?: number;
}

export interface PreparedData {
  labels: string[];
  labelIndex: number[];
  terms: Map<string, number>[];
  /** Kept for fold assignment, which hashes the text. */
  messages: readonly LabelledMessage[];
}

export function prepare(messages: readonly LabelledMessage[], features: FeatureConfig): PreparedData {
  const labels = [...new Set(messages.map((m) => m.label))].sort();
  const cut = features.words ? getWordCutter() : undefined;
  return {
    labels,
    labelIndex: messages.map((m) => labels.indexOf(m.label)),
    terms: messages.map((m) => extractTerms(m.text, features, cut)),
    messages,
  };
}

export function fitOnTerms(data: PreparedData, rows: readonly number[], opts: FitOptions): { vocab: Vocabulary; linear: LinearModel } {
  const docs = rows.map((i) => data.terms[i]!);
  const y = rows.map((i) => data.labelIndex[i]!);
  const vocab = buildVocabulary(docs, opts);
  const xs = docs.map((d) => vectorize(d, vocab));
  const K = data.labels.length;
  const classWeight = opts.balanced ? balancedClassWeights(y, K).map((w) => w ** (opts.balancedPower ?? 1)) : undefined;
  const featureScale = opts.nbScale ? nbScales(xs, y, K, vocab.terms.length, opts.nbAlpha ?? 1, opts.nbBeta ?? 1) : undefined;
  const linear = trainLinearSvm(xs, y, K, vocab.terms.length, { C: opts.C, classWeight, featureScale });
  return { vocab, linear };
}

/** Out-of-fold decision values for every message, from k models each trained without its fold. */
export function calibrationInputs(data: PreparedData, opts: FitOptions, k: number, onFold?: (done: number) => void): { scores: Float64Array[]; labels: number[] } {
  const folds = stratifiedFolds(data.messages, k);
  const scores = new Array<Float64Array>(data.terms.length);
  for (let f = 0; f < k; f++) {
    const trainRows = folds.flatMap((g, i) => (g === f ? [] : [i]));
    const { vocab, linear } = fitOnTerms(data, trainRows, opts);
    folds.forEach((g, i) => {
      if (g === f) scores[i] = decisionValues(linear, vectorize(data.terms[i]!, vocab));
    });
    onFold?.(f + 1);
  }
  return { scores, labels: data.labelIndex };
}
