import { describe, expect, it } from "vitest";
import { apportion, gridAttributes, OVERLOAD_HOUSEHOLDS_PER_WORKER } from "./grid-attributes.ts";
import { Random } from "./prng.ts";

describe("apportion", () => {
  it.each([
    [100, [1, 1, 1]],
    [7, [0.2, 0.5, 0.3]],
    [0, [1, 2]],
    [5, [0, 0]],
    [13, [3]],
  ])("splits %i exactly", (total, weights) => {
    const parts = apportion(total, weights);
    expect(parts.reduce((sum, part) => sum + part, 0)).toBe(total);
    expect(parts.every((part) => Number.isInteger(part) && part >= 0)).toBe(true);
  });

  it("returns nothing for no weights", () => {
    expect(apportion(10, [])).toEqual([]);
  });
});

function tally(households: number) {
  return { id: "g", name: "网格", communityCode: "530102001001", households, buildings: 10 };
}

describe("gridAttributes", () => {
  it("names a worker exactly when there is one", () => {
    const random = new Random(5);
    for (let i = 0; i < 500; i++) {
      const grid = gridAttributes(random, tally(300));
      expect(grid.workerName === null).toBe(grid.workers === 0);
    }
  });

  it("leaves a share of large grids overloaded and some unstaffed", () => {
    const random = new Random(6);
    const grids = Array.from({ length: 2000 }, () => gridAttributes(random, tally(800)));
    const overloaded = grids.filter((g) => g.workers > 0 && g.households / g.workers > OVERLOAD_HOUSEHOLDS_PER_WORKER).length;
    expect(overloaded / grids.length).toBeGreaterThan(0.2);
    expect(overloaded / grids.length).toBeLessThan(0.5);
    expect(grids.some((g) => g.workers === 0)).toBe(true);
  });
});
