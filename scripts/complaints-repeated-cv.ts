/**
 * Repeated cross-validation of classifier candidates on the TRAINING 80% only
 * (the held-out part is never read here): every candidate is scored on the
 * same A independent stratified 5-fold assignments (split.ts, seeds "", "1",
 * ...), and compared with the committed configuration per assignment.
 *
 *   nice -n 19 npx tsx scripts/complaints-repeated-cv.ts <labelled.jsonl> [--assignments 5] [--only a,b]
 *
 * A candidate earns a look at the held-out part only if its mean macro-F1
 * beats the baseline's by >= 0.008 AND it is better on every assignment.
 * Results of the candidates below: doc comment of src/complaints/classifier/index.ts.
 * The taxonomy candidates read complaint-taxonomy.csv, the LSA, SGNS and reply (R5-6..9)
 * candidates messages-unlabeled.jsonl and messages-with-replies-train.jsonl, from the
 * labelled file's directory (texts that are also in the labelled file are dropped).
 */
import { parseArgs } from "node:util";
import { DEFAULT_TRAIN_OPTIONS, evaluate, readLabelledJsonl, splitHeldOut, stratifiedFolds, type LabelledMessage, type TrainOptions } from "../src/complaints/classifier/index";
import { fitOnTerms, prepare, type PreparedData } from "../src/complaints/classifier/fit";
import { argmax } from "../src/complaints/classifier/cross-validate";
import { decisionValues } from "../src/complaints/classifier/linear-svm";
import { softmax } from "../src/complaints/classifier/calibration";
import { vectorize, type SparseVector } from "../src/complaints/classifier/vectorizer";
import { readFileSync } from "node:fs";
import { knnScores, trainFastText, fastTextProbabilities, stripPlaceCodes, trainPairwise, fitLsa, taxonomyLexicon, taxonomyFeatures, trainSgns, embedMessage } from "./complaints-experiments";
import { getWordCutter } from "../src/complaints/classifier/word-cutter";
import { balancedClassWeights, nbScales, trainLinearSvm } from "../src/complaints/classifier/linear-svm";
import { buildVocabulary } from "../src/complaints/classifier/vectorizer";
import { extractTerms, normalizeText } from "../src/complaints/classifier/text-features";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { assignments: { type: "string", default: "5" }, only: { type: "string" } },
});
const input = positionals[0];
if (!input) throw new Error("usage: complaints-repeated-cv <labelled.jsonl> [--assignments 5] [--only a,b]");
const A = Number(values.assignments);
const only = values.only ? new Set(values.only.split(",")) : undefined;

const { train } = splitHeldOut(readLabelledJsonl(input));
const base = DEFAULT_TRAIN_OPTIONS;
// Temperature of the committed model (fitted on out-of-fold scores of the training part):
// used only to turn SVM margins into probabilities for probability-averaging blends.
const T = 0.193;

/** Per fold: what a candidate gets to see. Everything here is fitted on the fold's training rows only. */
interface FoldContext {
  data: PreparedData;
  trainRows: number[];
  testRows: number[];
  /** Baseline TF-IDF vectors (fold vocabulary) for every row, and baseline SVM scores for the test rows. */
  xs: SparseVector[];
  svm: Float64Array[];
}
type Scorer = (ctx: FoldContext) => Float64Array[];

interface Candidate {
  name: string;
  /** Feature/fit options for the baseline-style pipeline (defaults to the committed ones). */
  options?: TrainOptions;
  /** Rewrites every message's text before tokenising (same rows, same folds). */
  transform?: (text: string) => string;
  /** Scores for ctx.testRows; absent = the SVM's own scores. */
  score?: Scorer;
}

/** svm + lambda * kNN vote shares; lambda "alone" = the kNN vote shares only. */
const knnBlend = (k: number, lambda: number | "alone"): Scorer => (ctx) => {
  const knn = knnScores(ctx.trainRows.map((i) => ctx.xs[i]!), ctx.trainRows.map((i) => ctx.data.labelIndex[i]!), ctx.data.labels.length, ctx.testRows.map((i) => ctx.xs[i]!), k);
  return lambda === "alone" ? knn : ctx.svm.map((s, t) => Float64Array.from(s, (v, c) => v + lambda * knn[t]![c]!));
};

const fastTextScorer = (svmWeight: number): Scorer => (ctx) => {
  const model = trainFastText(
    ctx.trainRows.map((i) => ctx.data.terms[i]!),
    ctx.trainRows.map((i) => ctx.data.labelIndex[i]!),
    ctx.data.labels.length,
  );
  return ctx.testRows.map((i, t) => {
    const p = fastTextProbabilities(model, ctx.data.terms[i]!);
    if (svmWeight === 0) return p;
    const q = softmax(ctx.svm[t]!, T);
    return Float64Array.from(p, (v, c) => (1 - svmWeight) * v + svmWeight * q[c]!);
  });
};


