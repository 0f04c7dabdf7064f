import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { aspects, detectAspect } from "../../src/chat/aspects";
import { loadAspectCues } from "../../src/search";

const ASPECTS = aspects.filter((a) => a !== "overview");
const write = (text: string) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cues-")), "aspect-cues.yaml");
  fs.writeFileSync(file, text);
  return file;
};

/** The aspect cues are data staff extend (src/search/aspect-cues.yaml); a mistake in it is named, not swallowed. */
describe("aspect cues file", () => {
  it("is what chat reads: every plain phrase of the shipped file, asked alone, is read as its aspect or one that outranks it", () => {
    const groups = loadAspectCues(ASPECTS);
    const phrases = groups.flatMap((g) => g.phrases.map((p) => ({ p, aspect: g.aspect, strength: g.strength })));
    expect(phrases.length).toBeGreaterThan(200);
    const misread = phrases.filter(({ p, aspect, strength }) => {
      const m = detectAspect(p);
      return m.aspect !== aspect && m.strength < strength;
    });
    expect(misread).toEqual([]);
    // Only in the file, nowhere in code: the file is read.
    expect(detectAspect("号码是多少")).toMatchObject({ aspect: "contact" });
    expect(detectAspect("这个要几个钱")).toMatchObject({ aspect: "fees" });
  });

  it("names the entry of an unknown key, a group without cues, a pattern that does not compile, or an unknown aspect", () => {
    expect(() => loadAspectCues(ASPECTS, write("- aspect: fees\n  strength: 2\n  phrase: [多钱]\n"))).toThrow(/entry 1.*phrase/);
    expect(() => loadAspectCues(ASPECTS, write("- aspect: fees\n  strength: 2\n  phrases: [多钱]\n- aspect: fees\n  strength: 2\n"))).toThrow(/entry 2.*needs phrases or patterns/);
    expect(() => loadAspectCues(ASPECTS, write("- aspect: fees\n  strength: 2\n  patterns: ['(?<!交罚']\n"))).toThrow(/entry 1 \(fees\).*\(\?<!交罚.*does not compile/);
    expect(() => loadAspectCues(ASPECTS, write("- aspect: fees\n  strength: -1\n  phrases: [多钱]\n"))).toThrow(/entry 1 strength/);
    expect(() => loadAspectCues(ASPECTS, write("- aspect: fees\n  strength: 2\n  phrases: [多钱]\n- aspect: fee\n  strength: 2\n  phrases: [多钱]\n"))).toThrow(/entry 2: unknown aspect “fee”/);
  });
});
