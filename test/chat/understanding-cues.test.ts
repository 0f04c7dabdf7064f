import { beforeAll, describe, expect, it } from "vitest";
import { detectAspect } from "../../src/chat/aspects";
import { chatHarness } from "./harness";

// Issue 20: aspect cues and everyday words that the fresh evaluation sets D and E showed missing.
// The questions here are written for the test, not copied from those sets.
describe("aspect cues", () => {
  it.each([
    ["找哪个部门 is an authority question, and 找 is not left to name the item", "办健康证找哪个部门", "authority", "办健康证"],
    ["one office or another decides", "开烟酒店是市场监管局批还是烟草局批", "authority", "开烟酒店"],
    ["one office or another, without an office word", "这个证是县里批还是州里批", "authority", "这个证"],
    ["who of two people must apply is a condition", "过户是买家办还是卖家办", "conditions", "过户"],
    ["which law, whole", "落户是按哪个法规办的", "basis", "落户是按"],
    ["how long before it is too late is a condition", "医保报销过了多久就不能报了", "conditions", "医保报销过了"],
  ])("%s", (_why, question, aspect, restStart) => {
    const m = detectAspect(question);
    expect(m.aspect).toBe(aspect);
    expect(m.rest.trim().startsWith(restStart)).toBe(true);
  });
});

describe("everyday words for the thing (synonyms.yaml)", () => {
  let h: Awaited<ReturnType<typeof chatHarness>>;
  beforeAll(async () => {
    h = await chatHarness();
  });

  it.each([
    ["a torn household register is a damaged one to replace", "户口簿让孩子撕坏了 怎么补", "QH-630100-GAJ-003"],
    ["a marriage certificate that cannot be found is lost", "结婚证找不着了 咋补", "QH-630100-MZJ-003"],
  ])("%s", async (_why, question, code) => {
    expect((await h.user()(question)).itemCode).toBe(code);
  });
});
