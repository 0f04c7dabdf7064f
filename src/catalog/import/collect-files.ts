import fs from "node:fs";
import path from "node:path";

export const guideExtensions = [".yaml", ".yml", ".json"];
export const listExtensions = [".jsonl"];

/** Expands files and directories (recursively) into the importable files, sorted for stable output. */
export function collectFiles(inputs: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (p: string) => {
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const e of fs.readdirSync(p).sort()) if (!e.startsWith(".")) walk(path.join(p, e));
    } else if ([...guideExtensions, ...listExtensions].includes(path.extname(p).toLowerCase())) {
      files.push(p);
    }
  };
  for (const input of inputs) {
    if (fs.existsSync(input)) walk(input);
    else missing.push(input);
  }
  return { files, missing };
}
