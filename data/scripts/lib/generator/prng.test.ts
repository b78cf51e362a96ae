import { describe, expect, it } from "vitest";
import { createRandom, hashKeys, hashString, hashUnit, Random } from "./prng.ts";

function draw(): number[] {
  const random = createRandom(20261031, "530102", "streets");
  return Array.from({ length: 50 }, () => random.next());
}

function first(...keys: (string | number)[]): number {
  return createRandom(...keys).next();
}

describe("seeded random streams", () => {
  it("repeat exactly for the same keys", () => {
    expect(draw()).toEqual(draw());
  });

  it("differ between keys (districts, purposes, seeds)", () => {
    expect(first(1, "530102", "streets")).not.toBe(first(1, "530103", "streets"));
    expect(first(1, "530102", "streets")).not.toBe(first(1, "530102", "grids"));
    expect(first(1, "530102", "streets")).not.toBe(first(2, "530102", "streets"));
  });

  it("do not confuse key boundaries", () => {
    expect(hashKeys("53", "0102")).not.toBe(hashKeys("530", "102"));
  });

  it("keep their values across versions (the committed data depends on them)", () => {
    expect(hashString("530102")).toBe(311882698);
    expect(createRandom(20261031, "530102", "streets").next()).toBe(0.9334244085475802);
    expect(hashUnit(1, "x")).toBeGreaterThanOrEqual(0);
    expect(hashUnit(1, "x")).toBeLessThan(1);
  });

  it("stay inside the requested ranges", () => {
    const random = new Random(7);
    for (let i = 0; i < 2000; i++) {
      const u = random.uniform(3, 5);
      expect(u).toBeGreaterThanOrEqual(3);
      expect(u).toBeLessThan(5);
      const n = random.int(1, 4);
      expect(Number.isInteger(n) && n >= 1 && n <= 4).toBe(true);
      const l = random.logNormal(100, 0.8, 30, 300);
      expect(l >= 30 && l <= 300).toBe(true);
    }
  });

  it("pick weighted values in proportion", () => {
    const random = new Random(11);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 10_000; i++)
      counts[
        random.weighted([
          ["a", 3],
          ["b", 1],
        ] as const)
      ] += 1;
    expect(counts.a / 10_000).toBeCloseTo(0.75, 1);
  });

  it("shuffle without mutating the input", () => {
    const items = Object.freeze([1, 2, 3, 4, 5]);
    const shuffled = new Random(3).shuffle(items);
    expect(shuffled.toSorted()).toEqual([1, 2, 3, 4, 5]);
  });
});
