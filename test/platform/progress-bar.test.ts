import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { trainModel } from "../../src/complaints/classifier/train";
import { DEFAULT_TRAIN_OPTIONS } from "../../src/complaints/classifier";
import { progressBar } from "../../src/platform/progress-bar";

/** A stream that says it is (or is not) a terminal, keeping what was written. */
function stream(isTTY: boolean) {
  const s = new PassThrough() as PassThrough & NodeJS.WriteStream & { text: () => string };
  let out = "";
  s.on("data", (d: Buffer) => (out += d.toString()));
  Object.assign(s, { isTTY, columns: 100, cursorTo: () => true, clearLine: () => true, moveCursor: () => true, text: () => out });
  return s;
}

describe("command-line progress bars", () => {
  it("draw on a terminal, reaching the total", () => {
    const tty = stream(true);
    const bar = progressBar("rows", 3, tty);
    for (let i = 1; i <= 3; i++) bar.update(i);
    bar.stop();
    expect(tty.text()).toMatch(/rows \[[█░]+\] 3\/3/);
  });

  it("write nothing where stderr is not a terminal (CI logs, pipes)", () => {
    const pipe = stream(false);
    const bar = progressBar("rows", 3, pipe);
    bar.update(3);
    bar.stop();
    expect(pipe.text()).toBe("");
  });

  it("complaints:train reports each step of a training run, up to the total", () => {
    const rows = Array.from({ length: 60 }, (_, i) => ({ text: i % 2 ? `噪音扰民 工地 ${i}` : `工资拖欠 老板 ${i}`, label: i % 2 ? "环境" : "劳动" }));
    const steps: [number, number, string][] = [];
    trainModel(rows, { ...DEFAULT_TRAIN_OPTIONS, calibrationFolds: 3 }, {}, (d, t, p) => steps.push([d, t, p]));
    expect(steps[0]).toEqual([0, 5, "features"]);
    expect(steps.at(-1)).toEqual([5, 5, "calibration"]);
    expect(steps.map((s) => s[0])).toEqual([...steps.map((s) => s[0])].sort((a, b) => a - b));
  });
});