/**
 * One-vs-one NBSVMs on the fold's vectors. "rerank": the OvR top two classes
 * are reordered by their pairwise model. "sum": score_k = OvR score + mean pairwise margin of k.
 */
const pairwiseScorer = (mode: "rerank" | "sum"): Scorer => (ctx) => {
  const pair = trainPairwise(
    ctx.trainRows.map((i) => ctx.xs[i]!),
    ctx.trainRows.map((i) => ctx.data.labelIndex[i]!),
    ctx.data.labels.length,
    ctx.xs.reduce((m, x) => Math.max(m, ...x.index), 0) + 1,
    base.C,
  );
  return ctx.testRows.map((i, t) => {
    const s = Float64Array.from(ctx.svm[t]!);
    const m = pair(ctx.xs[i]!);
    if (mode === "sum") return s.map((v, k) => v + m[k]!.reduce((a, b) => a + b, 0) / (s.length - 1));
    const first = argmax(s);
    const rest = Float64Array.from(s, (v, k) => (k === first ? -Infinity : v));
    const second = argmax(rest);
    if (m[second]![first]! > 0) [s[first], s[second]] = [s[second]!, s[first]!];
    return s;
  });
};

/**
 * LSA topic vectors fitted once on the UNLABELLED messages (messages-unlabeled +
 * messages-with-replies, any text that also appears in the labelled file dropped;
 * no labels used), their own 20k-term vocabulary, k = 100. The SVM sees
 * [NB-scaled TF-IDF, alpha * topic vector] (topic dimensions not NB-scaled).
 */
let lsa: { vocab: ReturnType<typeof buildVocabulary>; project: (x: SparseVector) => Float64Array } | undefined;
let unlabelledTexts: string[] | undefined;
const unlabelled = () => {
  if (unlabelledTexts) return unlabelledTexts;
  const labelled = new Set(readLabelledJsonl(input).map((m) => m.text));
  const dir = input.replace(/[^/]*$/, "");
  return (unlabelledTexts = ["messages-unlabeled.jsonl", "messages-with-replies-train.jsonl"].flatMap((f) =>
    readFileSync(dir + f, "utf8").split("\n").filter(Boolean).map((l) => {
      const r = JSON.parse(l) as { title?: string; detail?: string };
      return `${r.title ?? ""}${r.detail ?? ""}`;
    }),
  ).filter((t) => t && !labelled.has(t)));
};
const lsaFor = () => {
  if (lsa) return lsa;
  const texts = unlabelled();
  const docs = texts.map((t) => extractTerms(t, base.features));
  const vocab = buildVocabulary(docs, { minDf: 2, maxFeatures: 20_000 });
  const t0 = performance.now();
  const fitted = fitLsa(docs.map((d) => vectorize(d, vocab)), vocab.terms.length, 100);
  console.error(`LSA on ${texts.length} unlabelled messages: ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  return (lsa = { vocab, project: fitted.project });
};
/** Dense blocks appended to every row: per block, one vector per row of ctx.data and its weight. */
type DenseBlock = { rows: (ctx: FoldContext) => Float64Array[]; weight: number };
const lsaBlock = (alpha: number): DenseBlock => ({
  weight: alpha,
  rows: (ctx) => {
    const { vocab, project } = lsaFor();
    return ctx.data.terms.map((t) => project(vectorize(t, vocab)));
  },
});

/**
 * Taxonomy features (fourth round): per level-1 category of
 * /work/shared/data/complaint-taxonomy.csv, log(1 + occurrences of the words of
 * its level-2/3 names) in the message (see taxonomyLexicon). No labels used.
 */
let taxonomy: Map<string, string[]> | undefined;
const taxonomyRows = new Map<PreparedData, Float64Array[]>();
const taxonomyBlock = (weight: number): DenseBlock => ({
  weight,
  rows: (ctx) => {
    taxonomy ??= taxonomyLexicon(readFileSync(input.replace(/[^/]*$/, "") + "complaint-taxonomy.csv", "utf8"), getWordCutter());
    if (!taxonomyRows.has(ctx.data)) taxonomyRows.set(ctx.data, ctx.data.messages.map((m) => taxonomyFeatures(m.text, taxonomy!)));
    return taxonomyRows.get(ctx.data)!;
  },
});

/**
 * Fifth round: SGNS word vectors trained on the same unlabelled texts as the
 * LSA (jieba words of the normalised text, punctuation/digits dropped; no
 * labels), message vector = tf-idf-weighted mean of unit word vectors (embedMessage).
 */
const wordsOf = (text: string) => getWordCutter()(normalizeText(text, true)).filter((w) => !/^[\s\p{P}\p{S}0-9]+$/u.test(w));
let sgns: ((text: string) => Float64Array) | undefined;
const sgnsRows = new Map<PreparedData, Float64Array[]>();
const sgnsBlock = (weight: number): DenseBlock => ({
  weight,
  rows: (ctx) => {
    if (!sgns) {
      const sentences = unlabelled().map(wordsOf);
      const t0 = performance.now();
      const emb = trainSgns(sentences);
      const df = new Map<string, number>();
      for (const s of sentences) for (const w of new Set(s)) df.set(w, (df.get(w) ?? 0) + 1);
      const idf = new Map([...df].map(([w, n]) => [w, Math.log((1 + sentences.length) / (1 + n)) + 1]));
      console.error(`SGNS on ${sentences.length} unlabelled messages, ${emb.lookup.size} words: ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      sgns = (text) => embedMessage(wordsOf(text), emb, idf);
    }
    if (!sgnsRows.has(ctx.data)) sgnsRows.set(ctx.data, ctx.data.messages.map((m) => sgns!(m.text)));
    return sgnsRows.get(ctx.data)!;
  },
});

