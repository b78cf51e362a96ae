import { describe, expect, it } from "vitest";
import { createBoundaryIndex } from "../geometry/boundary-index.ts";
import { placeFootprints } from "./compound-layout.ts";
import { createLocalFrame } from "../geometry/local-frame.ts";
import { pointInArea, type Point } from "../geometry/polygon.ts";
import { createRandom } from "./prng.ts";
import { convexOverlap } from "../geometry/rectangles.ts";
import { areaDomain } from "../geometry/sampling.ts";
import { FIXTURES, SQUARE_WITH_HOLE } from "../geometry/test-fixtures.ts";

describe("placeFootprints", () => {
  it.each(FIXTURES)("keeps every compound inside its community (%s) and apart", (_, community) => {
    const requests = Array.from({ length: 40 }, (__, i) => ({ squareMetres: 5_000 + 2_000 * (i % 7) }));
    const footprints = placeFootprints(createRandom(1, "footprints"), areaDomain(community), createBoundaryIndex(community), requests);
    const placed = footprints.filter((footprint) => footprint !== null);
    expect(placed.length).toBeGreaterThan(30);
    const boundary = createBoundaryIndex(community);
    for (const footprint of placed) {
      expect(boundary.containsRing(footprint.ring)).toBe(true);
      for (const corner of footprint.ring) expect(pointInArea(corner as unknown as Point, community)).toBe(true);
    }
    const frame = createLocalFrame([102.72, 25.02]);
    const corners = placed.map((footprint) => footprint.ring.slice(0, 4).map((p) => frame.toMetres(p as unknown as Point)));
    for (let i = 0; i < corners.length; i++) {
      for (let j = i + 1; j < corners.length; j++) expect(convexOverlap(corners[i]!, corners[j]!)).toBe(false);
    }
  });

  it("never puts a compound in the hole (the lake)", () => {
    const requests = Array.from({ length: 60 }, () => ({ squareMetres: 8_000 }));
    const footprints = placeFootprints(createRandom(2, "footprints"), areaDomain(SQUARE_WITH_HOLE), createBoundaryIndex(SQUARE_WITH_HOLE), requests);
    const hole = createBoundaryIndex([[SQUARE_WITH_HOLE[0]![1]!.toReversed()]]);
    for (const footprint of footprints) {
      if (!footprint) continue;
      expect(footprint.ring.some((corner) => pointInArea(corner as unknown as Point, hole.area))).toBe(false);
    }
  });

  it("shrinks and finally drops what does not fit", () => {
    const tiny = [
      [
        [
          [102.7, 25.0],
          [102.7005, 25.0],
          [102.7005, 25.0005],
          [102.7, 25.0005],
          [102.7, 25.0],
        ],
      ],
    ];
    const footprints = placeFootprints(createRandom(3, "footprints"), areaDomain(tiny), createBoundaryIndex(tiny), [
      { squareMetres: 1_000_000 },
      { squareMetres: 400 },
    ]);
    expect(footprints[0]).toBeNull();
    expect(footprints[1]).not.toBeNull();
  });
});

function square(x: number, y: number, size: number): Point[] {
  return [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
  ];
}

describe("convexOverlap", () => {
  it.each([
    ["overlapping", square(0, 0, 2), square(1, 1, 2), true],
    ["apart", square(0, 0, 1), square(3, 0, 1), false],
    ["touching edges", square(0, 0, 1), square(1, 0, 1), false],
    ["one inside the other", square(0, 0, 4), square(1, 1, 1), true],
  ] as const)("%s", (_, a, b, expected) => {
    expect(convexOverlap(a, b)).toBe(expected);
  });
});
