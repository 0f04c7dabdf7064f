/** Model file: gzip JSON with numeric arrays as base64 typed-array bytes and int16 weights, to stay small and quick to load (measured: bench/README.md). */
import { readFileSync, writeFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import type { ComplaintModel } from "./model";
import { fromTerms } from "./vectorizer";

export const MODEL_FORMAT = "complaint-classifier/1";

interface ModelFile {
  format: string;
  labels: string[];
  features: ComplaintModel["features"];
  temperature: number;
  terms: string[];
  idf: string;
  weights: string;
  weightScale: number[];
  bias: number[];
  info: Record<string, unknown>;
}

const toBase64 = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("base64");

function fromBase64<T>(s: string, make: (buf: ArrayBuffer, count: number) => T, bytesPer: number): T {
  const b = Buffer.from(s, "base64");
  // Copy into a fresh, aligned ArrayBuffer: Buffer's pool offset may not be a multiple of 4.
  const ab = new ArrayBuffer(b.byteLength);
  new Uint8Array(ab).set(b);
  return make(ab, b.byteLength / bytesPer);
}

export function serializeModel(model: ComplaintModel): Buffer {
  const K = model.labels.length;
  const w = model.linear.weights;
  const scale = new Array<number>(K).fill(0);
  for (let i = 0; i < w.length; i++) scale[i % K] = Math.max(scale[i % K]!, Math.abs(w[i]!));
  const q = new Int16Array(w.length);
  for (let i = 0; i < w.length; i++) {
    const s = scale[i % K]!;
    q[i] = s > 0 ? Math.round((w[i]! / s) * 32767) : 0;
  }
  const file: ModelFile = {
    format: MODEL_FORMAT,
    labels: model.labels,
    features: model.features,
    temperature: model.temperature,
    terms: model.vocab.terms,
    idf: toBase64(model.vocab.idf),
    weights: toBase64(q),
    weightScale: scale,
    bias: Array.from(model.linear.bias),
    info: model.info,
  };
  return gzipSync(JSON.stringify(file), { level: 9 });
}

export function deserializeModel(bytes: Buffer): ComplaintModel {
  const file = JSON.parse(gunzipSync(bytes).toString("utf8")) as ModelFile;
  if (file.format !== MODEL_FORMAT) throw new Error(`unsupported model format ${String(file.format)}`);
  const K = file.labels.length;
  const q = fromBase64(file.weights, (ab, n) => new Int16Array(ab, 0, n), 2);
  const weights = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) weights[i] = (q[i]! / 32767) * file.weightScale[i % K]!;
  const idf = fromBase64(file.idf, (ab, n) => new Float32Array(ab, 0, n), 4);
  return {
    labels: file.labels,
    features: file.features,
    vocab: fromTerms(file.terms, idf),
    linear: { numClasses: K, numFeatures: file.terms.length, weights, bias: Float32Array.from(file.bias) },
    temperature: file.temperature,
    info: file.info,
  };
}

export function writeModel(path: string, model: ComplaintModel): number {
  const bytes = serializeModel(model);
  writeFileSync(path, bytes);
  return bytes.length;
}

export function readModel(path: string): ComplaintModel {
  return deserializeModel(readFileSync(path));
}
