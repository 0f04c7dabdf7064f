/**
 * Complaint category classifier (智能派单): routes a citizen's message to one
 * of the seven first-level categories of the complaint taxonomy.
 *
 * Model: TF-IDF (sublinear tf, smooth idf, L2 norm) over character 1–3-grams
 * of the NFKC-normalised text, plus the 1–3-grams of its first 30 characters
 * again as separate "title" features; one-vs-rest linear SVM (squared hinge,
 * dual coordinate descent, C = 1, balanced class weights); confidence is
 * softmax(decision values / T) with T fitted on out-of-fold scores.
 * Hyperparameters were chosen by 5-fold CV on the training 80% only.
 *
 * Measured on the held-out 20% (375 messages, never used for training or
 * tuning; rule in split.ts) by `npm run complaints:eval`:
 *   linear SVM    accuracy 0.883, macro-F1 0.877 (5-fold CV on the train part: 0.898)
 *   NB baseline   accuracy 0.853, macro-F1 0.829 (char bigrams, alpha 0.1)
 * The 0.90 macro-F1 goal is NOT met on the held-out part. Tried by CV and not
 * kept (all within ±0.003 of the default): C 0.3–10, 1–2/1–4-grams, jieba
 * words, min df 1, self-training on the unlabeled messages (worse), adding
 * complement NB (+0.002). The title features (+0.009) were the only real gain.
 * Cost: 50k features, 0.82 MB gzip, load ~75 ms; ~0.9 ms mean / 5 ms p95 per
 * message (long messages dominate), plain Node, no network.
 * Confidence is calibrated (ECE 0.03). Default threshold 0.6: auto-dispatches
 * 92.5% of messages at 92.8% accuracy; 0.8 gives 83.5% at 95.5%. The rest go
 * to a human dispatcher.
 */
import { fileURLToPath } from "node:url";
import type { Classification, ComplaintModel } from "./model";
import { readModel } from "./model-io";
import { classifyWith } from "./predict";

export type { Classification, ComplaintModel } from "./model";
export type { LabelledMessage } from "./dataset";
export { readLabelledJsonl, parseLabelledJsonl } from "./dataset";
export { splitHeldOut, stratifiedFolds, stableHash, HOLDOUT_FRACTION } from "./split";
export { evaluate, coverageAt, formatReport, type Report } from "./metrics";
export { trainModel, DEFAULT_TRAIN_OPTIONS, type TrainOptions } from "./train";
export { writeModel, readModel, serializeModel, deserializeModel } from "./model-io";
export { classifyWith, decisionScores } from "./predict";
export { trainNaiveBayes, predictNaiveBayes } from "./naive-bayes";

/** Below this confidence a message goes to the dispatcher queue instead of auto-routing. */
export const DEFAULT_CONFIDENCE_THRESHOLD = 0.6;

export const DEFAULT_MODEL_PATH = fileURLToPath(new URL("../../../models/complaint-classifier.json.gz", import.meta.url));

export interface ComplaintClassifier {
  model: ComplaintModel;
  classify(text: string): Classification;
}

export function loadModel(path: string = DEFAULT_MODEL_PATH): ComplaintClassifier {
  const model = readModel(path);
  return { model, classify: (text) => classifyWith(model, text) };
}

let defaultClassifier: ComplaintClassifier | undefined;

/** Classifies with the committed model, loaded on first use. */
export function classify(text: string): Classification {
  defaultClassifier ??= loadModel();
  return defaultClassifier.classify(text);
}
