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

  it("masks phones and ID numbers written with spaces, dashes or full-width digits", () => {
    for (const [input, hidden] of [
      ["请联系138-1234-5678", "1234"],
      ["电话 138 1234 5678", "1234"],
      ["电话１３８１２３４５６７８", "１２３４"],
      ["电话１３８１２３４５６７８", "1234"],
      ["+86 138 1234 5678 找我", "1234"],
      ["身份证 630102 19900101 123X", "19900101"],
      ["座机0971-612 3456", "6123456"],
    ] as const) {
      const out = anonymiseText(input);
      expect(out, input).not.toContain(hidden);
      expect(out.replace(/\D/g, "").length, input).toBeLessThanOrEqual(8); // no more than a masked phone shows
    }
    expect(anonymiseText("请联系138-1234-5678")).toBe("请联系138****5678");
    // Not numbers of a person: a date, short counts, Chinese punctuation untouched.
    expect(anonymiseText("2024-05-01晚上，3 个人，等了20分钟：没人管（西宁）")).toBe("2024-05-01晚上，3 个人，等了20分钟：没人管（西宁）");
  });

  it("masks the name in 联系人：王小明 and before job titles, and only the name", () => {
    expect(anonymiseText("联系人：王小明")).toBe("联系人：王**");
    expect(anonymiseText("联系人 王小明")).toBe("联系人 王**");
    expect(anonymiseText("请王经理回电")).toBe("请*经理回电");
    expect(anonymiseText("已通知王先生")).toBe("已通知*先生");
    expect(anonymiseText("通知王先生")).toBe("通知*先生");
    expect(anonymiseText("我和张主任反映过")).toBe("我和*主任反映过");
    expect(anonymiseText("欧阳建国女士来电")).toBe("欧阳**女士来电");
    expect(anonymiseText("欧阳女士来电")).toBe("**女士来电");
    expect(anonymiseText("李师傅说修不了")).toBe("*师傅说修不了");
    // A name with no listed surname before 先生/女士 is still starred.
    expect(anonymiseText("才让先生反映")).toBe("**先生反映");
  });

  it("leaves titles that name no one alone", () => {
    for (const s of ["学校老师不管", "公交经理部门不回电话", "大堂经理态度差", "项目经理不在", "居委会主任说不归他管", "车间主任让加班", "隔壁阿姨天天跳广场舞", "修车师傅说要等配件", "先生们女士们"]) {
      expect(anonymiseText(s), s).toBe(s);
    }
  });

  it("recognises images by magic bytes only", () => {
    expect(sniffImageType(PNG_BYTES)).toBe("image/png");
    expect(sniffImageType(JPEG_BYTES)).toBe("image/jpeg");
    expect(sniffImageType(WEBP_BYTES)).toBe("image/webp");
    expect(sniffImageType(Buffer.from("GIF89a......"))).toBeUndefined();
    expect(sniffImageType(Buffer.from("RIFF\0\0\0\0WAVE"))).toBeUndefined();
  });
});