/**
 * Fifth round, second batch. Replied messages (messages-with-replies, texts in
 * the labelled file dropped) and their official replies; no labels used.
 */
const repliedRows = () => {
  const labelled = new Set(readLabelledJsonl(input).map((m) => m.text));
  return readFileSync(input.replace(/[^/]*$/, "") + "messages-with-replies-train.jsonl", "utf8").split("\n").filter(Boolean)
    .map((l) => JSON.parse(l) as { title?: string; detail?: string; reply?: string })
    .map((r) => ({ text: `${r.title ?? ""}${r.detail ?? ""}`, reply: r.reply ?? "" }))
    .filter((r) => r.text && !labelled.has(r.text));
};
/**
 * Auxiliary tasks (Ando & Zhang 2005 style, without the SVD): "does the official
 * reply mention department X" for 22 department patterns, each a binary linear
 * SVM (balanced, C = 1) from the message's TF-IDF (the LSA vocabulary) trained
 * on the replied messages. Their 22 decision values are the appended block.
 */
const REPLY_PATTERNS: RegExp[] = [/住房和城乡建设|住建/, /规划/, /城管|城市管理/, /国土|自然资源/, /房产|房屋|住房保障/, /环保|环境保护|生态环境/,
  /交通运输|交通局|运管|运输管理/, /公交/, /交警|公安/, /教育局|教育厅|教育部门/, /体育|文化|文旅|广电/, /人力资源和社会保障|人社|劳动监察/,
  /社保|医保|医疗保障|社会保险/, /市场监督管理|市场监管|工商/, /商务|旅游/, /发改|发展和改革|物价|价格/, /卫生健康|卫健|卫计|卫生局|卫生计生|计生/,
  /医院/, /民政/, /水务|水利/, /街道/, /公司/];
let aux: ((x: SparseVector) => Float64Array) | undefined;
const auxRows = new Map<PreparedData, Float64Array[]>();
const auxBlock = (weight: number): DenseBlock => ({
  weight,
  rows: (ctx) => {
    const { vocab } = lsaFor();
    if (!aux) {
      const rows = repliedRows();
      const xs = rows.map((r) => vectorize(extractTerms(r.text, base.features), vocab));
      const models = REPLY_PATTERNS.map((re) => {
        const y = rows.map((r) => (re.test(r.reply) ? 1 : 0));
        return trainLinearSvm(xs, y, 2, vocab.terms.length, { C: base.C, classWeight: balancedClassWeights(y, 2) });
      });
      console.error(`aux tasks on ${rows.length} replied messages`);
      aux = (x) => Float64Array.from(models, (m) => { const d = decisionValues(m, x); return (d[1]! - d[0]!) / 2; });
    }
    if (!auxRows.has(ctx.data)) auxRows.set(ctx.data, ctx.data.terms.map((t) => aux!(vectorize(t, vocab))));
    return auxRows.get(ctx.data)!;
  },
});
/** LSA as lsaFor, but each replied message's document is message + reply text concatenated. */
let lsaR: ((x: Map<string, number>) => Float64Array) | undefined;
const lsaReplyBlock = (alpha: number): DenseBlock => ({
  weight: alpha,
  rows: (ctx) => {
    if (!lsaR) {
      const replies = new Map(repliedRows().map((r) => [r.text, r.reply]));
      const docs = unlabelled().map((t) => extractTerms(t + (replies.get(t) ?? ""), base.features));
      const vocab = buildVocabulary(docs, { minDf: 2, maxFeatures: 20_000 });
      const fitted = fitLsa(docs.map((d) => vectorize(d, vocab)), vocab.terms.length, 100);
      lsaR = (t) => fitted.project(vectorize(t, vocab));
    }
    return ctx.data.terms.map((t) => lsaR!(t));
  },
});

