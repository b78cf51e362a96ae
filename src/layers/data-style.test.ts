import { validateStyleMin } from "@maplibre/maplibre-gl-style-spec";
import { describe, expect, it } from "vitest";
import type { Layers } from "../domain/dataset.ts";
import { FIRST_LABEL_LAYER } from "./basemap-style.ts";
import { buildChoropleth } from "./choropleth.ts";
import { dataStyle, EXTRUSION_LAYER, pickLayerOf, STYLE_LAYER } from "./data-style.ts";
import { extrusionHeight, heightScale } from "./extrusion.ts";
import { palette } from "./palette.ts";
import { planStyleUpdate } from "./style-update.ts";
import { DEFAULT_VISIBILITY } from "./visibility.ts";

const empty = { type: "FeatureCollection" as const, features: [] };
const layers = Object.freeze({ districts: empty, streets: empty, communities: empty, grids: empty, compounds: empty, stations: empty }) as unknown as Layers;
const common = { water: empty, labels: [], visibility: { ...DEFAULT_VISIBILITY, grids: false } };

describe.each([
  ["GeoJSON", { kind: "geojson" as const, layers }],
  ["tiles", { kind: "tiles" as const, url: "pmtiles://http://127.0.0.1:4173/data/province/tiles.pmtiles" }],
])("dataStyle from %s", (_label, data) => {
  const style = dataStyle({ ...common, data });
  const ids = style.layers.map((layer) => layer.id);

  it("is a valid MapLibre style with nothing remote", () => {
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.glyphs).toBeUndefined();
    expect(JSON.stringify(style)).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
  });

  it("keeps data layers above the water and under the labels", () => {
    for (const layer of Object.values(STYLE_LAYER).filter((id) => id !== "land")) {
      expect(ids.indexOf(layer)).toBeGreaterThan(ids.indexOf("water"));
      expect(ids.indexOf(layer)).toBeLessThan(ids.indexOf(FIRST_LABEL_LAYER));
    }
  });

  it("hides switched-off layers with layout visibility", () => {
    expect(style.layers.find((layer) => layer.id === STYLE_LAYER.grids)?.layout).toMatchObject({ visibility: "none" });
    expect(style.layers.find((layer) => layer.id === STYLE_LAYER.compounds)?.layout).toMatchObject({ visibility: "visible" });
  });
});

describe("dataStyle sources", () => {
  it("uses one GeoJSON source per layer for GeoJSON datasets", () => {
    const style = dataStyle({ ...common, data: { kind: "geojson", layers } });
    expect(style.sources["data-compounds"]).toMatchObject({ type: "geojson" });
    expect(style.layers.find((layer) => layer.id === "land")).toMatchObject({ source: "data-districts" });
  });
  it("uses the archive's layers for tiled datasets, community labels included", () => {
    const style = dataStyle({ ...common, data: { kind: "tiles", url: "pmtiles://x" } });
    expect(style.sources.tiles).toEqual({ type: "vector", url: "pmtiles://x" });
    expect(style.layers.find((layer) => layer.id === "land")).toMatchObject({ source: "tiles", "source-layer": "districts" });
    expect(style.layers.find((layer) => layer.id === FIRST_LABEL_LAYER)).toMatchObject({ source: "tiles", "source-layer": "communities" });
  });
});

describe("dataStyle selection", () => {
  it("outlines the selected unit under the labels, matching its code or id", () => {
    const style = dataStyle({ ...common, data: { kind: "geojson", layers }, selection: { layer: "communities", id: "530102001001" } });
    const ids = style.layers.map((layer) => layer.id);
    const outline = style.layers.find((layer) => layer.id === "selection");
    expect(outline).toMatchObject({ type: "line", source: "data-communities" });
    expect(JSON.stringify(outline)).toContain("530102001001");
    expect(ids.indexOf("selection")).toBeLessThan(ids.indexOf(FIRST_LABEL_LAYER));
    expect(validateStyleMin(style)).toEqual([]);
  });
  it("rings a selected station and adds nothing without a selection", () => {
    const station = dataStyle({ ...common, data: { kind: "geojson", layers }, selection: { layer: "stations", id: "530102001-S" } });
    expect(station.layers.find((layer) => layer.id === "selection")).toMatchObject({ type: "circle" });
    expect(dataStyle({ ...common, data: { kind: "geojson", layers } }).layers.some((layer) => layer.id === "selection")).toBe(false);
  });
});

