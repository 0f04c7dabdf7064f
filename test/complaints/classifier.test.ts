import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  coverageAt,
  deserializeModel,
  evaluate,
  loadModel,
  predictNaiveBayes,
  readLabelledJsonl,
  serializeModel,
  splitHeldOut,
  stableHash,
  stratifiedFolds,
  trainModel,
  trainNaiveBayes,
  classifyWith,
} from "../../src/complaints/classifier/index";
import { extractTerms } from "../../src/complaints/classifier/text-features";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const dataFile = path.resolve(repoRoot, "../shared/data/messages-labeled-train.jsonl");
const hasData = existsSync(dataFile);

describe("metrics", () => {
  // truth: a a a b b c ; predicted: a a b b c c
  const truth = ["a", "a", "a", "b", "b", "c"];
  const predicted = ["a", "a", "b", "b", "c", "c"];
  const r = evaluate(truth, predicted, ["a", "b", "c"]);

  it("computes accuracy and the confusion matrix", () => {
    expect(r.accuracy).toBeCloseTo(4 / 6);
    expect(r.confusion).toEqual([
      [2, 1, 0],
      [0, 1, 1],
      [0, 0, 1],
    ]);
  });

  it("computes per-class precision, recall, F1 and their macro average", () => {
    const [a, b, c] = r.perClass;
    expect([a!.precision, a!.recall, a!.f1]).toEqual([1, 2 / 3, 0.8]);
    expect([b!.precision, b!.recall, b!.f1]).toEqual([0.5, 0.5, 0.5]);
    expect(c!.precision).toBeCloseTo(0.5);
    expect(c!.recall).toBe(1);
    expect(c!.f1).toBeCloseTo(2 / 3);
    expect(r.macroF1).toBeCloseTo((0.8 + 0.5 + 2 / 3) / 3);
  });

  it("counts a never-predicted class as F1 0 in the macro average", () => {
    const z = evaluate(["a", "b"], ["a", "a"], ["a", "b"]);
    expect(z.perClass[1]).toMatchObject({ precision: 0, recall: 0, f1: 0, support: 1 });
    expect(z.macroF1).toBeCloseTo((2 / 3 + 0) / 2);
  });

  it("reports coverage and accuracy above a confidence threshold", () => {
    expect(coverageAt(["a", "b", "c", "d"], ["a", "x", "c", "x"], [0.9, 0.8, 0.4, 0.2], 0.5)).toEqual({
      threshold: 0.5,
      coverage: 0.5,
      accuracy: 0.5,
    });
  });
});

describe("split", () => {
  const messages = Array.from({ length: 50 }, (_, i) => ({ text: `message ${i}`, label: i % 5 === 0 ? "rare" : "common" }));

  it("uses a stable, platform-independent hash (FNV-1a 32-bit)", () => {
    expect(stableHash("")).toBe(0x811c9dc5);
    expect(stableHash("a")).toBe(0xe40c292c);
  });

  it("is deterministic, disjoint, complete and stratified", () => {
    const s1 = splitHeldOut(messages);
    const s2 = splitHeldOut([...messages].reverse());
    expect(new Set(s1.heldOut.map((m) => m.text))).toEqual(new Set(s2.heldOut.map((m) => m.text)));
    const held = new Set(s1.heldOut);
    expect(s1.train.some((m) => held.has(m))).toBe(false);
    expect(s1.train.length + s1.heldOut.length).toBe(50);
    expect(s1.heldOut.filter((m) => m.label === "rare")).toHaveLength(2); // ceil(10 * 0.2)
    expect(s1.heldOut.filter((m) => m.label === "common")).toHaveLength(8); // ceil(40 * 0.2)
  });

  it("assigns stratified folds of near-equal size", () => {
    const folds = stratifiedFolds(messages, 5);
    for (let f = 0; f < 5; f++) expect(folds.filter((g) => g === f)).toHaveLength(10);
  });

  it("gives an independent, equally stratified fold assignment per seed (repeated CV)", () => {
    const first = stratifiedFolds(messages, 5);
    const other = stratifiedFolds(messages, 5, "1");
    expect(stratifiedFolds(messages, 5, "")).toEqual(first);
    expect(stratifiedFolds(messages, 5, "1")).toEqual(other);
    expect(other).not.toEqual(first);
    for (let f = 0; f < 5; f++) {
      expect(other.filter((g) => g === f)).toHaveLength(10);
      expect(other.filter((g, i) => g === f && messages[i]!.label === "rare")).toHaveLength(2);
    }
  });
});

