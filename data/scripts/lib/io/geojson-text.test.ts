import { describe, expect, it } from "vitest";
import type { Polygon } from "geojson";
import { featureCollectionText, featureLine, roundGeometry } from "./geojson-text.ts";

const square: Polygon = {
  type: "Polygon",
  coordinates: [
    [
      [102.1234567, 25.0000004],
      [102.2, 25],
      [102.2, 25.1],
      [102.1, 25.1],
      [102.1234567, 25.0000004],
    ],
  ],
};

describe("roundGeometry", () => {
  it("rounds to 6 decimals and keeps rings closed", () => {
    const ring = (roundGeometry(square) as Polygon).coordinates[0];
    expect(ring?.[0]).toEqual([102.123457, 25]);
    expect(ring?.at(-1)).toEqual(ring?.[0]);
  });

  it("drops a polygon that rounding collapses", () => {
    const tiny: Polygon = {
      type: "Polygon",
      coordinates: [
        [
          [1, 1],
          [1.0000001, 1],
          [1.0000001, 1.0000001],
          [1, 1],
        ],
      ],
    };
    expect(roundGeometry(tiny)).toBeNull();
  });
});

describe("featureLine / featureCollectionText", () => {
  it("writes properties in the given order and compact coordinates", () => {
    const line = featureLine(
      { code: "530102", name: "五华区" },
      {
        type: "Polygon",
        coordinates: [
          [
            [1, 2],
            [3, 4],
            [5, 6],
            [1, 2],
          ],
        ],
      },
    );
    expect(line).toBe(
      '{"type":"Feature","properties":{"code":"530102","name":"五华区"},"geometry":{"type":"Polygon","coordinates":[[[1,2],[3,4],[5,6],[1,2]]]}}',
    );
  });

  it("writes valid JSON with one feature per line", () => {
    const feature = { type: "Feature" as const, properties: { name: "x" }, geometry: square };
    const text = featureCollectionText([feature, feature]);
    expect(text.split("\n")).toHaveLength(5);
    expect(JSON.parse(text).features).toHaveLength(2);
  });
});
