import { validateStyleMin } from "@maplibre/maplibre-gl-style-spec";
import { describe, expect, it } from "vitest";
import type { LabelPoint } from "../domain/dataset.ts";
import { basemapStyle, FIRST_LABEL_LAYER } from "./basemap-style.ts";

const square = {
  type: "Polygon" as const,
  coordinates: [
    [
      [102, 25],
      [103, 25],
      [103, 26],
      [102, 26],
      [102, 25],
    ],
  ],
};
const input = Object.freeze({
  districts: { type: "FeatureCollection" as const, features: [{ type: "Feature" as const, geometry: square, properties: { code: "530102", name: "五华区" } }] },
  water: { type: "FeatureCollection" as const, features: [] },
  labels: [{ position: [102.5, 25.5], name: "五华区", code: "530102", level: "district" }] as LabelPoint[],
});

describe("basemapStyle", () => {
  const style = basemapStyle(input);

  it("is a valid MapLibre style", () => {
    expect(validateStyleMin(style)).toEqual([]);
  });

  it("needs nothing from any server: no glyphs, sprite or remote source", () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(JSON.stringify(style)).not.toMatch(/https?:\/\//);
  });

  it("has the label layer the deck layers are placed under, above the district lines", () => {
    const ids = style.layers.map((layer) => layer.id);
    expect(ids.indexOf(FIRST_LABEL_LAYER)).toBeGreaterThan(ids.indexOf("district-line"));
  });

  it("turns label points into point features", () => {
    const source = style.sources.labels;
    expect(source?.type).toBe("geojson");
    expect(JSON.stringify(source)).toContain("五华区");
  });
});
