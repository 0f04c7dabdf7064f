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
 * Measured on the held-out 20% (375 messages, never used for training or
 * tuning; rule in split.ts) by `npm run complaints:eval`:
 *   NBSVM         accuracy 0.899, macro-F1 0.894 (5-fold CV on the train part: 0.905)
 *   plain SVM     accuracy 0.883, macro-F1 0.877 (CV 0.898; the previous model)
 *   NB baseline   accuracy 0.853, macro-F1 0.829 (char bigrams, alpha 0.1)
 * The 0.90 macro-F1 goal is NOT met on the held-out part (0.894; the NBSVM
 * model was the only candidate evaluated there, once). Tried by CV, not kept:
 * C 0.3–10, 1–2/1–4-grams, 100k features, jieba words, min df 1, complement
 * NB (+0.002), self-training on the unlabeled messages (worse); with NBSVM:
 * C 0.3 / 3, NB smoothing 0.3, 100k features (all within ±0.005 of 0.905);
 * per-class bias offsets tuned for macro-F1 (nested CV: −0.004 to +0.002,
 * not kept); weak labels from the bureau named in official replies (503
 * unambiguous rows of messages-with-replies, duplicates of labelled messages
 * dropped): CV 0.878–0.893, worse at every weight 0.3–1, because the bureau
 * does not follow the labelling convention (e.g. 公交 is labelled 城乡建设
 * but answered by the 交通运输局; 交通运输 F1 fell 0.88 -> 0.79).
 * Second round (same rules; CV = 5-fold on the training 80%, this model 0.905):
 *   - ensembles of NBSVMs on different views, calibrated probabilities (or
 *     log-probabilities) averaged: + jieba word uni+bigrams (alone 0.884),
 *     + jieba unigrams (0.890), + cutForSearch uni+bigrams (0.900),
 *     + char 2–5-grams (100k vocab 0.888; hashed 2^18 0.829). Pre-declared
 *     weightings 0.898–0.908; the best point of a full weight grid over the
 *     views was 0.905 (0.916 once class-weight variants joined: selection
 *     noise over thousands of weightings). The views make the same
 *     mistakes (mostly 商贸旅游/交通运输 -> 城乡建设: 开发商/公交 price complaints
 *     labelled by the pricing convention), so averaging does not fix them.
 *   - multinomial logistic regression (AdaGrad, L2) on the same features: 0.872.
 *   - NB interpolation beta 0.5 / 0.25: 0.904 / 0.905; C = 3 with beta 0.5: 0.902.
 *   - balanced class weights raised to a power p (FitOptions.balancedPower):
 *     p = 1.25 / 1.5 / 1.75 / 2: 0.905 / 0.909 / 0.910 / 0.909; over 3 fold
 *     assignments p = 1 averages 0.901, p = 1.75 0.908 (+0.007, better on
 *     each). It was the only candidate that passed the CV bar and was scored
 *     on the held-out part (the first of at most two looks of this round):
 *     accuracy 0.899, macro-F1 0.893 — no better than this model's 0.894, so
 *     it was not adopted. The second look was not used.
 * Third round (repeated CV: the same 5 stratified 5-fold assignments of the
 * training 80%, split.ts seeds "" and "1".."4", via scripts/complaints-repeated-cv.ts;
 * this model 0.9049 0.9078 0.9027 0.9023 0.9021, mean 0.9040. Bar for a held-out
 * look: mean >= +0.008 and better on every assignment. Nothing passed, so the
 * held-out part was NOT looked at this round):
 *   - k-NN (k = 10, cosine on the same TF-IDF vectors, similarity-weighted vote
 *     shares): alone 0.8638; SVM + 0.3·kNN 0.9052 (+0.0012, better on all 5);
 *     SVM + 0.6·kNN 0.9036. Near-duplicates are rare (22 of 1,487 training
 *     messages have a neighbour at cosine >= 0.8, all same label, and the SVM
 *     already gets them right).
 *   - fastText-style model (average of the n-gram embeddings, dim 64, softmax,
 *     SGD, 20 epochs, balanced; first 3 assignments, this model 0.9051 on them):
 *     alone 0.8305 0.8238 0.8199 = 0.8247; averaged 50/50 with the SVM's
 *     calibrated probabilities 0.8968 0.8977 0.8991 = 0.8979 (−0.0073).
 *   - place codes stripped ("A3区" -> "区"): 0.9041 (+0.0001).
 *   - one-vs-one NBSVMs for the confusable pairs: re-ranking the OvR top two by
 *     the pair's model 0.8749, OvR + mean pairwise margin 0.8862 (the pair
 *     models see too few messages).
 *   - LSA topic vectors (randomized SVD, k = 100) fitted on the 6,238
 *     unlabelled messages (no labels; texts also in the labelled file dropped),
 *     appended to the NB-scaled TF-IDF with weight a: a = 1 0.9049 (+0.0010),
 *     a = 0.5 0.9081 (+0.0041, better on all 5), and the follow-up a = 0.25
 *     0.9116 0.9099 0.9093 0.9059 0.9071 = 0.9088 (+0.0048, better on all 5).
 *     The only consistent gain seen, but below the bar (and it would add a
 *     20k x 100 projection to the model file), so not adopted.
 * Fourth round (same repeated CV, same bar; candidates declared before running):
 * taxonomy features from /work/shared/data/complaint-taxonomy.csv — per level-1
 * category (all 15), the jieba words (>= 2 characters) of its level-2/3 names
 * that occur under no other level-1 category (e.g. 城乡建设: 公共汽车 燃气
 * 房地产 开发 物业; 劳动和社会保障: 医疗保险 社保 工资; 卫生计生: 医疗机构 药品),
 * feature = log(1 + occurrences in the text), appended unscaled to the NB-scaled
 * TF-IDF (scripts/complaints-experiments.ts taxonomyLexicon/taxonomyFeatures):
 *   - taxonomy x0.5   0.8899 0.8932 0.8884 0.8948 0.8902 = 0.8913 (−0.0127)
 *   - taxonomy x1     0.8899 0.8926 0.8880 0.8945 0.8890 = 0.8908 (−0.0132)
 *   - taxonomy x0.5 + LSA x0.25  0.8922 0.8922 0.8892 0.8896 0.8923 = 0.8911 (−0.0129)
 *   (LSA x0.25 alone re-run in the same job: 0.9088, as in round three.)
 * All worse on every assignment; the held-out part was NOT looked at and the
 * model is unchanged. Checks on assignment 0 (diagnostics, not candidates):
 * 15 all-zero columns reproduce the baseline (0.9049) and a 10x tighter solver
 * tolerance changes nothing, so it is not a harness or convergence artefact;
 * the learned taxonomy weights are the expected diagonal (own category +0.5 to
 * +0.8), yet 交通运输 F1 falls 0.879 -> 0.834 and 城乡建设 0.893 -> 0.876;
 * at weight 0.1 it is 0.9036 (−0.0013). The words are already among the char
 * n-grams, and the taxonomy's own wording (公路, 出租车, 医疗保险 ...) does not
 * follow the labelling convention any better than they do, while the cheap,
 * dense features let the SVM lean on them. The lexicon features fire often
 * (城乡建设 51%, 劳动和社会保障 46% of messages; generic words such as 工程,
 * 时间, 价格 survive the one-category filter).
 * Fifth round (same repeated CV, same bar, this model 0.9040; nine candidates,
 * R5-1..5 declared before any was run, R5-6..9 after those results and before
 * their own run; scripts/complaints-repeated-cv.ts "R5-..."):
 *   - pretrained Chinese vectors: none to be had here. Only the npm registry and
 *     Debian apt are reachable and `npm search` answers 404; the registry's name
 *     list (words: embedding, word2vec, glove, fasttext, minilm, bge, text2vec,
 *     m3e, e5, onnx, chinese, 中文, 词向量 ...) has no package that ships Chinese
 *     word/char vectors or a Chinese sentence encoder. Opened: ruvector-onnx-
 *     embeddings-wasm (wasm runtime; fetches English bge/e5/MiniLM from a model
 *     hub at run time), @tensorflow-models/universal-sentence-encoder (English,
 *     fetched at run time), @memberjunction/ai-local-embeddings and
 *     @orama/plugin-embeddings (wrap those), fasttext.wasm.js (language-ID model
 *     only); apt has the fastText tool and jieba, no vectors.
 *   - stacking the small gains (LSA = round three's k = 100 LSA on the unlabelled
 *     messages, x0.25; p = balanced-weight power; kNN = round three's 0.3·kNN10):
 *     R5-1 LSA + p1.75           0.9119 0.9094 0.9080 0.9071 0.9029 = 0.9079
 *     R5-2 LSA + p1.75 + kNN     0.9135 0.9126 0.9070 0.9075 0.9064 = 0.9094
 *     R5-3 LSA + kNN             0.9065 0.9110 0.9073 0.9055 0.9064 = 0.9073
 *     (LSA alone 0.9088): the gains do not add up.
 *   - skip-gram negative-sampling word vectors trained here (trainSgns in
 *     scripts/complaints-experiments.ts; jieba words of the same 6,238
 *     unlabelled messages, 1.15M tokens, 19,591 words, dim 100, window 5, 5
 *     negatives, 5 epochs, ~200 s; neighbours are sensible: 社保 -> 养老保险
 *     医保 参保, 公交 -> 班次 站点), message = tf-idf-weighted mean of unit word
 *     vectors, appended x0.25:
 *     R5-4 SGNS                  0.9072 0.9091 0.9063 0.9035 0.9029 = 0.9058
 *     R5-5 SGNS + LSA + p1.75    0.9128 0.9095 0.9088 0.9069 0.9049 = 0.9086
 *   - auxiliary tasks from the official replies (1,929 replied messages not in
 *     the labelled file): per department pattern in the reply text (22: 住建,
 *     规划, 城管, 公交, 交警/公安, 教育, 人社, 社保/医保, 市场监管, 卫健 ...) a
 *     binary SVM from the message text; its 22 decision values appended:
 *     R5-6 aux x0.25             0.9021 0.9075 0.8934 0.9020 0.8926 = 0.8995
 *     R5-7 aux x0.5              0.8989 0.8997 0.8861 0.8941 0.8910 = 0.8940
 *     R5-9 aux x0.25 + LSA       0.9016 0.9061 0.8962 0.9022 0.8906 = 0.8994
 *     (worse, like the taxonomy features and weak labels: replies follow the
 *     bureaus, not the labelling convention).
 *   - R5-8 LSA refitted with message + reply text as one document for the
 *     replied messages, x0.25: 0.9118 0.9070 0.9090 0.9072 0.9073 = 0.9085.
 *   Best mean 0.9094 (R5-2, +0.0054), below the bar (0.9120); the held-out
 *   part was NOT looked at and the model is unchanged. Unsupervised views of the
 *   6,238 unlabelled messages (LSA, SGNS, both) all level off near +0.005.
 * Gains that were kept: title features (+0.009), NBSVM scaling (+0.007 CV,
 * +0.017 held-out).
 * Cost: 50k features, 0.66 MB gzip, load ~80 ms; ~0.4 ms mean / 1.2 ms p95
 * per message (long messages dominate), plain Node, no network.
 * Confidence is calibrated (ECE 0.04). Default threshold 0.6: auto-dispatches
 * 93.9% of messages at 92.6% accuracy; 0.8 gives 84.3% at 94.9%. The rest go
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
