import { booleanPointInPolygon, point } from "@turf/turf";
import type { MultiPolygon, Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { labelPoint } from "./label-point.ts";

const square: Polygon = {
  type: "Polygon",
  coordinates: [
    [
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 2],
      [0, 0],
    ],
  ],
};
// A U shape whose centroid falls in the notch, outside the polygon.
const horseshoe: Polygon = {
  type: "Polygon",
  coordinates: [
    [
      [0, 0],
      [3, 0],
      [3, 3],
      [2, 3],
      [2, 1],
      [1, 1],
      [1, 3],
      [0, 3],
      [0, 0],
    ],
  ],
};
const ring: Polygon = {
  type: "Polygon",
  coordinates: [
    [
      [0, 0],
      [4, 0],
      [4, 4],
      [0, 4],
      [0, 0],
    ],
    [
      [0.5, 0.5],
      [0.5, 3.5],
      [3.5, 3.5],
      [3.5, 0.5],
      [0.5, 0.5],
    ],
  ],
};
const multi: MultiPolygon = {
  type: "MultiPolygon",
  coordinates: [
    [
      [
        [10, 10],
        [10.1, 10],
        [10.1, 10.1],
        [10, 10.1],
        [10, 10],
      ],
    ],
    square.coordinates,
  ],
};

describe("labelPoint", () => {
  it.each([
    ["square", square],
    ["horseshoe", horseshoe],
    ["ring with hole", ring],
  ])("lies inside a %s", (_label, geometry) => {
    const position = labelPoint(geometry);
    expect(booleanPointInPolygon(point(position), geometry)).toBe(true);
  });

  it("uses the largest part of a MultiPolygon", () => {
    expect(labelPoint(multi)).toEqual([1, 1]);
  });
});