/**
 * The SVM sees [NB-scaled TF-IDF, weight_b * block_b ...]; the appended
 * dimensions are not NB-scaled (scale 1). Same C and balanced class weights.
 */
const denseScorer = (...blocks: DenseBlock[]): Scorer => denseScorerWith({}, ...blocks);
/** power: exponent on the balanced class weights (FitOptions.balancedPower); knn: + knn * kNN10 vote shares (round 3's blend). */
const denseScorerWith = (o: { power?: number; knn?: number }, ...blocks: DenseBlock[]): Scorer => (ctx) => {
  const K = ctx.data.labels.length;
  const d = ctx.xs.reduce((m, x) => Math.max(m, ...x.index), 0) + 1;
  const dense = blocks.map((b) => ({ rows: b.rows(ctx), weight: b.weight }));
  const extra = dense.reduce((s, b) => s + b.rows[0]!.length, 0);
  const joined = ctx.xs.map((x, i) => {
    const index = new Int32Array(x.index.length + extra);
    const value = new Float32Array(x.index.length + extra);
    index.set(x.index);
    value.set(x.value);
    let at = x.index.length;
    for (const b of dense) {
      b.rows[i]!.forEach((v) => {
        index[at] = d + at - x.index.length;
        value[at++] = b.weight * v;
      });
    }
    return { index, value };
  });
  const y = ctx.trainRows.map((i) => ctx.data.labelIndex[i]!);
  const sparseTrain = ctx.trainRows.map((i) => ctx.xs[i]!);
  const scales = nbScales(sparseTrain, y, K, d).map((r) => {
    const full = new Float32Array(d + extra).fill(1);
    full.set(r);
    return full;
  });
  const classWeight = balancedClassWeights(y, K).map((w) => w ** (o.power ?? 1));
  const model = trainLinearSvm(ctx.trainRows.map((i) => joined[i]!), y, K, d + extra, { C: base.C, classWeight, featureScale: scales });
  const scores = ctx.testRows.map((i) => decisionValues(model, joined[i]!));
  if (!o.knn) return scores;
  const knn = knnScores(ctx.trainRows.map((i) => ctx.xs[i]!), y, K, ctx.testRows.map((i) => ctx.xs[i]!), 10);
  return scores.map((s, t) => Float64Array.from(s, (v, c) => v + o.knn! * knn[t]![c]!));
};
const lsaScorer = (alpha: number): Scorer => denseScorer(lsaBlock(alpha));

const candidates: Candidate[] = [
  { name: "baseline (committed NBSVM)" },
  { name: "knn k=10 alone", score: knnBlend(10, "alone") },
  { name: "svm + 0.3 knn10", score: knnBlend(10, 0.3) },
  { name: "svm + 0.6 knn10", score: knnBlend(10, 0.6) },
  { name: "fasttext alone", score: fastTextScorer(0) },
  { name: "fasttext/svm 0.5 prob avg", score: fastTextScorer(0.5) },
  { name: "strip place codes", transform: stripPlaceCodes },
  { name: "ovr + pairwise rerank top2", score: pairwiseScorer("rerank") },
  { name: "ovr + mean pairwise margin", score: pairwiseScorer("sum") },
  { name: "svm + LSA(unlabelled) x0.5", score: lsaScorer(0.5) },
  { name: "svm + LSA(unlabelled) x1", score: lsaScorer(1) },
  // Declared after x0.5 beat x1 (a follow-up, so read its CV with that selection in mind).
  { name: "svm + LSA(unlabelled) x0.25", score: lsaScorer(0.25) },
  // Fourth round, all three declared before any was run: taxonomy features at
  // weight 0.5 (primary) and 1 (the one alternative), and taxonomy x0.5 + LSA x0.25.
  { name: "svm + taxonomy x0.5", score: denseScorer(taxonomyBlock(0.5)) },
  { name: "svm + taxonomy x1", score: denseScorer(taxonomyBlock(1)) },
  { name: "svm + taxonomy x0.5 + LSA x0.25", score: denseScorer(taxonomyBlock(0.5), lsaBlock(0.25)) },
  // Fifth round, all five declared before any was run (numbers: index.ts).
  { name: "R5-1 LSA x0.25 + p1.75", score: denseScorerWith({ power: 1.75 }, lsaBlock(0.25)) },
  { name: "R5-2 LSA x0.25 + p1.75 + 0.3 knn10", score: denseScorerWith({ power: 1.75, knn: 0.3 }, lsaBlock(0.25)) },
  { name: "R5-3 LSA x0.25 + 0.3 knn10", score: denseScorerWith({ knn: 0.3 }, lsaBlock(0.25)) },
  { name: "R5-4 SGNS x0.25", score: denseScorer(sgnsBlock(0.25)) },
  { name: "R5-5 SGNS x0.25 + LSA x0.25 + p1.75", score: denseScorerWith({ power: 1.75 }, sgnsBlock(0.25), lsaBlock(0.25)) },
  // Fifth round, second batch, declared after the first batch's results and before running these.
  { name: "R5-6 reply aux x0.25", score: denseScorer(auxBlock(0.25)) },
  { name: "R5-7 reply aux x0.5", score: denseScorer(auxBlock(0.5)) },
  { name: "R5-8 LSA(msg+reply) x0.25", score: denseScorer(lsaReplyBlock(0.25)) },
  { name: "R5-9 reply aux x0.25 + LSA x0.25", score: denseScorer(auxBlock(0.25), lsaBlock(0.25)) },
].filter((c) => !only || only.has(c.name) || c.name.startsWith("baseline"));

