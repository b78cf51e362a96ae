// The wall's map style: the dark theme (still a valid style, every layer it repaints exists, the
// light theme is the style exactly as built) and labels magnified for large walls.
import { validateStyleMin } from "@maplibre/maplibre-gl-style-spec";
import { describe, expect, it } from "vitest";
import type { Layers } from "../domain/dataset.ts";
import { DARK_THEMED_LAYERS, magnified, themedStyle } from "./basemap-style.ts";
import { dataStyle } from "./data-style.ts";
import { palette, wallPalette } from "./palette.ts";
import { DEFAULT_VISIBILITY } from "./visibility.ts";

const empty = { type: "FeatureCollection" as const, features: [] };
const layers = Object.freeze({ districts: empty, streets: empty, communities: empty, grids: empty, compounds: empty, stations: empty }) as unknown as Layers;
const input = Object.freeze({ data: { kind: "geojson" as const, layers }, water: empty, labels: [], visibility: DEFAULT_VISIBILITY });

const layoutOf = (style: ReturnType<typeof dataStyle>, id: string) =>
  style.layers.find((layer) => layer.id === id)?.layout as Record<string, unknown> | undefined;
const paintOf = (style: ReturnType<typeof dataStyle>, id: string) =>
  style.layers.find((layer) => layer.id === id)?.paint as Record<string, unknown> | undefined;

describe("themedStyle", () => {
  const selected = dataStyle({ ...input, selection: { layer: "streets", id: "530102001" } });

  it("leaves the light style as it is", () => {
    expect(themedStyle(selected, "light")).toBe(selected);
  });

  it("gives a valid dark style without touching its input", () => {
    const before = JSON.stringify(selected);
    const dark = themedStyle(selected, "dark");
    expect(validateStyleMin(dark)).toEqual([]);
    expect(JSON.stringify(selected)).toBe(before);
    expect(paintOf(dark, "background")?.["background-color"]).toBe(wallPalette.mapBackground);
    expect(paintOf(dark, "selection")?.["line-color"]).toBe(wallPalette.selection);
  });

  it("repaints only layers the data style has", () => {
    const ids = new Set(selected.layers.map((layer) => layer.id));
    for (const id of DARK_THEMED_LAYERS) expect({ id, present: ids.has(id) }).toEqual({ id, present: true });
  });

  it("outlines a selected station in the dark selection colour too", () => {
    const dark = themedStyle(dataStyle({ ...input, selection: { layer: "stations", id: "530102001-S" } }), "dark");
    expect(validateStyleMin(dark)).toEqual([]);
    expect(paintOf(dark, "selection")?.["circle-stroke-color"]).toBe(wallPalette.selection);
  });

  it("keeps the compound colours, so the legend holds in both themes", () => {
    expect(paintOf(themedStyle(selected, "dark"), "data-compounds")).toEqual(paintOf(selected, "data-compounds"));
    expect(wallPalette.selection).not.toBe(palette.selection);
  });
});

describe("magnified", () => {
  const style = dataStyle({ ...input, selection: { layer: "streets", id: "530102001" } });

  it("is the style itself at factor 1", () => {
    expect(magnified(style, 1)).toBe(style);
  });

  it("doubles fixed label sizes and outline widths, and stays valid", () => {
    const double = magnified(style, 2);
    expect(validateStyleMin(double)).toEqual([]);
    expect(layoutOf(double, "labels-street")?.["text-size"]).toBe(2 * Number(layoutOf(style, "labels-street")?.["text-size"]));
    expect(paintOf(double, "selection")?.["line-width"]).toBe(2 * Number(paintOf(style, "selection")?.["line-width"]));
  });

  it("leaves zoom expressions and the input alone", () => {
    const before = JSON.stringify(style);
    const double = magnified(style, 2);
    expect(paintOf(double, "district-line")?.["line-width"]).toEqual(paintOf(style, "district-line")?.["line-width"]);
    expect(JSON.stringify(style)).toBe(before);
  });
});
