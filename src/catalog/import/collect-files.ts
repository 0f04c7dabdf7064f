import fs from "node:fs";
import path from "node:path";

export const guideExtensions = [".yaml", ".yml", ".json"];
export const listExtensions = [".jsonl"];

/** Folders skipped when a directory is walked: samples are imported only when named (guides/samples/). */
export const SAMPLES_DIR = "samples";

/**
 * Expands files and directories (recursively) into the importable files, sorted for stable
 * output. A `samples` folder inside a walked directory is skipped — importing guides/ must not
 * make a sample (another province's list) part of the citizens' answers — but a samples path
 * given explicitly is imported.
 */
export function collectFiles(inputs: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (p: string, top: boolean) => {
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      if (!top && path.basename(p) === SAMPLES_DIR) return;
      for (const e of fs.readdirSync(p).sort()) if (!e.startsWith(".")) walk(path.join(p, e), false);
    } else if ([...guideExtensions, ...listExtensions].includes(path.extname(p).toLowerCase())) {
      files.push(p);
    }
  };
  for (const input of inputs) {
    if (fs.existsSync(input)) walk(input, true);
    else missing.push(input);
  }
  return { files, missing };
}
