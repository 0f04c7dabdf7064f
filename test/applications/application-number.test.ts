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
    // The date part always has both: 20251001 typed as 2O25IOOl.
    const dated = generateApplicationNumber(sh("2025-10-01 09:00"));
    expect(dated.slice(2, 10)).toBe("20251001");
    expect(normalizeApplicationNumber(`QH2O25IOOl${dated.slice(10)}`)).toBe(dated);
    // And in the random part (a 0 and a 1 appear in one of 1000 numbers all but surely).
    const numbers = Array.from({ length: 1000 }, () => generateApplicationNumber(new Date()));
    const withZero = numbers.find((x) => x.slice(10).includes("0"));
    const withOne = numbers.find((x) => x.slice(10).includes("1"));
    expect(withZero).toBeDefined();
    expect(withOne).toBeDefined();
    expect(normalizeApplicationNumber(withZero!.slice(0, 10) + withZero!.slice(10).replaceAll("0", "O"))).toBe(withZero);
    expect(normalizeApplicationNumber(withOne!.slice(0, 10) + withOne!.slice(10).replaceAll("1", "I"))).toBe(withOne);
    expect(normalizeApplicationNumber(withOne!.slice(0, 10) + withOne!.slice(10).replaceAll("1", "l"))).toBe(withOne);
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
