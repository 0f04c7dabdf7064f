import FlexSearch from "flexsearch";

/** The slice of FlexSearch's `Index` API used here (its .d.ts generics fight custom encoders). */
interface FlexIndex {
  add(id: number, content: string): unknown;
  remove(id: number): unknown;
  search(query: string, opts: { suggest: boolean; limit: number }): number[] | undefined;
  /** term → slot → ids (FlexSearch internals, read only for stats()). */
  map: Map<string, (number[] | undefined)[]>;
}
const FlexIndexCtor = (FlexSearch as unknown as { Index: new (opts: Record<string, unknown>) => FlexIndex }).Index;

/**
 * One field = one FlexSearch `Index` (`tokenize: "strict"`, suggest-mode queries). Its
 * `encode` is the field's tokeniser, but a caller that already has the tokens (SearchIndex
 * tokenises each field once, and the same tokens feed the document frequencies) hands them
 * over for the next encode call, so jieba never runs twice on the same text.
 */
export class FlexField {
  private readonly index: FlexIndex;
  private next: readonly string[] | undefined;

  constructor(resolution: number, tokenize: (s: string) => string[]) {
    this.index = new FlexIndexCtor({
      tokenize: "strict",
      resolution,
      // removal walks the id's own posting arrays instead of the whole index
      fastupdate: true,
      encode: (s: string) => {
        const t = this.next;
        this.next = undefined;
        return t ?? tokenize(s);
      },
    });
  }

  add(id: number, text: string, tokens: readonly string[]): void {
    if (!tokens.length) return;
    this.next = tokens;
    this.index.add(id, text || " ");
    this.next = undefined;
  }

  remove(id: number): void {
    this.index.remove(id);
  }

  /**
   * Suggest mode: ids by number of matched terms, then position bucket (FlexSearch's order).
   * Read only: for a one-term query FlexSearch may hand back its own posting array.
   */
  search(terms: readonly string[], limit: number): number[] {
    if (!terms.length) return [];
    this.next = [...new Set(terms)];
    try {
      // 0.8.212 returns undefined (not []) when a term's posting arrays were all emptied by removals
      return this.index.search(terms.join(" "), { suggest: true, limit }) ?? [];
    } finally {
      this.next = undefined;
    }
  }

  /** Number of ids a term's postings hold in this field (its document frequency here). */
  count(term: string): number {
    const slots = this.index.map.get(term);
    if (!slots) return 0;
    let n = 0;
    for (const ids of slots) n += ids?.length ?? 0;
    return n;
  }

  stats(): { postings: number; terms: number } {
    let postings = 0;
    for (const slots of this.index.map.values()) for (const ids of slots) postings += ids?.length ?? 0;
    return { postings, terms: this.index.map.size };
  }
}
