/**
 * Classify messages: {"text": …} JSON lines in (file, or stdin with "-"),
 * {"category": …, "confidence": …} lines out, in input order, one per line.
 * A bad line yields {"error": …} in its place and a non-zero exit at the end,
 * so one malformed message never stops the batch.
 *
 *   npm run complaints:classify -- <in.jsonl | -> [--model file]
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { DEFAULT_MODEL_PATH, loadModel } from "../src/complaints/classifier/index";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { model: { type: "string", default: DEFAULT_MODEL_PATH } },
});
const input = positionals[0];
if (!input) {
  console.error("usage: complaints-classify <in.jsonl | -> [--model file]");
  process.exit(2);
}

const classifier = loadModel(values.model);
const stream = input === "-" ? process.stdin : createReadStream(input);
let failures = 0;

function classifyLine(line: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { error: "line is not valid JSON" };
  }
  const text = (parsed as { text?: unknown } | null)?.text;
  if (typeof text !== "string" || text.trim() === "") return { error: 'missing "text" string' };
  const { category, confidence } = classifier.classify(text);
  return { category, confidence: Math.round(confidence * 1e4) / 1e4 };
}

for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
  const out = classifyLine(line);
  if ("error" in out) failures++;
  process.stdout.write(JSON.stringify(out) + "\n");
}
if (failures > 0) {
  console.error(`${failures} line(s) could not be classified`);
  process.exitCode = 1;
}
