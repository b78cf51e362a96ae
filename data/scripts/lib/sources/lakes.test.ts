import { describe, expect, it } from "vitest";
import type { MultiPolygon, Position } from "geojson";
import { type LakeSpec, holesOf, pickLakes } from "./lakes.ts";
import { closedRingSignedArea } from "../geometry/polygon.ts";

// A land square around Kunming with two clockwise holes: a big one (about 100 km²) and a small one.
const box = (x0: number, y0: number, x1: number, y1: number): Position[] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const land: MultiPolygon = {
  type: "MultiPolygon",
  coordinates: [[box(102, 24, 104, 26), box(102.6, 24.8, 102.7, 24.9).toReversed(), box(103.0, 24.9, 103.02, 24.92).toReversed()], [box(110, 30, 111, 31)]],
};
const spec = (name: string, inside: Position, expectedKm2: number): LakeSpec => ({ name, nameEn: name, inside, expectedKm2 });

describe("holesOf", () => {
  it("lists the holes of every part", () => {
    expect(holesOf(land)).toHaveLength(2);
  });
});

describe("pickLakes", () => {
  it("picks the hole containing each point and winds it counter-clockwise", () => {
    const [big, small] = pickLakes(land, [spec("big", [102.65, 24.85], 112), spec("small", [103.01, 24.91], 4.5)]);
    expect(big?.km2).toBeCloseTo(112, -1);
    expect(small?.km2).toBeGreaterThan(3);
    expect(closedRingSignedArea(big?.geometry.coordinates[0] ?? [])).toBeGreaterThan(0);
  });

  it.each([
    ["a point on land", spec("dry", [103.5, 25.5], 10), /No hole/],
    ["a wrong expected area", spec("big", [102.65, 24.85], 300), /far from/],
  ])("fails for %s", (_label, s, pattern) => {
    expect(() => pickLakes(land, [s])).toThrow(pattern);
  });
});
