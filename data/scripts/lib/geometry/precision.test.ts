import { describe, expect, it } from "vitest";
import { ringSignedArea } from "./polygon.ts";
import { round6, roundArea, roundRing6, roundTo } from "./precision.ts";

describe("roundTo", () => {
  it.each([
    [102.123456789, 5, 102.12346],
    [-0.000001, 5, 0],
    [25.000005, 6, 25.000005],
  ])("%d to %i decimals", (value, decimals, expected) => {
    expect(Object.is(roundTo(value, decimals), expected)).toBe(true);
  });
});

describe("roundArea", () => {
  it("winds exteriors counter-clockwise and holes clockwise", () => {
    const clockwise = [
      [0, 0],
      [0, 1],
      [1, 1],
      [1, 0],
      [0, 0],
    ];
    const hole = [
      [0.2, 0.2],
      [0.8, 0.2],
      [0.8, 0.8],
      [0.2, 0.8],
      [0.2, 0.2],
    ];
    const [polygon] = roundArea([[clockwise, hole]], 5);
    expect(ringSignedArea(polygon![0]!)).toBeGreaterThan(0);
    expect(ringSignedArea(polygon![1]!)).toBeLessThan(0);
  });

  it("drops rings that collapse and repeated vertices", () => {
    const sliver = [
      [0, 0],
      [0.000001, 0],
      [0.000001, 0.000001],
      [0, 0],
    ];
    const square = [
      [0, 0],
      [1, 0],
      [1, 0.0000001],
      [1, 1],
      [0, 1],
      [0, 0],
    ];
    const rounded = roundArea([[sliver], [square]], 5);
    expect(rounded).toHaveLength(1);
    expect(rounded[0]![0]).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ]);
  });

  it("returns nothing for an empty area", () => {
    expect(roundArea([], 5)).toEqual([]);
  });
});

describe("round6 / roundRing6", () => {
  it.each([
    [102.12345649, 102.123456],
    [102.1234565, 102.123457],
    [-0.0000001, 0],
  ])("round6(%s) = %s", (value, expected) => {
    expect(Object.is(round6(value), expected)).toBe(true);
  });

  it("drops duplicates created by rounding", () => {
    expect(
      roundRing6([
        [0, 0],
        [0.0000001, 0],
        [1, 0],
      ]),
    ).toEqual([
      [0, 0],
      [1, 0],
    ]);
  });
});