const results = new Map<string, number[]>(candidates.map((c) => [c.name, []]));
const prepared = new Map<string, PreparedData>();
const dataFor = (opts: TrainOptions, transform?: (text: string) => string) => {
  const key = JSON.stringify(opts.features) + String(transform?.name);
  if (!prepared.has(key)) {
    const rows: LabelledMessage[] = transform ? train.map((m) => ({ ...m, text: transform(m.text) })) : train;
    prepared.set(key, prepare(rows, opts.features));
  }
  return prepared.get(key)!;
};

for (let a = 0; a < A; a++) {
  const seed = a === 0 ? "" : String(a);
  const folds = stratifiedFolds(train, 5, seed);
  const predicted = new Map<string, number[]>(candidates.map((c) => [c.name, new Array<number>(train.length)]));
  for (let f = 0; f < 5; f++) {
    const trainRows = folds.flatMap((g, i) => (g === f ? [] : [i]));
    const testRows = folds.flatMap((g, i) => (g === f ? [i] : []));
    const contexts = new Map<string, FoldContext>();
    const contextFor = (opts: TrainOptions, transform?: (text: string) => string) => {
      const key = JSON.stringify(opts) + String(transform?.name);
      if (!contexts.has(key)) {
        const data = dataFor(opts, transform);
        const { vocab, linear } = fitOnTerms(data, trainRows, opts);
        const xs = data.terms.map((t) => vectorize(t, vocab));
        contexts.set(key, { data, trainRows, testRows, xs, svm: testRows.map((i) => decisionValues(linear, xs[i]!)) });
      }
      return contexts.get(key)!;
    };
    for (const c of candidates) {
      const ctx = contextFor(c.options ?? base, c.transform);
      const scores = c.score ? c.score(ctx) : ctx.svm;
      testRows.forEach((i, t) => (predicted.get(c.name)![i] = argmax(scores[t]!)));
    }
  }
  const data = dataFor(base);
  const truth = data.labelIndex.map((i) => data.labels[i]!);
  for (const c of candidates) {
    const r = evaluate(truth, predicted.get(c.name)!.map((p) => data.labels[p]!), data.labels);
    results.get(c.name)!.push(r.macroF1);
    console.error(`assignment ${a} ${c.name}: macro-F1 ${r.macroF1.toFixed(4)} accuracy ${r.accuracy.toFixed(4)}`);
  }
}

const baseF1 = results.get(candidates[0]!.name)!;
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
console.log(`repeated 5-fold CV on the training part, ${A} fold assignments; macro-F1 per assignment, mean, delta vs baseline`);
for (const c of candidates) {
  const f1 = results.get(c.name)!;
  const d = mean(f1) - mean(baseF1);
  const allBetter = f1.every((v, a) => v > baseF1[a]!);
  const pass = d >= 0.008 && allBetter;
  console.log(
    `${c.name.padEnd(30)} ${f1.map((v) => v.toFixed(4)).join(" ")}  mean ${mean(f1).toFixed(4)}  ${d >= 0 ? "+" : ""}${d.toFixed(4)}${c === candidates[0] ? "" : pass ? "  PASSES the bar" : ""}`,
  );
}
