/** The trained complaint classifier as held in memory. */
import type { FeatureConfig } from "./text-features";
import type { LinearModel } from "./linear-svm";
import type { Vocabulary } from "./vectorizer";

export interface ComplaintModel {
  /** Category names, in the order of the model's score columns. */
  labels: string[];
  features: FeatureConfig;
  vocab: Vocabulary;
  linear: LinearModel;
  /** Softmax temperature fitted on out-of-fold decision values (see calibration.ts). */
  temperature: number;
  /** Where and how the model was trained, for the eval report. */
  info: Record<string, unknown>;
}

export interface Classification {
  category: string;
  /** Calibrated probability of `category`, 0..1. */
  confidence: number;
  /** Calibrated probability of every category. */
  scores: Record<string, number>;
}
