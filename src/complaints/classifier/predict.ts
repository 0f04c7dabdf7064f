/** Classifying one message with a loaded model: tokenise once, one sparse pass scores all classes. */
import { softmax } from "./calibration";
import { argmax } from "./cross-validate";
import { decisionValues } from "./linear-svm";
import type { Classification, ComplaintModel } from "./model";
import { extractTerms } from "./text-features";
import { vectorize } from "./vectorizer";
import { getWordCutter } from "./word-cutter";

/** Raw SVM decision values, one per label; what calibration and evaluation work from. */
export function decisionScores(model: ComplaintModel, text: string): Float64Array {
  const cut = model.features.words ? getWordCutter() : undefined;
  return decisionValues(model.linear, vectorize(extractTerms(text, model.features, cut), model.vocab));
}

export function classifyWith(model: ComplaintModel, text: string): Classification {
  const p = softmax(decisionScores(model, text), model.temperature);
  const best = argmax(p);
  const scores: Record<string, number> = {};
  model.labels.forEach((label, k) => (scores[label] = p[k]!));
  return { category: model.labels[best]!, confidence: p[best]!, scores };
}
