import { describe, expect, it } from "vitest";
import { foldVariants } from "../../src/search/fold";
import { isTibetan } from "../../src/search/tokenizer";

describe("foldVariants", () => {
  it("folds traditional and variant characters onto the guides' simplified ones", () => {
    expect(foldVariants("駕照丟了怎麼補")).toBe("驾照丢了怎么补");
    expect(foldVariants("身份證過期")).toBe("身份证过期");
  });
  it("folds the characters the hand-made 110-character table did not know, phrase by phrase", () => {
    // The old table returned 衛生许可证, 个體工商户, 地址變了, 頭发, 乾淨 and 爲什么 here.
    expect(foldVariants("衛生許可證怎麼辦")).toBe("卫生许可证怎么办");
    expect(foldVariants("個體工商戶註冊")).toBe("个体工商户注册");
    expect(foldVariants("營業執照地址變了")).toBe("营业执照地址变了");
    expect(foldVariants("剪頭髮要預約嗎")).toBe("剪头发要预约吗");
    expect(foldVariants("房子要乾淨")).toBe("房子要干净");
    expect(foldVariants("爲什麼還沒審批")).toBe("为什么还没审批");
    // Phrase-aware where a character table cannot be: 乾隆 is a name, 著作權 keeps 著.
    expect(foldVariants("乾隆年間的檔案")).toBe("乾隆年间的档案");
    expect(foldVariants("著作權登記")).toBe("著作权登记");
  });
  it("leaves text without such characters as it is, whatever its script", () => {
    for (const s of ["驾照丢了咋补", "", "ID card 123", "😀办证", "ཁྲིམས་ཡིག", "身份证换领要带什么", "有一坏人", "皇后", "著作权"]) expect(foldVariants(s)).toBe(s);
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

// Issue 20, sets H–J: Qinghai speech (src/search/dialect.yaml) read as Mandarin.
describe("dialect words", () => {
  it("阿门/阿么 is 怎么, 阿扎 is 哪里, 尕 is 小", async () => {
    const { foldVariants } = await import("../../src/search/fold");
    expect(foldVariants("驾照丢了阿门补")).toBe("驾照丢了怎么补");
    expect(foldVariants("在阿扎办")).toBe("在哪里办");
    expect(foldVariants("开个尕饭馆")).toBe("开个小饭馆");
    expect(foldVariants("身份证丢了咋补")).toBe("身份证丢了咋补");
  });
});
