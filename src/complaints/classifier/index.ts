/**
 * Complaint category classifier (智能派单): routes a citizen's message to one
 * of the seven first-level categories of the complaint taxonomy.
 *
 * Model: TF-IDF (sublinear tf, smooth idf, L2 norm) over character 1–3-grams
 * of the NFKC-normalised text, plus the 1–3-grams of its first 30 characters
 * again as separate "title" features; one-vs-rest linear SVM (squared hinge,
 * dual coordinate descent, C = 1, balanced class weights) with NBSVM feature
 * scaling (each class's SVM sees the features multiplied by |naive-Bayes
 * log-count ratio|; folded into the stored weights, so prediction is a plain
 * linear model); confidence is softmax(decision values / T) with T fitted on
 * out-of-fold scores. Hyperparameters were chosen by 5-fold CV on the
 * training 80% only.
 *
 * Chosen by that CV among many alternatives; the held-out scores, what was tried and not
 * kept, and the cost per message are in bench/README.md (complaint classifier).
 */
export type { Classification, ComplaintModel } from "./model";
export type { LabelledMessage } from "./dataset";
export { readLabelledJsonl, parseLabelledJsonl } from "./dataset";
export { splitHeldOut, stratifiedFolds, stableHash, HOLDOUT_FRACTION } from "./split";
export { evaluate, coverageAt, formatReport, type Report } from "./metrics";
export { trainModel, DEFAULT_TRAIN_OPTIONS, type TrainOptions } from "./train";
export { writeModel, readModel, serializeModel, deserializeModel } from "./model-io";
export { classifyWith, decisionScores } from "./predict";
export { trainNaiveBayes, predictNaiveBayes } from "./naive-bayes";
export { DEFAULT_CONFIDENCE_THRESHOLD } from "./confidence-threshold";
export { DEFAULT_MODEL_PATH, loadModel, classify, type ComplaintClassifier } from "./load-model";
