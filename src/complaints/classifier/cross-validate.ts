/** k-fold cross-validation on training data only; used for choosing hyperparameters. */
import { calibrationInputs, type FitOptions, type PreparedData } from "./fit";
import { evaluate, type Report } from "./metrics";

export function argmax(s: ArrayLike<number>): number {
  let best = 0;
  for (let k = 1; k < s.length; k++) if (s[k]! > s[best]!) best = k;
  return best;
}

export function crossValidate(data: PreparedData, opts: FitOptions, k = 5): Report {
  const { scores } = calibrationInputs(data, opts, k);
  const predicted = scores.map((s) => data.labels[argmax(s)]!);
  const truth = data.labelIndex.map((i) => data.labels[i]!);
  return evaluate(truth, predicted, data.labels);
}