describe("features", () => {
  it("counts character 1-3-grams, skips punctuation-only grams and folds full-width digits", () => {
    const t = extractTerms("路灯，２０号", { ngramMin: 1, ngramMax: 3, words: false, collapseDigits: true, headChars: 2 });
    expect(t.get("路灯")).toBe(1);
    expect(t.get("，")).toBeUndefined();
    expect(t.get("灯,")).toBe(1); // NFKC turns the full-width comma into ","
    expect(t.get("0号")).toBe(1); // "２０" -> "20" -> "0"
    expect(t.get("h:路灯")).toBe(1);
    expect(t.get("h:灯,")).toBeUndefined(); // outside the 2-character head
  });
});

describe("training code path (tiny model)", () => {
  const tiny = [
    ...["小区路灯坏了", "道路施工噪音", "小区物业乱收费", "路面塌陷"].map((text) => ({ text, label: "城乡建设" })),
    ...["学校乱收补课费", "老师体罚学生", "学校食堂卫生差", "幼儿园学位不足"].map((text) => ({ text, label: "教育文体" })),
  ];
  const model = trainModel(tiny, { features: { ngramMin: 1, ngramMax: 2, words: false, collapseDigits: true, headChars: 0 }, minDf: 1, maxFeatures: 1000, C: 1, balanced: true, calibrationFolds: 2 });

  it("learns the training examples and returns calibrated scores that sum to 1", () => {
    const r = classifyWith(model, "学校补课收费");
    expect(r.category).toBe("教育文体");
    expect(Object.values(r.scores).reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    expect(r.confidence).toBe(r.scores["教育文体"]);
  });

  it("survives a save/load round trip with the same predictions", () => {
    const again = deserializeModel(serializeModel(model));
    for (const m of tiny) expect(classifyWith(again, m.text).confidence).toBeCloseTo(classifyWith(model, m.text).confidence, 3);
  });

  it("trains the naive-Bayes baseline", () => {
    const nb = trainNaiveBayes(tiny.map((m) => m.text), tiny.map((m) => m.label));
    expect(predictNaiveBayes(nb, "学校食堂")).toBe("教育文体");
  });
});

describe.skipIf(!hasData)("committed model on the held-out split", () => {
  it("clearly beats the NB baseline and keeps its measured macro-F1", () => {
    const { train, heldOut } = splitHeldOut(readLabelledJsonl(dataFile));
    const classifier = loadModel();
    expect(classifier.model.info.part).not.toBe("all"); // an --all model has seen the held-out part
    const truth = heldOut.map((m) => m.label);
    const labels = classifier.model.labels;
    const svm = evaluate(truth, heldOut.map((m) => classifier.classify(m.text).category), labels);
    const nb = trainNaiveBayes(train.map((m) => m.text), train.map((m) => m.label));
    const base = evaluate(truth, heldOut.map((m) => predictNaiveBayes(nb, m.text)), labels);
    // Measured 0.894 (NB 0.829). The 0.90 goal is not met yet: this floor guards against regressions.
    expect(svm.macroF1).toBeGreaterThanOrEqual(0.87);
    expect(svm.macroF1 - base.macroF1).toBeGreaterThanOrEqual(0.04);
  }, 20_000);
});

describe("classify CLI", () => {
  it("writes one result per input line, in order, with errors in place, and exits non-zero", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "complaints-"));
    const file = path.join(dir, "in.jsonl");
    writeFileSync(file, ['{"text":"学校老师体罚学生"}', "not json", '{"title":"no text"}', '{"text":"小区垃圾无人清运，污水横流"}', ""].join("\n"));
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/complaints-classify.ts", file], { cwd: repoRoot, encoding: "utf8" });
    expect(run.status).toBe(1);
    const lines = run.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ category: "教育文体" });
    expect(lines[0].confidence).toBeGreaterThan(0);
    expect(lines[1]).toHaveProperty("error");
    expect(lines[2]).toHaveProperty("error");
    expect(Object.keys(lines[3])).toEqual(["category", "confidence"]);
  }, 20_000);

  it("reads stdin when the argument is -", () => {
    const out = execFileSync(process.execPath, ["--import", "tsx", "scripts/complaints-classify.ts", "-"], {
      cwd: repoRoot,
      input: '{"text":"医院乱收费，看病贵"}\n',
      encoding: "utf8",
    });
    expect(out.trim().split("\n")).toHaveLength(1);
    expect(JSON.parse(out)).toHaveProperty("category");
  }, 20_000);
});
