import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { catalogLineSchema, guideSchema, guideToSearchItem, type Guide, type PublishedCatalog, type PublishedGuide, type SearchItem } from "../catalog";

export interface FileCatalogOptions {
  /** Directory of guide files (*.yaml, *.yml, *.json). */
  guidesDir: string;
  /** Catalog lists (.jsonl, one item per line) of items without a guide. */
  catalogFiles?: string[];
  /** Throw on the first invalid guide instead of skipping it (listed in `errors`). */
  strict?: boolean;
}

/**
 * The published catalog over files: guides/*.yaml validated with guideSchema plus catalog-only .jsonl
 * lists. Used by the eval, the benchmark and tests; the service uses the database catalog.
 * `publish()` replaces a guide in memory, as a staff edit would.
 */
export class FileCatalog implements PublishedCatalog {
  private readonly guides = new Map<string, PublishedGuide>();
  private readonly lines = new Map<string, SearchItem>();
  /** Guide files skipped as invalid (non-strict mode). */
  readonly errors: string[] = [];

  static load(opts: FileCatalogOptions): FileCatalog {
    const c = new FileCatalog();
    for (const f of readdirSync(opts.guidesDir).filter((f) => /\.(ya?ml|json)$/.test(f)).sort()) {
      const path = join(opts.guidesDir, f);
      const raw = readFileSync(path, "utf8");
      const parsed = guideSchema.safeParse(f.endsWith(".json") ? JSON.parse(raw) : parse(raw));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const msg = `${path}: ${issue?.path.join(".")}: ${issue?.message}`;
        if (opts.strict) throw new Error(msg);
        c.errors.push(msg);
        continue;
      }
      c.publish(parsed.data, statSync(path).mtime);
    }
    for (const file of opts.catalogFiles ?? []) {
      for (const line of readFileSync(file, "utf8").split("\n")) {
        if (!line.trim()) continue;
        const l = catalogLineSchema.parse(JSON.parse(line));
        if (c.guides.has(l.item_code)) continue;
        c.lines.set(l.item_code, {
          code: l.item_code,
          name: l.item_name,
          aliases: [],
          department: l.department,
          region: l.area_code,
          hasGuide: false,
        });
      }
    }
    return c;
  }

  /** Store (or replace) a published guide; returns the item to upsert into the index. */
  publish(guide: Guide, updatedAt = new Date()): SearchItem {
    const prev = this.guides.get(guide.code);
    this.guides.set(guide.code, {
      ...guide,
      version: (prev?.version ?? 0) + 1,
      updatedAt,
      department: guide.authority.name,
      hasGuide: true,
    });
    return guideToSearchItem(guide);
  }

  async getGuide(code: string): Promise<PublishedGuide | null> {
    return this.guides.get(code) ?? null;
  }

  async getSearchItem(code: string): Promise<SearchItem | null> {
    const g = this.guides.get(code);
    return g ? guideToSearchItem(g, g.department) : (this.lines.get(code) ?? null);
  }

  async listSearchItems(): Promise<SearchItem[]> {
    return [...[...this.guides.values()].map((g) => guideToSearchItem(g, g.department)), ...this.lines.values()];
  }

  /** Guide codes, for tools (eval, bench). */
  guideCodes(): string[] {
    return [...this.guides.keys()];
  }
}
