/** Baseline multinomial naive Bayes over character bigrams: kept only to measure the main model against, never used for dispatching (scores: bench/README.md). */
import { charBigrams } from "./text-features";

export interface NaiveBayesModel {
  labels: string[];
  logPrior: number[];
  /** per class: bigram -> log P(bigram | class) */
  logLikelihood: Map<string, number>[];
  /** log P(unseen bigram | class), per class */
  logUnseen: number[];
  vocabulary: Set<string>;
}

/** Chosen by CV (bench/README.md): add-one smoothing over ~100k bigrams drowns the small classes and makes the baseline a straw man. */
export const NB_ALPHA = 0.1;

export function trainNaiveBayes(texts: readonly string[], labels: readonly string[], alpha = NB_ALPHA): NaiveBayesModel {
  const classes = [...new Set(labels)].sort();
  const counts = classes.map(() => new Map<string, number>());
  const totals = classes.map(() => 0);
  const docs = classes.map(() => 0);
  const vocabulary = new Set<string>();
  texts.forEach((text, i) => {
    const k = classes.indexOf(labels[i]!);
    docs[k]!++;
    for (const [g, n] of charBigrams(text)) {
      counts[k]!.set(g, (counts[k]!.get(g) ?? 0) + n);
      totals[k]! += n;
      vocabulary.add(g);
    }
  });
  const V = vocabulary.size;
  const logLikelihood = counts.map((c, k) => {
    const denom = Math.log(totals[k]! + alpha * V);
    return new Map([...c].map(([g, n]) => [g, Math.log(n + alpha) - denom]));
  });
  return {
    labels: classes,
    logPrior: docs.map((d) => Math.log(d / texts.length)),
    logLikelihood,
    logUnseen: totals.map((t) => Math.log(alpha) - Math.log(t + alpha * V)),
    vocabulary,
  };
}

export function predictNaiveBayes(model: NaiveBayesModel, text: string): string {
  const scores = [...model.logPrior];
  for (const [g, n] of charBigrams(text)) {
    // Bigrams never seen in training carry no evidence; skipping them is standard.
    if (!model.vocabulary.has(g)) continue;
    model.labels.forEach((_, k) => (scores[k]! += n * (model.logLikelihood[k]!.get(g) ?? model.logUnseen[k]!)));
  }
  let best = 0;
  for (let k = 1; k < scores.length; k++) if (scores[k]! > scores[best]!) best = k;
  return model.labels[best]!;
}
