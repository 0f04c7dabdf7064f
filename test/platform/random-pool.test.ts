import { describe, expect, it } from "vitest";
import { createRandomPool } from "../../src/platform/random-pool";

describe("random pool", () => {
  it("hands out distinct random bytes across refills, each caller its own copy", () => {
    const draw = createRandomPool(64);
    const seen = new Set<string>();
    const drawn: Buffer[] = [];
    for (let i = 0; i < 50; i++) {
      const b = draw(i % 3 === 0 ? 24 : 16); // 24 does not divide 64: draws straddle refills
      expect(b.length).toBe(i % 3 === 0 ? 24 : 16);
      seen.add(b.toString("hex"));
      drawn.push(b);
    }
    expect(seen.size).toBe(50);
    // Not all zero: the pool was filled before the first draw.
    expect(drawn.every((b) => b.some((x) => x !== 0))).toBe(true);
    const copy = Buffer.from(drawn[0]!);
    drawn[1]!.fill(0); // changing one draw changes no other
    expect(drawn[0]).toEqual(copy);
  });
  it("draws more than the pool holds directly", () => {
    const draw = createRandomPool(16);
    const b = draw(100);
    expect(b.length).toBe(100);
    expect(new Set(b).size).toBeGreaterThan(20);
  });
});
