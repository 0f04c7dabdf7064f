/** Reading labelled complaint messages ({"text", "label"} JSON lines). */
import { readFileSync } from "node:fs";
import { z } from "zod";

export interface LabelledMessage {
  text: string;
  label: string;
}

const lineSchema = z.object({ text: z.string().min(1), label: z.string().min(1) });

/** Throws on the first bad line with its line number: training data must be clean. */
export function parseLabelledJsonl(content: string): LabelledMessage[] {
  const out: LabelledMessage[] = [];
  content.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    const parsed = lineSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`line ${i + 1}: expected {"text","label"}: ${parsed.error.message}`);
    out.push(parsed.data);
  });
  return out;
}

export function readLabelledJsonl(file: string): LabelledMessage[] {
  return parseLabelledJsonl(readFileSync(file, "utf8"));
}
