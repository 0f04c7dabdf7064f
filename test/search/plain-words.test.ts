import { describe, expect, it } from "vitest";
import { analyzeQuery } from "../../src/search/query";
import { SynonymTable, loadDefaultSynonyms, loadPlainWords } from "../../src/search/synonyms";
import { SearchIndex } from "../../src/search/search-index";

// Issue 20: the word lists that decide what names no service live in src/search/plain-words.yaml,
// where staff extend them, not in code.
describe("plain words (src/search/plain-words.yaml)", () => {
  const synonyms = new SynonymTable(loadDefaultSynonyms());

  it("every person of the list is context in a question, never what names the item", () => {
    const { people } = loadPlainWords();
    expect(people.length).toBeGreaterThan(40);
    let read = 0;
    for (const p of people.filter((w) => [...w].length >= 2)) {
      const c = analyzeQuery(`给${p}办身份证`, synonyms).concepts.find((x) => x.source === p);
      if (!c) continue; // jieba cut the person into another word (给老 + 婆…): nothing to judge
      read++;
      expect(c.kind, p).toBe("context");
    }
    // Most people are read as a word of their own, so the check above is not empty.
    expect(read).toBeGreaterThan(30);
  });

  it("a circumstance of the list the catalog never saw does not make a question unknown", () => {
    const { circumstances } = loadPlainWords();
    expect(circumstances).toEqual(expect.arrayContaining(["县城", "门面", "生病"]));
    const index = new SearchIndex();
    index.rebuild([{ code: "A", name: "居民身份证补领", aliases: [], department: "公安局", hasGuide: false }]);
    for (const w of circumstances.filter((x) => [...x].length >= 2)) expect(index.search(`${w}身份证补领`).unknown, w).not.toContain(w);
  });
});
