import { describe, expect, it } from "vitest";
import { intersectAreas } from "./clip.ts";
import { planarArea, pointInArea, type Area } from "./polygon.ts";
import { createRandom } from "../generator/prng.ts";
import { areaDomain, bestCandidatePoints } from "./sampling.ts";
import { FIXTURES } from "./test-fixtures.ts";
import { tileByVoronoi } from "./voronoi-tiling.ts";

function tile(parent: Area, count: number, seed = 1) {
  const seeds = bestCandidatePoints(createRandom(seed, "tiling-test"), areaDomain(parent), count);
  return { seeds, pieces: tileByVoronoi(parent, seeds) };
}

describe("tileByVoronoi", () => {
  describe.each(FIXTURES)("%s", (_, parent) => {
    it.each([1, 2, 7, 30])("covers the parent exactly with %i pieces", (count) => {
      const { seeds, pieces } = tile(parent, count);
      expect(pieces).toHaveLength(count);
      const total = pieces.reduce((sum, piece) => sum + planarArea(piece), 0);
      expect(total).toBeCloseTo(planarArea(parent), 12);
      pieces.forEach((piece, index) => {
        expect(planarArea(piece)).toBeGreaterThan(0);
        expect(pointInArea(seeds[index]!, piece)).toBe(true);
      });
    });

    it("gives pieces that do not overlap", () => {
      const { pieces } = tile(parent, 12, 2);
      for (let i = 0; i < pieces.length; i++) {
        for (let j = i + 1; j < pieces.length; j++) {
          expect(planarArea(intersectAreas(pieces[i]!, pieces[j]!))).toBeLessThan(1e-12);
        }
      }
    });
  });

  it("keeps the parent's hole out of every piece", () => {
    const [, parent] = FIXTURES[2]!;
    const { pieces } = tile(parent, 10);
    for (const piece of pieces) expect(pointInArea([102.7275, 25.0275], piece)).toBe(false);
  });

  it("gives most pieces a single polygon, handing cut-off parts to a neighbour", () => {
    const [, parent] = FIXTURES[1]!;
    for (let seed = 1; seed <= 5; seed++) {
      const { pieces } = tile(parent, 20, seed);
      for (const piece of pieces) expect(piece).toHaveLength(1);
    }
  });

  it("rejects a seed outside the parent", () => {
    const [, parent] = FIXTURES[0]!;
    expect(() =>
      tileByVoronoi(parent, [
        [102.705, 25.005],
        [100, 20],
      ]),
    ).toThrow(/outside its parent/);
  });

  it("is deterministic", () => {
    const [, parent] = FIXTURES[2]!;
    expect(JSON.stringify(tile(parent, 9, 3).pieces)).toBe(JSON.stringify(tile(parent, 9, 3).pieces));
  });
});
