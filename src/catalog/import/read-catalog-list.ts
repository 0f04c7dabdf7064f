import fs from "node:fs";
import path from "node:path";
import { catalogLineSchema, type CatalogLine } from "../guide-schema";
import type { FileProblem } from "./read-guide-file";

export interface CatalogListResult {
  file: string;
  lines: CatalogLine[];
  problems: FileProblem[];
}

/** Reads a `.jsonl` catalog list (事项目录): one JSON object per line; bad lines are reported, good ones kept. */
export function readCatalogList(file: string, source = fs.readFileSync(file, "utf8")): CatalogListResult {
  const name = path.basename(file);
  const lines: CatalogLine[] = [];
  const problems: FileProblem[] = [];
  source.split(/\r?\n/).forEach((text, i) => {
    if (!text.trim()) return;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      problems.push({ file: name, line: i + 1, field: "(line)", message: `invalid JSON: ${(e as Error).message}` });
      return;
    }
    const r = catalogLineSchema.safeParse(data);
    if (r.success) lines.push(r.data);
    else for (const issue of r.error.issues) problems.push({ file: name, line: i + 1, field: issue.path.join(".") || "(line)", message: issue.message });
  });
  return { file, lines, problems };
}
