/** Classification metrics: accuracy, per-class precision/recall/F1, macro-F1, confusion matrix. */

export interface ClassMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Report {
  labels: string[];
  accuracy: number;
  macroF1: number;
  perClass: ClassMetrics[];
  /** confusion[i][j] = messages of true label i predicted as j. */
  confusion: number[][];
}

/**
 * `labels` fixes the row/column order; pass the full label set so a class that
 * is never predicted still appears (and counts as F1 = 0 in the macro average).
 */
export function evaluate(truth: readonly string[], predicted: readonly string[], labels: readonly string[]): Report {
  if (truth.length !== predicted.length) throw new Error("truth and predictions differ in length");
  const at = new Map(labels.map((l, i) => [l, i]));
  const K = labels.length;
  const confusion = Array.from({ length: K }, () => new Array<number>(K).fill(0));
  let correct = 0;
  truth.forEach((t, n) => {
    const i = at.get(t);
    const j = at.get(predicted[n]!);
    if (i === undefined || j === undefined) throw new Error(`unknown label ${i === undefined ? t : predicted[n]}`);
    confusion[i]![j]!++;
    if (i === j) correct++;
  });
  const perClass = labels.map((label, k) => {
    const tp = confusion[k]![k]!;
    const support = confusion[k]!.reduce((a, b) => a + b, 0);
    const predictedK = confusion.reduce((a, row) => a + row[k]!, 0);
    // Zero denominators give 0, the convention scikit-learn uses (zero_division=0).
    const precision = predictedK > 0 ? tp / predictedK : 0;
    const recall = support > 0 ? tp / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision, recall, f1, support };
  });
  return {
    labels: [...labels],
    accuracy: truth.length > 0 ? correct / truth.length : 0,
    macroF1: K > 0 ? perClass.reduce((a, c) => a + c.f1, 0) / K : 0,
    perClass,
    confusion,
  };
}

export interface CoveragePoint {
  threshold: number;
  /** Share of messages whose confidence is at least the threshold (auto-dispatched). */
  coverage: number;
  /** Accuracy on those auto-dispatched messages. */
  accuracy: number;
}

/** Accuracy/coverage trade-off: messages below the threshold go to a human dispatcher. */
export function coverageAt(
  truth: readonly string[],
  predicted: readonly string[],
  confidence: readonly number[],
  threshold: number,
): CoveragePoint {
  let kept = 0;
  let right = 0;
  confidence.forEach((c, i) => {
    if (c < threshold) return;
    kept++;
    if (truth[i] === predicted[i]) right++;
  });
  return { threshold, coverage: truth.length ? kept / truth.length : 0, accuracy: kept ? right / kept : 0 };
}

export function formatReport(r: Report): string {
  const pct = (x: number) => (100 * x).toFixed(1).padStart(6);
  const lines = [`accuracy ${pct(r.accuracy)}%   macro-F1 ${pct(r.macroF1)}%`, "", "class            P      R     F1  support"];
  for (const c of r.perClass) {
    lines.push(`${c.label.padEnd(8, "　")} ${pct(c.precision)} ${pct(c.recall)} ${pct(c.f1)}  ${String(c.support).padStart(5)}`);
  }
  lines.push("", "confusion (rows = truth, columns = predicted, same order as above)");
  r.confusion.forEach((row, i) => lines.push(`${r.labels[i]!.padEnd(8, "　")} ${row.map((v) => String(v).padStart(4)).join("")}`));
  return lines.join("\n");
}
