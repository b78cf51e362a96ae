import { validateStyleMin } from "@maplibre/maplibre-gl-style-spec";
import { describe, expect, it } from "vitest";
import { DEFAULT_VISIBILITY } from "./deck-layers.ts";
import { FIRST_LABEL_LAYER } from "./basemap-style.ts";
import { tiledStyle } from "./tiled-style.ts";

const input = Object.freeze({
  tilesUrl: "pmtiles://http://127.0.0.1:4173/data/province/tiles.pmtiles",
  water: { type: "FeatureCollection" as const, features: [] },
  labels: [],
  visibility: { ...DEFAULT_VISIBILITY, grids: false },
});

describe("tiledStyle", () => {
  const style = tiledStyle(input);
  const ids = style.layers.map((layer) => layer.id);

  it("is a valid MapLibre style with one vector source for the archive", () => {
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.sources.tiles).toEqual({ type: "vector", url: input.tilesUrl });
    expect(style.sources).not.toHaveProperty("districts");
  });

  it("draws land and district lines from the tiles and keeps labels on top", () => {
    expect(style.layers.find((layer) => layer.id === "land")).toMatchObject({ source: "tiles", "source-layer": "districts" });
    for (const id of ["tiles-compounds", "tiles-stations", "tiles-streets"]) expect(ids.indexOf(id)).toBeLessThan(ids.indexOf(FIRST_LABEL_LAYER));
    expect(ids.indexOf("tiles-compounds")).toBeGreaterThan(ids.indexOf("water"));
  });

  it("hides switched-off layers with layout visibility", () => {
    const grids = style.layers.find((layer) => layer.id === "tiles-grids");
    expect(grids?.layout).toMatchObject({ visibility: "none" });
    expect(style.layers.find((layer) => layer.id === "tiles-compounds")?.layout).toMatchObject({ visibility: "visible" });
  });
});
