import path from "node:path";
import type { PrismaClient } from "../../platform/db";
import type { CatalogLine, Guide } from "../guide-schema";
import { collectFiles, listExtensions } from "./collect-files";
import { readGuideFile, type FileProblem } from "./read-guide-file";
import { readCatalogList } from "./read-catalog-list";
import { importGuides } from "./import-guides";
import { importCatalogLines, type ImportCounts } from "./import-catalog-lines";

/** Progress callbacks: the CLI draws a bar on a TTY and prints lines otherwise. */
export interface ImportProgress {
  phase(label: string, total: number): void;
  update(done: number): void;
  end(): void;
}

export interface ImportPathsOptions {
  prisma: PrismaClient;
  paths: string[];
  actor?: string;
  now?: Date;
  progress?: ImportProgress;
}

export interface ImportReport {
  files: number;
  guides: Omit<ImportCounts, "changedCodes">;
  catalog: Omit<ImportCounts, "changedCodes">;
  /** Files with at least one problem (a guide file is then skipped as a whole). */
  rejectedFiles: string[];
  problems: FileProblem[];
  /** Codes whose public data changed (for catalog.changed). */
  changedCodes: string[];
  ms: number;
}

/**
 * Validates every file first, then imports what is valid: guide files as published versions,
 * catalog lists as catalog-only items. An invalid guide file is skipped whole; an invalid line
 * in a catalog list is skipped alone. A code seen twice in one run is a problem of the later file.
 */
export async function importPaths(opts: ImportPathsOptions): Promise<ImportReport> {
  const started = Date.now();
  const actor = opts.actor ?? "import";
  const now = opts.now ?? new Date();
  const { files, missing } = collectFiles(opts.paths);
  const problems: FileProblem[] = missing.map((m) => ({ file: m, field: "(file)", message: "no such file or directory" }));
  const rejected = new Set<string>(missing);
  const guides: Guide[] = [];
  const lines: CatalogLine[] = [];
  const seen = new Map<string, string>();
  const claim = (code: string, file: string): FileProblem | undefined => {
    const first = seen.get(code);
    if (first !== undefined) return { file: path.basename(file), field: "code", message: `duplicate code ${code} (also in ${path.basename(first)})` };
    seen.set(code, file);
  };
  for (const file of files) {
    if (listExtensions.includes(path.extname(file).toLowerCase())) {
      const r = readCatalogList(file);
      for (const l of r.lines) {
        const dup = claim(l.item_code, file);
        if (dup) r.problems.push(dup);
        else lines.push(l);
      }
      if (r.problems.length) rejected.add(file);
      problems.push(...r.problems);
      continue;
    }
    const r = readGuideFile(file);
    const dup = r.ok ? claim(r.guide.code, file) : undefined;
    if (r.ok && !dup) guides.push(r.guide);
    else {
      rejected.add(file);
      problems.push(...(r.ok ? [dup!] : r.problems));
    }
  }

  opts.progress?.phase("guides", guides.length);
  const g = await importGuides({ prisma: opts.prisma, guides, actor, now, onProgress: (n) => opts.progress?.update(n) });
  opts.progress?.end();
  opts.progress?.phase("catalog", lines.length);
  const c = await importCatalogLines({ prisma: opts.prisma, lines, actor, now, onProgress: (n) => opts.progress?.update(n) });
  opts.progress?.end();
  const { changedCodes: gc, ...guideCounts } = g;
  const { changedCodes: cc, ...catalogCounts } = c;
  return {
    files: files.length,
    guides: guideCounts,
    catalog: catalogCounts,
    rejectedFiles: [...rejected],
    problems,
    changedCodes: [...gc, ...cc],
    ms: Date.now() - started,
  };
}
