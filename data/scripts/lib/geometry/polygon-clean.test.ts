import { describe, expect, it } from "vitest";
import type { Polygon } from "geojson";
import { type District, areaKm2, dropSmallParts, fillGaps, interiorGaps, makeValid, pairwiseOverlaps, removeOverlaps } from "./polygon-clean.ts";
import { validityIssues } from "./validity.ts";

// Work near Kunming with 0.01° squares (about 1 km²) so areas are realistic.
const x0 = 102.7;
const y0 = 25;
const s = 0.01;
const rect = (a: number, b: number, c: number, d: number): Polygon => ({
  type: "Polygon",
  coordinates: [
    [
      [x0 + a * s, y0 + b * s],
      [x0 + c * s, y0 + b * s],
      [x0 + c * s, y0 + d * s],
      [x0 + a * s, y0 + d * s],
      [x0 + a * s, y0 + b * s],
    ],
  ],
});
const district = (code: string, geometry: Polygon): District => ({ code, name: code, geometry });

describe("makeValid", () => {
  it("turns a bow tie into two valid triangles", () => {
    const bowTie: Polygon = {
      type: "Polygon",
      coordinates: [
        [
          [x0, y0],
          [x0 + s, y0 + s],
          [x0 + s, y0],
          [x0, y0 + s],
        ],
      ],
    };
    const valid = makeValid(bowTie);
    expect(valid?.type).toBe("MultiPolygon");
    expect(validityIssues(valid ?? bowTie)).toEqual([]);
  });

  it("removes a spike and closes and rewinds the ring", () => {
    const c = rect(0, 0, 1, 1).coordinates[0] ?? [];
    const spiky: Polygon = { type: "Polygon", coordinates: [[c[0] ?? [], c[1] ?? [], [x0 + 2 * s, y0], c[1] ?? [], c[2] ?? [], c[3] ?? []].toReversed()] };
    const valid = makeValid(spiky);
    expect(valid && validityIssues(valid)).toEqual([]);
    expect(valid && areaKm2(valid)).toBeCloseTo(areaKm2(rect(0, 0, 1, 1)), 6);
  });
});

describe("dropSmallParts", () => {
  it("drops parts under the threshold and reports their area", () => {
    const multi = { type: "MultiPolygon" as const, coordinates: [rect(0, 0, 1, 1).coordinates, rect(3, 3, 3.01, 3.01).coordinates] };
    const { geometry, droppedKm2 } = dropSmallParts(multi, 0.01);
    expect(geometry?.type).toBe("Polygon");
    expect(droppedKm2).toHaveLength(1);
    expect(droppedKm2[0]).toBeLessThan(0.01);
  });
});

describe("removeOverlaps", () => {
  it("gives the overlap to the lower code and leaves no overlap", () => {
    const a = district("530102", rect(0, 0, 2, 2));
    const b = district("530103", rect(1, 0, 3, 2));
    expect(pairwiseOverlaps([a, b])[0]?.km2).toBeGreaterThan(1);
    const [a2, b2] = removeOverlaps([b, a]);
    expect(a2?.code).toBe("530102");
    expect(areaKm2(a2?.geometry ?? rect(0, 0, 0, 0))).toBeCloseTo(areaKm2(a.geometry), 6);
    expect(areaKm2(b2?.geometry ?? rect(0, 0, 0, 0))).toBeCloseTo(areaKm2(rect(2, 0, 3, 2)), 6);
    expect(pairwiseOverlaps([a2, b2].filter((d): d is District => d !== undefined))).toEqual([]);
  });

  it("reports no overlap for districts that only share an edge", () => {
    expect(pairwiseOverlaps([district("1", rect(0, 0, 1, 1)), district("2", rect(1, 0, 2, 1))])).toEqual([]);
  });
});

describe("fillGaps", () => {
  // Four districts around a 1x1 hole at (1..2, 1..2), each touching it along one side.
  const ring = [
    district("530111", rect(0, 0, 3, 1)),
    district("530112", rect(0, 1, 1, 2)),
    district("530113", rect(2, 1, 3, 2)),
    district("530114", rect(0, 2, 3, 3.5)),
  ];

  it("finds the hole of the union", () => {
    const gaps = interiorGaps(ring);
    expect(gaps).toHaveLength(1);
    expect(areaKm2({ type: "Polygon", coordinates: gaps[0] ?? [] })).toBeCloseTo(areaKm2(rect(1, 1, 2, 2)), 6);
  });

  it("gives the gap to the longest neighbour and leaves no gap", () => {
    // Let the west district also cover a strip along the gap's south side, so it borders the
    // remaining gap on two sides (1.8 units) and becomes the longest neighbour.
    const wrapped = [
      ring[0],
      district("530112", {
        type: "Polygon",
        coordinates: [
          [
            [x0, y0 + s],
            [x0 + 2 * s, y0 + s],
            [x0 + 2 * s, y0 + 1.2 * s],
            [x0 + s, y0 + 1.2 * s],
            [x0 + s, y0 + 2 * s],
            [x0, y0 + 2 * s],
            [x0, y0 + s],
          ],
        ],
      }),
      ring[2],
      ring[3],
    ].filter((d): d is District => d !== undefined);
    const { districts, filled } = fillGaps(wrapped, 5);
    expect(filled).toHaveLength(1);
    expect(filled[0]?.to).toBe("530112");
    expect(interiorGaps(districts)).toEqual([]);
    expect(pairwiseOverlaps(districts)).toEqual([]);
  });

  it("leaves gaps larger than the limit alone", () => {
    expect(fillGaps(ring, 0.5).filled).toEqual([]);
  });
});
