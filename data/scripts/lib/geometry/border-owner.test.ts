import { describe, expect, it } from "vitest";
import type { Polygon, Position } from "geojson";
import { edgeLengthMetres, longestBorderOwner, pointSegmentDistance2, sharedBorderLengths } from "./border-owner.ts";

const rect = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
  type: "Polygon",
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});

describe("pointSegmentDistance2", () => {
  it.each([
    [[1, 1], [0, 0], [2, 0], 1],
    [[3, 0], [0, 0], [2, 0], 1],
    [[1, 0], [0, 0], [2, 0], 0],
    [[0, 2], [0, 0], [0, 0], 4],
  ] as const)("%j to %j-%j", (p, a, b, expected) => {
    expect(pointSegmentDistance2([...p], [...a], [...b])).toBeCloseTo(expected);
  });
});

describe("edgeLengthMetres", () => {
  it("measures a degree of latitude as about 111 km", () => {
    expect(edgeLengthMetres([102, 25], [102, 26])).toBeCloseTo(111_320, -1);
  });

  it("shrinks longitude by the cosine of latitude", () => {
    expect(edgeLengthMetres([0, 60], [1, 60])).toBeCloseTo(55_660, -2);
  });
});

describe("longestBorderOwner", () => {
  // A 1x1 gap at (1..2, 0..1): "left" touches its west side, "below" its south and east sides.
  const gap: Position[] = [
    [1, 0],
    [1, 1],
    [2, 1],
    [2, 0],
    [1, 0],
  ];
  const left = { code: "530102", geometry: rect(0, 0, 1, 1) };
  const southEast = {
    code: "530103",
    geometry: {
      type: "Polygon" as const,
      coordinates: [
        [
          [0, -1],
          [3, -1],
          [3, 1],
          [2, 1],
          [2, 0],
          [0, 0],
          [0, -1],
        ],
      ],
    },
  };
  const top = { code: "530111", geometry: rect(1, 1, 2, 2) };

  it("credits each side of the gap to the touching district", () => {
    const lengths = sharedBorderLengths(gap, [left, southEast, top]);
    expect([...lengths.keys()].toSorted()).toEqual(["530102", "530103", "530111"]);
    expect(lengths.get("530103")).toBeGreaterThan(lengths.get("530102") ?? 0);
  });

  it("picks the district with the longest shared border", () => {
    expect(longestBorderOwner(gap, [left, southEast, top])).toBe("530103");
  });

  it("does not depend on the order of the candidates", () => {
    expect(longestBorderOwner(gap, [top, southEast, left])).toBe("530103");
  });

  it("fails without candidates", () => {
    expect(() => longestBorderOwner(gap, [])).toThrow(/No candidate/);
  });
});
