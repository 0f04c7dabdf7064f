import fs from "node:fs";
import path from "node:path";
import { LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { guideSchema, type Guide } from "../guide-schema";
import { lineOf } from "./source-lines";

/** One problem in one file: what `guides:import` prints ("file:line field: message"). */
export interface FileProblem {
  file: string;
  line?: number;
  /** Field path, e.g. "materials.2.form" ("(file)" for parse errors). */
  field: string;
  message: string;
}

export type GuideFileResult = { ok: true; file: string; guide: Guide } | { ok: false; file: string; problems: FileProblem[] };

/** Reads and validates one `.yaml`/`.yml`/`.json` guide file. */
export function readGuideFile(file: string, source = fs.readFileSync(file, "utf8")): GuideFileResult {
  const name = path.basename(file);
  const counter = new LineCounter();
  // JSON is a subset of YAML 1.2, so one parser gives both formats their line numbers.
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    return {
      ok: false,
      file,
      problems: doc.errors.map((e) => ({
        file: name,
        line: e.linePos?.[0]?.line ?? counter.linePos(e.pos[0]).line,
        field: "(file)",
        message: e.message.split("\n")[0] ?? e.message,
      })),
    };
  }
  const data = doc.toJS() as unknown;
  const parsed = guideSchema.safeParse(data);
  if (parsed.success) return { ok: true, file, guide: parsed.data };
  return { ok: false, file, problems: parsed.error.issues.flatMap((i) => toProblems(name, i, doc, counter)) };
}

function toProblems(file: string, issue: z.core.$ZodIssue, doc: Parameters<typeof lineOf>[0], counter: LineCounter): FileProblem[] {
  const path = issue.path;
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({
      file,
      line: lineOf(doc, counter, path, key),
      field: [...path, key].join("."),
      message: `unknown key "${key}"`,
    }));
  }
  return [{ file, line: lineOf(doc, counter, path), field: path.join(".") || "(root)", message: issue.message }];
}

export function formatProblem(p: FileProblem): string {
  return `${p.file}${p.line ? `:${p.line}` : ""}  ${p.field}: ${p.message}`;
}