describe("dataStyle picking layers", () => {
  it("gives a tiled dataset's outline layers invisible fills to pick from, following their switches", () => {
    const style = dataStyle({ ...common, data: { kind: "tiles", url: "pmtiles://x" } });
    for (const layer of ["grids", "communities", "streets"] as const) {
      const hit = style.layers.find((candidate) => candidate.id === pickLayerOf(layer));
      expect(hit).toMatchObject({ type: "fill", source: "tiles", "source-layer": layer, paint: { "fill-opacity": 0 } });
      expect(hit?.layout).toMatchObject({ visibility: common.visibility[layer] ? "visible" : "none" });
    }
    expect(pickLayerOf("compounds")).toBe(STYLE_LAYER.compounds);
  });
  it("adds none for GeoJSON datasets, which pick from a CPU index", () => {
    const style = dataStyle({ ...common, data: { kind: "geojson", layers } });
    expect(style.layers.some((layer) => layer.id.startsWith("hit-"))).toBe(false);
  });
});

describe("dataStyle sandtable", () => {
  const choropleth = buildChoropleth("partyBranchCoverage", [
    { code: "530102001", value: 0.2 },
    { code: "530102002", value: 0.9 },
  ]);
  const height = extrusionHeight(
    heightScale([
      { code: "530102001", value: 0.2 },
      { code: "530102002", value: 0.9 },
    ]),
    25,
  );
  const flat = dataStyle({ ...common, data: { kind: "tiles", url: "pmtiles://x" }, areas: { level: "streets", choropleth } });
  const raised = dataStyle({
    ...common,
    data: { kind: "tiles", url: "pmtiles://x" },
    areas: { level: "streets", choropleth, height },
    selection: { layer: "streets", id: "530102002" },
  });
  const ids = raised.layers.map((layer) => layer.id);

  it("raises the areas instead of filling them, in the same colours, as a valid style", () => {
    expect(validateStyleMin(raised)).toEqual([]);
    expect(ids).not.toContain("data-areas");
    expect(flat.layers.map((layer) => layer.id)).not.toContain(EXTRUSION_LAYER);
    const prisms = raised.layers.find((layer) => layer.id === EXTRUSION_LAYER);
    expect(prisms).toMatchObject({ type: "fill-extrusion", source: "tiles", "source-layer": "streets", paint: { "fill-extrusion-height": height } });
    const fill = flat.layers.find((layer) => layer.id === "data-areas");
    // The flat fill's colours, with the selected prism in the selection colour.
    expect(JSON.stringify(prisms?.paint)).toContain(JSON.stringify((fill?.paint as Record<string, unknown> | undefined)?.["fill-color"]));
    expect(JSON.stringify(prisms?.paint)).toContain(palette.selection);
  });

  it("draws the prisms over every data layer and outline, under the labels", () => {
    for (const layer of [...Object.values(STYLE_LAYER), "district-line", "selection"]) expect(ids.indexOf(layer)).toBeLessThan(ids.indexOf(EXTRUSION_LAYER));
    expect(ids.indexOf(EXTRUSION_LAYER)).toBeLessThan(ids.indexOf(FIRST_LABEL_LAYER));
  });
});

describe("a style rebuilt for a selection", () => {
  it("leaves the labels source alone: the same labels give the same data object, which the update skips", () => {
    const labels = Object.freeze([{ position: [102.7, 25.04] as [number, number], name: "五华区", code: "530102", level: "district" as const }]);
    const data = { kind: "geojson" as const, layers };
    const before = dataStyle({ ...common, labels, data });
    const after = dataStyle({ ...common, labels, data, selection: { layer: "districts", id: "530102" } });
    const labelData = (style: typeof before) => (style.sources.labels as { data: unknown }).data;
    expect(labelData(after)).toBe(labelData(before));
    const plan = planStyleUpdate(before, after);
    expect(plan.kind === "partial" && plan.setData.map(([id]) => id)).not.toContain("labels");
    const relabelled = dataStyle({ ...common, labels: [...labels], data });
    expect(planStyleUpdate(before, relabelled)).toMatchObject({ kind: "partial", setData: [["labels", expect.anything()]] });
  });
});
