/**
 * Temperature scaling (Guo et al., ICML 2017): confidence = softmax(scores / T).
 * SVM decision values are margins, not probabilities; one temperature fitted on
 * out-of-fold decision values turns them into probabilities whose size can be
 * trusted to route low-confidence messages to a human dispatcher.
 */

export function softmax(scores: ArrayLike<number>, temperature: number): Float64Array {
  let max = -Infinity;
  for (let k = 0; k < scores.length; k++) max = Math.max(max, scores[k]!);
  const out = new Float64Array(scores.length);
  let sum = 0;
  for (let k = 0; k < scores.length; k++) {
    out[k] = Math.exp((scores[k]! - max) / temperature);
    sum += out[k]!;
  }
  for (let k = 0; k < out.length; k++) out[k]! /= sum;
  return out;
}

function negLogLikelihood(scores: readonly ArrayLike<number>[], labels: readonly number[], t: number): number {
  let nll = 0;
  scores.forEach((s, i) => (nll -= Math.log(Math.max(softmax(s, t)[labels[i]!]!, 1e-12))));
  return nll / scores.length;
}

/** Golden-section search on log T in [1e-3, 1e2]; NLL is unimodal in T for fixed scores. */
export function fitTemperature(scores: readonly ArrayLike<number>[], labels: readonly number[]): number {
  const phi = (Math.sqrt(5) - 1) / 2;
  let lo = Math.log(1e-3);
  let hi = Math.log(1e2);
  const f = (logT: number) => negLogLikelihood(scores, labels, Math.exp(logT));
  let a = hi - phi * (hi - lo);
  let b = lo + phi * (hi - lo);
  let fa = f(a);
  let fb = f(b);
  for (let i = 0; i < 60; i++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - phi * (hi - lo);
      fa = f(a);
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + phi * (hi - lo);
      fb = f(b);
    }
  }
  return Math.exp((lo + hi) / 2);
}
