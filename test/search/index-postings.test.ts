import FlexSearch from "flexsearch";
import { describe, expect, it } from "vitest";
import { PostingDocument } from "../../src/search/postings";

/**
 * PostingDocument must return exactly what FlexSearch 0.8 returned for suggest-mode searches
 * (the candidate lists scoring.ts ranks), including order, after removals and re-adds.
 */
interface FlexIndex {
  add(id: number, content: string): void;
  remove(id: number): void;
  search(q: string, opts: Record<string, unknown>): number[];
}
const FlexIndexCtor = (FlexSearch as unknown as { Index: new (o: unknown) => FlexIndex }).Index;

function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

describe.each([9, 20])("PostingDocument vs FlexSearch Index (resolution %i)", (resolution) => {
  it("returns the same suggest-mode ids in the same order", () => {
    const rnd = rng(7 + resolution);
    // Zipf-ish vocabulary so some terms are in most documents and many are rare.
    const vocab = Array.from({ length: 300 }, (_, i) => `t${i}`);
    const pickTerm = () => vocab[Math.floor(vocab.length * rnd() ** 2.5)]!;
    const flex = new FlexIndexCtor({ encode: (s: string) => s.split(" ").filter(Boolean), resolution });
    const mine = new PostingDocument([{ field: "f", resolution }]);
    const docs = new Map<number, string[]>();
    let nextId = 1;
    const add = (terms: string[]) => {
      const id = nextId++;
      docs.set(id, terms);
      flex.add(id, terms.join(" "));
      mine.add(id, { f: terms });
      return id;
    };
    for (let i = 0; i < 1500; i++) add(Array.from({ length: 1 + Math.floor(rnd() * 40) }, pickTerm));
    // Updates: remove some, add replacements (new, higher ids), as SearchIndex.upsert does.
    for (let i = 0; i < 300; i++) {
      const id = 1 + Math.floor(rnd() * (nextId - 1));
      if (!docs.has(id)) continue;
      docs.delete(id);
      flex.remove(id);
      mine.remove(id);
      if (rnd() < 0.7) add(Array.from({ length: 1 + Math.floor(rnd() * 40) }, pickTerm));
    }
    let compared = 0;
    for (let q = 0; q < 400; q++) {
      const terms = Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => (rnd() < 0.1 ? "missing" : pickTerm()));
      for (const limit of [1, 10, 60, 500]) {
        const expected = flex.search(terms.join(" "), { suggest: true, limit });
        const got = mine.search([{ field: "f", terms }], limit)[0]?.result ?? [];
        expect(got, `${terms.join(" ")} limit ${limit}`).toEqual(expected);
        compared += expected.length;
      }
    }
    expect(compared).toBeGreaterThan(10_000);
  });

  it("compaction keeps results and drops dead postings", () => {
    const mine = new PostingDocument([{ field: "f", resolution }]);
    for (let id = 1; id <= 100; id++) mine.add(id, { f: [`a${id % 3}`, "b", `c${id % 7}`] });
    for (let id = 1; id <= 100; id += 2) mine.remove(id);
    const before = mine.search([{ field: "f", terms: ["b", "a1"] }], 60);
    mine.compact();
    expect(mine.search([{ field: "f", terms: ["b", "a1"] }], 60)).toEqual(before);
    expect(mine.stats().postings).toBe(50 * 3);
    expect(before[0]!.result.every((id) => id % 2 === 0)).toBe(true);
  });
});

describe("PostingDocument fields", () => {
  it("leaves out fields without hits and rejects non-increasing ids", () => {
    const d = new PostingDocument([{ field: "name" }, { field: "text", resolution: 20 }]);
    d.add(1, { name: ["驾驶证", "补领"], text: ["材料"] });
    d.add(2, { name: ["身份证"], text: [] });
    expect(d.search([{ field: "name", terms: ["补领"] }, { field: "text", terms: ["补领"] }], 10)).toEqual([{ field: "name", result: [1] }]);
    expect(() => d.add(2, { name: ["x"] })).toThrow();
  });
});
