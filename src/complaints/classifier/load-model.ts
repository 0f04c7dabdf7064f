import { fileURLToPath } from "node:url";
import type { Classification, ComplaintModel } from "./model";
import { readModel } from "./model-io";
import { classifyWith } from "./predict";

/** The committed model (npm run complaints:train writes it). */
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
