import { describe, expect, it } from "vitest";
import { foldVariants } from "../../src/search/fold";
import { isTibetan } from "../../src/search/tokenizer";

describe("foldVariants", () => {
  it("folds traditional and variant characters onto the guides' simplified ones", () => {
    expect(foldVariants("駕照丟了怎麼補")).toBe("驾照丢了怎么补");
    expect(foldVariants("身份證過期")).toBe("身份证过期");
  });
  it("leaves text without such characters as it is, whatever its script", () => {
    for (const s of ["驾照丢了咋补", "", "ID card 123", "😀办证", "ཁྲིམས་ཡིག"]) expect(foldVariants(s)).toBe(s);
  });
});

describe("isTibetan", () => {
  it("is true when Tibetan letters are at least as many as Han characters", () => {
    expect(isTibetan("ཁྱེད་རང་གི་ལག་ཁྱེར")).toBe(true);
    expect(isTibetan("ལག་ཁྱེར 身份证")).toBe(true);
  });
  it("is false for Chinese, mostly-Chinese or other text", () => {
    expect(isTibetan("身份证丢了怎么补办")).toBe(false);
    expect(isTibetan("身份证丢了怎么补办 ཁ")).toBe(false);
    expect(isTibetan("passport 123")).toBe(false);
    expect(isTibetan("")).toBe(false);
  });
});
