import { describe, expect, it } from "vitest";
import { generateApplicationNumber, normalizeApplicationNumber } from "../../src/applications";
import { sh } from "./harness";

describe("application numbers", () => {
  it("are QH + Shanghai date + random part + check character, and unrelated to each other", () => {
    const a = generateApplicationNumber(sh("2025-10-01 00:30"));
    const b = generateApplicationNumber(sh("2025-10-01 00:30"));
    expect(a).toMatch(/^QH20251001[0-9A-Z]{11}$/);
    expect(a).not.toBe(b);
    expect(a.slice(10, 20)).not.toBe(b.slice(10, 20));
    expect(normalizeApplicationNumber(a)).toBe(a);
  });

  it("reads what citizens type: lower case, spaces, dashes, O for 0 and I/L for 1", () => {
    const n = generateApplicationNumber(new Date());
    expect(normalizeApplicationNumber(` ${n.slice(0, 10).toLowerCase()}-${n.slice(10)} `)).toBe(n);
    const withZero = Array.from({ length: 200 }, () => generateApplicationNumber(new Date())).find((x) => x.slice(10).includes("0"));
    if (withZero) expect(normalizeApplicationNumber(withZero.slice(0, 10) + withZero.slice(10).replaceAll("0", "O"))).toBe(withZero);
  });

  it("catches every single mistyped character with the check character", () => {
    const n = generateApplicationNumber(new Date());
    const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    for (let i = 2; i < n.length; i++) {
      for (const c of alphabet) {
        if (c === n[i] || (i < 10 && !/\d/.test(c))) continue;
        expect(normalizeApplicationNumber(n.slice(0, i) + c + n.slice(i + 1))).toBeUndefined();
      }
    }
  });
});
