import { describe, expect, it } from "vitest";
import type { Position } from "geojson";
import { bboxOf, bboxesOverlap, closeRing, fromParts, partsOf, ringSignedArea, round6, roundRing } from "./geom.ts";

const square: Position[] = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
  [0, 0],
];

describe("partsOf / fromParts", () => {
  it("round-trips a Polygon and a MultiPolygon", () => {
    const poly = { type: "Polygon" as const, coordinates: [square] };
    expect(fromParts(partsOf(poly))).toEqual(poly);
    const multi = { type: "MultiPolygon" as const, coordinates: [[square], [square]] };
    expect(fromParts(partsOf(multi))).toEqual(multi);
    expect(fromParts([])).toBeNull();
  });
});

describe("ringSignedArea", () => {
  it.each([
    [square, 1],
    [square.toReversed(), -1],
    [
      [
        [0, 0],
        [2, 0],
        [0, 2],
        [0, 0],
      ],
      2,
    ],
  ])("ring %# has signed area %s", (ring, expected) => {
    expect(ringSignedArea(ring)).toBeCloseTo(expected);
  });
});

describe("bounding boxes", () => {
  it("computes and compares boxes", () => {
    const box = bboxOf({ type: "Polygon", coordinates: [square] });
    expect(box).toEqual([0, 0, 1, 1]);
    expect(bboxesOverlap(box, [1, 1, 2, 2])).toBe(true);
    expect(bboxesOverlap(box, [1.5, 0, 2, 1])).toBe(false);
  });
});

describe("rounding", () => {
  it.each([
    [102.12345649, 102.123456],
    [102.1234565, 102.123457],
    [-0.0000001, 0],
  ])("round6(%s) = %s", (value, expected) => {
    expect(round6(value)).toBe(expected);
  });

  it("drops duplicates created by rounding", () => {
    expect(
      roundRing([
        [0, 0],
        [0.0000001, 0],
        [1, 0],
      ]),
    ).toEqual([
      [0, 0],
      [1, 0],
    ]);
  });

  it("closes open rings and leaves closed ones", () => {
    expect(
      closeRing([
        [0, 0],
        [1, 0],
        [1, 1],
      ]),
    ).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ]);
    expect(closeRing(square)).toBe(square);
  });
});
