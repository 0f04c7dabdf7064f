/**
 * Evaluate on the held-out 20% of the deterministic split: the committed model
 * and the naive-Bayes char-bigram baseline (trained here on the training 80%),
 * side by side, plus latency, load time and the confidence/coverage trade-off.
 *
 *   npm run complaints:eval -- <labelled.jsonl> [--model file]
 */
import { parseArgs } from "node:util";
import {
  DEFAULT_CONFIDENCE_THRESHOLD,
  DEFAULT_MODEL_PATH,
  coverageAt,
  evaluate,
  formatReport,
  loadModel,
  predictNaiveBayes,
  readLabelledJsonl,
  splitHeldOut,
  trainNaiveBayes,
} from "../src/complaints/classifier/index";
import { statSync } from "node:fs";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { model: { type: "string", default: DEFAULT_MODEL_PATH } },
});
const input = positionals[0];
if (!input) {
  console.error("usage: complaints-eval <labelled.jsonl> [--model file]");
  process.exit(2);
}

const { train, heldOut } = splitHeldOut(readLabelledJsonl(input));
const truth = heldOut.map((m) => m.label);

const t0 = performance.now();
const classifier = loadModel(values.model);
const loadMs = performance.now() - t0;
const labels = classifier.model.labels;
if (classifier.model.info.part === "all") {
  console.warn("WARNING: this model was trained with --all, so it has seen the held-out part; scores are optimistic.\n");
}

const coldStart = performance.now();
const results = heldOut.map((m) => classifier.classify(m.text));
const coldMs = performance.now() - coldStart;
// Steady-state latency, as in the long-running server: a second, timed pass once the JIT has warmed up.
const latencies = heldOut.map((m) => {
  const s = performance.now();
  classifier.classify(m.text);
  return performance.now() - s;
});
const predicted = results.map((r) => r.category);
const confidence = results.map((r) => r.confidence);

const nb = trainNaiveBayes(
  train.map((m) => m.text),
  train.map((m) => m.label),
);
const nbPredicted = heldOut.map((m) => predictNaiveBayes(nb, m.text));

const sorted = [...latencies].sort((a, b) => a - b);
const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(3);
const mean = latencies.reduce((a, b) => a + b, 0) / latencies.length;

console.log(`held-out: ${heldOut.length} of ${heldOut.length + train.length} messages (train part ${train.length})\n`);
console.log("== linear SVM (committed model) ==");
console.log(formatReport(evaluate(truth, predicted, labels)));
console.log("\n== baseline: naive Bayes, char bigrams ==");
console.log(formatReport(evaluate(truth, nbPredicted, labels)));

console.log("\n== confidence threshold: auto-dispatch at or above, else dispatcher queue ==");
console.log("threshold  coverage  accuracy");
for (const t of [0, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) {
  const c = coverageAt(truth, predicted, confidence, t);
  const mark = t === DEFAULT_CONFIDENCE_THRESHOLD ? "  <- default" : "";
  console.log(`${t.toFixed(2).padStart(9)}  ${(100 * c.coverage).toFixed(1).padStart(7)}%  ${(100 * c.accuracy).toFixed(1).padStart(7)}%${mark}`);
}
console.log(`expected calibration error (10 bins): ${expectedCalibrationError(truth, predicted, confidence).toFixed(3)}`);

console.log("\n== cost ==");
console.log(`model file ${(statSync(values.model!).size / 1e6).toFixed(2)} MB, ${classifier.model.vocab.terms.length} features, load ${loadMs.toFixed(0)} ms`);
console.log(`first pass (cold JIT) ${(coldMs / heldOut.length).toFixed(3)} ms per message on average`);
console.log(`latency per message (ms): mean ${mean.toFixed(3)}  p50 ${q(0.5)}  p95 ${q(0.95)}  p99 ${q(0.99)}  max ${sorted.at(-1)!.toFixed(3)}`);

/** Mean |accuracy - confidence| over equal-width confidence bins, weighted by bin size. */
function expectedCalibrationError(t: string[], p: string[], c: number[]): number {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, right: 0, conf: 0 }));
  c.forEach((ci, i) => {
    const b = bins[Math.min(9, Math.floor(ci * 10))]!;
    b.n++;
    b.conf += ci;
    if (t[i] === p[i]) b.right++;
  });
  return bins.reduce((e, b) => e + (b.n ? (b.n / c.length) * Math.abs(b.right / b.n - b.conf / b.n) : 0), 0);
}
