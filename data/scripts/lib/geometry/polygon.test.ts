import { describe, expect, it } from "vitest";
import type { Position } from "geojson";
import { bboxOf, bboxOfAllRings, bboxesIntersect, closeRing, closedRingSignedArea, ringSignedArea, toArea, toGeometry, toGeometryOrNull } from "./polygon.ts";

const square: Position[] = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
  [0, 0],
];

describe("toArea / toGeometry", () => {
  it("round-trips a Polygon and a MultiPolygon", () => {
    const poly = { type: "Polygon" as const, coordinates: [square] };
    expect(toGeometryOrNull(toArea(poly))).toEqual(poly);
    expect(toGeometry(toArea(poly))).toEqual(poly);
    const multi = { type: "MultiPolygon" as const, coordinates: [[square], [square]] };
    expect(toGeometryOrNull(toArea(multi))).toEqual(multi);
    expect(toGeometry(toArea(multi))).toEqual(multi);
  });

  it("gives null, or an empty MultiPolygon, for no polygon at all", () => {
    expect(toGeometryOrNull([])).toBeNull();
    expect(toGeometry([])).toEqual({ type: "MultiPolygon", coordinates: [] });
  });
});

describe("signed ring areas", () => {
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
  ])("closed ring %# has signed area %s either way", (ring, expected) => {
    expect(ringSignedArea(ring)).toBeCloseTo(expected);
    expect(closedRingSignedArea(ring)).toBeCloseTo(expected);
  });

  it("counts an open ring's closing edge only in ringSignedArea", () => {
    const open = square.slice(0, -1).map(([x = 0, y = 0]) => [x + 1, y + 1]);
    expect(ringSignedArea(open)).toBeCloseTo(1);
    expect(closedRingSignedArea(open)).toBeCloseTo(1.5);
  });
});

describe("bounding boxes", () => {
  it("computes and compares boxes", () => {
    const box = bboxOfAllRings({ type: "Polygon", coordinates: [square] });
    expect(box).toEqual([0, 0, 1, 1]);
    expect(bboxOf([[square]])).toEqual(box);
    expect(bboxesIntersect(box, [1, 1, 2, 2])).toBe(true);
    expect(bboxesIntersect(box, [1.5, 0, 2, 1])).toBe(false);
  });

  it("bounds a hole that sticks out only in bboxOfAllRings", () => {
    const outside = [
      [2, 2],
      [3, 2],
      [3, 3],
      [2, 2],
    ];
    expect(bboxOf([[square, outside]])).toEqual([0, 0, 1, 1]);
    expect(bboxOfAllRings({ type: "Polygon", coordinates: [square, outside] })).toEqual([0, 0, 3, 3]);
  });
});

describe("closeRing", () => {
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
