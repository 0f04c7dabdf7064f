import { describe, expect, it } from "vitest";
import { sniffImageType } from "../../src/complaints/images/image-type";
import { anonymiseText, districtOf } from "../../src/complaints/place";
import { textSimilarity } from "../../src/complaints/similarity";
import { JPEG_BYTES, PNG_BYTES, WEBP_BYTES } from "./helpers";

describe("complaint text rules", () => {
  it("treats near-identical texts as duplicates and different matters as different", () => {
    expect(textSimilarity("小区门口垃圾堆了一周没人清理", "小区门口的垃圾堆了一周没人清理！")).toBeGreaterThanOrEqual(0.8);
    expect(textSimilarity("小区门口垃圾堆了一周没人清理", "单位拖欠工资三个月")).toBeLessThan(0.2);
  });

  it("keeps the district of an address", () => {
    expect(districtOf("西宁市城西区五四大街12号")).toBe("西宁市城西区");
    expect(districtOf("青海省海东市互助县威远镇")).toBe("青海省海东市互助县");
    expect(districtOf(undefined)).toBeUndefined();
  });

  it("anonymises names, phones, ID numbers and house numbers", () => {
    const out = anonymiseText("我叫李建国，住八一路25号3单元502室，电话13812345678，身份证630102199001011234，座机0971-6123456，王女士也反映过");
    for (const s of ["李建国", "25号", "502", "13812345678", "199001011234", "6123456", "王女士"]) expect(out).not.toContain(s);
    expect(out).toContain("八一路");
    // A name before a title is starred beyond the family name, not just its last character.
    expect(anonymiseText("已联系李建国先生，问题已解决")).toBe("已联系李**先生，问题已解决");
    expect(anonymiseText("王女士反映")).toBe("*女士反映");
  });

  it("recognises images by magic bytes only", () => {
    expect(sniffImageType(PNG_BYTES)).toBe("image/png");
    expect(sniffImageType(JPEG_BYTES)).toBe("image/jpeg");
    expect(sniffImageType(WEBP_BYTES)).toBe("image/webp");
    expect(sniffImageType(Buffer.from("GIF89a......"))).toBeUndefined();
    expect(sniffImageType(Buffer.from("RIFF\0\0\0\0WAVE"))).toBeUndefined();
  });
});
