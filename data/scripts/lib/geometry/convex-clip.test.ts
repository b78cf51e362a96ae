import { describe, expect, it } from "vitest";
import { intersectAreas } from "./clip.ts";
import { clipByConvexRing, clipSimpleByConvexRing, isConvexArea } from "./convex-clip.ts";
import { planarArea, type Ring } from "./polygon.ts";
import { CONVEX, L_SHAPE, SQUARE_WITH_HOLE, TWO_SQUARES } from "./test-fixtures.ts";

const cell = (west: number, south: number, east: number, north: number): Ring => [
  [west, south],
  [east, south],
  [east, north],
  [west, north],
  [west, south],
];

describe("isConvexArea", () => {
  it.each([
    ["convex polygon", CONVEX, true],
    ["L shape", L_SHAPE, false],
    ["polygon with a hole", SQUARE_WITH_HOLE, false],
    ["MultiPolygon", TWO_SQUARES, false],
  ] as const)("%s", (_, area, expected) => {
    expect(isConvexArea(area)).toBe(expected);
  });
});

// Areas are compared up to floating-point noise: the two clippers round differently.
describe("Sutherland-Hodgman against the general clipper", () => {
  const cells: [string, Ring][] = [
    ["inside", cell(102.705, 25.005, 102.71, 25.01)],
    ["across the edge", cell(102.72, 24.99, 102.76, 25.01)],
    ["across the corner", cell(102.69, 25.03, 102.71, 25.05)],
  ];
  it.each(cells)("convex subject, cell %s", (_, ring) => {
    const fast = clipByConvexRing(CONVEX[0]![0]!, ring);
    const expected = planarArea(intersectAreas(CONVEX, [[ring]]));
    expect(expected).toBeGreaterThan(0);
    expect(Math.abs(planarArea(fast ? [[fast]] : []) - expected)).toBeLessThan(1e-8 * expected);
  });

  it.each(cells)("L-shaped subject, cell %s", (_, ring) => {
    const fast = clipSimpleByConvexRing(L_SHAPE[0]![0]!, ring);
    expect(fast).not.toBe("fallback");
    const area = fast && fast !== "fallback" ? planarArea([[fast]]) : 0;
    const expected = planarArea(intersectAreas(L_SHAPE, [[ring]]));
    expect(Math.abs(area - expected)).toBeLessThan(1e-8 * expected);
  });

  it("asks for the general clipper when the result falls apart", () => {
    // A U shape cut across both arms: two separate pieces.
    const u: Ring = [
      [0, 0],
      [3, 0],
      [3, 3],
      [2, 3],
      [2, 1],
      [1, 1],
      [1, 3],
      [0, 3],
      [0, 0],
    ];
    expect(clipSimpleByConvexRing(u, cell(-1, 2, 4, 4))).toBe("fallback");
    expect(clipSimpleByConvexRing(u, cell(-1, -1, 4, 2))).not.toBe("fallback");
  });
});
