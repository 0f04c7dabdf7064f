/**
 * Train the complaint classifier.
 *
 *   npm run complaints:train -- <labelled.jsonl> [--out models/complaint-classifier.json.gz] [--all]
 *   npm run complaints:train -- <labelled.jsonl> --cv     # 5-fold CV grid on the training part; writes nothing
 *
 * By default trains on the training part of the deterministic split so the
 * held-out part stays unseen for complaints:eval. --all trains on everything:
 * for a province retraining on its own history once the numbers are known.
 */
import { parseArgs } from "node:util";
import {
  DEFAULT_MODEL_PATH,
  DEFAULT_TRAIN_OPTIONS,
  readLabelledJsonl,
  splitHeldOut,
  trainModel,
  writeModel,
  type TrainOptions,
} from "../src/complaints/classifier/index";
import { prepare } from "../src/complaints/classifier/fit";
import { crossValidate } from "../src/complaints/classifier/cross-validate";
import { progressBar } from "../src/platform/progress-bar";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: "string", default: DEFAULT_MODEL_PATH },
    all: { type: "boolean", default: false },
    cv: { type: "boolean", default: false },
  },
});
const input = positionals[0];
if (!input) {
  console.error("usage: complaints-train <labelled.jsonl> [--out file] [--all] [--cv]");
  process.exit(2);
}

const messages = readLabelledJsonl(input);
const { train, heldOut } = splitHeldOut(messages);

if (values.cv) {
  runGrid(train);
} else {
  const rows = values.all ? messages : train;
  const t0 = performance.now();
  const bar = progressBar("training", 2 + DEFAULT_TRAIN_OPTIONS.calibrationFolds);
  const model = trainModel(
    rows,
    DEFAULT_TRAIN_OPTIONS,
    { source: input.split("/").pop(), part: values.all ? "all" : "train (held-out 20% excluded)" },
    (done, _total, phase) => bar.update(done, phase),
  );
  bar.stop();
  const bytes = writeModel(values.out!, model);
  console.log(
    `trained on ${rows.length} messages (${values.all ? "all" : `held out ${heldOut.length}`}) in ${((performance.now() - t0) / 1000).toFixed(1)} s; ` +
      `${model.vocab.terms.length} features, T = ${model.temperature.toFixed(3)}; wrote ${values.out} (${(bytes / 1e6).toFixed(2)} MB)`,
  );
}

/** The grid that chose DEFAULT_TRAIN_OPTIONS; scores are 5-fold CV on the training part only. */
function runGrid(rows: typeof train): void {
  const base = DEFAULT_TRAIN_OPTIONS;
  const grid: [string, TrainOptions][] = [
    ["default", base],
    ["C=0.3", { ...base, C: 0.3 }],
    ["C=3", { ...base, C: 3 }],
    ["unbalanced", { ...base, balanced: false }],
    ["balanced^1.75", { ...base, balancedPower: 1.75 }],
    ["balanced^1.5", { ...base, balancedPower: 1.5 }],
    ["balanced^2", { ...base, balancedPower: 2 }],
    ["no NB scaling (plain SVM)", { ...base, nbScale: false }],
    ["no title features", { ...base, features: { ...base.features, headChars: 0 } }],
    ["title 60 chars", { ...base, features: { ...base.features, headChars: 60 } }],
    ["1-2-grams", { ...base, features: { ...base.features, ngramMax: 2 } }],
    ["+ jieba words", { ...base, features: { ...base.features, words: true } }],
  ];
  const bar = progressBar("grid", grid.length);
  const lines: string[] = [];
  for (const [n, [name, opts]] of grid.entries()) {
    bar.update(n, name);
    const r = crossValidate(prepare(rows, opts.features), opts, 5);
    lines.push(`${name.padEnd(26)} accuracy ${r.accuracy.toFixed(4)}  macro-F1 ${r.macroF1.toFixed(4)}`);
  }
  bar.update(grid.length, "");
  bar.stop();
  // Printed after the bar, which would otherwise redraw over them.
  console.log(lines.join("\n"));
}
