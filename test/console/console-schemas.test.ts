import { describe, expect, it } from "vitest";
import {
  complaintActionForm, complaintActionParams, guideEditForm, parse, readNewItemForm, revisionForm, synonymForm,
} from "../../src/console/http/schemas";
import { isAppError } from "../../src/platform/errors";

const thrown = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("nothing thrown");
};

describe("console form schemas", () => {
  it("turns a bad form into form_invalid (400) naming the fields in Chinese, zod's findings in the details", () => {
    const e = thrown(() => parse(revisionForm, { revision: "abc" }));
    expect(isAppError(e) && [e.publicCode, e.status]).toEqual(["form_invalid", 400]);
    expect((e as Error).message).toBe("以下字段的内容不符合要求：revision");
    expect((e as { details?: { issues: { path: string }[] } }).details?.issues.map((i) => i.path)).toEqual(["revision"]);
  });

  it("reads a complaint move's path and its form as the admin API's body", () => {
    expect(parse(complaintActionParams, { ref: "QH1", action: "extension", sub: "decision" })).toEqual({ ref: "QH1", action: "extension/decision" });
    expect(parse(complaintActionParams, { ref: "QH1", action: "sign" })).toEqual({ ref: "QH1", action: "sign" });
    const body = parse(complaintActionForm, { _csrf: "t", approve: "false", upheld: "true", workdays: " 3 ", note: "说明", reason: " " });
    expect(body).toEqual({ approve: false, upheld: true, workdays: 3, note: "说明" });
    // A day count that is not one goes on as typed: the admin API's schema names the field.
    expect(parse(complaintActionForm, { workdays: "三" })).toEqual({ workdays: "三" });
  });

  it("splits a synonym's words on commas of either width, 、 and spaces", () => {
    expect(parse(synonymForm, { terms: "护照, 出国证件，通行证", canonical: "普通护照签发、 换发" })).toEqual({ terms: ["护照", "出国证件", "通行证"], canonical: ["普通护照签发", "换发"] });
    expect(isAppError(thrown(() => parse(synonymForm, { terms: " ", canonical: "x" })))).toBe(true);
  });

  it("takes the edit form's revision as a number, none when empty, and refuses anything else", () => {
    expect(parse(guideEditForm, { revision: "" }).revision).toBeUndefined();
    expect(parse(guideEditForm, { revision: "4" }).revision).toBe(4);
    expect(isAppError(thrown(() => parse(guideEditForm, { revision: "4x" })))).toBe(true);
  });

  it("shows a bad item code beside its field, and refuses a malformed knowledge-gap reference", () => {
    const r = readNewItemForm({ code: "  bad code!", name: "养蜂备案" });
    expect([r.code, r.parsed.guide, r.parsed.errors.code]).toEqual(["bad code!", undefined, "事项编码只能包含字母、数字、点、横线和下划线"]);
    expect(readNewItemForm({ code: "QH-1", from: "" }).from).toBeUndefined();
    expect(isAppError(thrown(() => readNewItemForm({ code: "QH-1", from: "not-a-uuid" })))).toBe(true);
  });
});
