// Where the data style's layers read from and what they are called: GeoJSON sources per contract
// layer (city scale) or one PMTiles vector source (province scale), the style layer that draws
// each contract layer and the one a click on it queries, and the zoom each starts at.
import type { FeatureCollection, Geometry } from "geojson";
import type { SourceSpecification } from "maplibre-gl";
import type { LayerName } from "../data/contract.ts";
import { TILE_MIN_ZOOM } from "../data/tiling.ts";
import type { Layers } from "../domain/dataset.ts";

export type DataSource = { kind: "geojson"; layers: Layers } | { kind: "tiles"; url: string };

/** Style layer drawing each contract layer (the one a click on that layer hits). */
export const STYLE_LAYER: Record<LayerName, string> = {
  stations: "data-stations",
  compounds: "data-compounds",
  grids: "data-grids",
  communities: "data-communities",
  streets: "data-streets",
  districts: "land",
  prefectures: "prefecture-line",
};

/**
 * Invisible fills under the outline-drawn layers of a tiled dataset, so that a click anywhere inside
 * a grid, community or street finds it (MapLibre's query of a line layer only hits near the line).
 * A fill with opacity 0 is skipped by the painter but still answers queryRenderedFeatures.
 * GeoJSON datasets pick from a CPU index instead and need none.
 */
export const HIT_LAYER = {
  grids: "hit-grids",
  communities: "hit-communities",
  streets: "hit-streets",
} as const satisfies Partial<Record<LayerName, string>>;

/** The style layer a tiled pick queries for `layer`: its hit fill where it has one. */
export function pickLayerOf(layer: LayerName): string {
  return layer in HIT_LAYER ? HIT_LAYER[layer as keyof typeof HIT_LAYER] : STYLE_LAYER[layer];
}

/**
 * Below these zooms a layer is not drawn even from GeoJSON: a compound or grid a pixel across is
 * noise at city scale, and the tiles do not hold them there anyway.
 */
export const MIN_ZOOM: Record<LayerName, number> = { ...TILE_MIN_ZOOM, grids: 11, compounds: 10.5, communities: 8, stations: 6 };

export const visible = (shown: boolean) => ({ visibility: shown ? ("visible" as const) : ("none" as const) });

export const EMPTY: FeatureCollection<Geometry> = { type: "FeatureCollection", features: [] };

export function sourceOf(data: DataSource, layer: LayerName): { source: string; "source-layer"?: string } {
  return data.kind === "tiles" ? { source: "tiles", "source-layer": layer } : { source: `data-${layer}` };
}

export function dataSources(data: DataSource): Record<string, SourceSpecification> {
  if (data.kind === "tiles") return { tiles: { type: "vector", url: data.url } };
  const layers: LayerName[] = ["prefectures", "districts", "streets", "communities", "grids", "compounds", "stations"];
  return Object.fromEntries(layers.map((layer) => [`data-${layer}`, { type: "geojson", data: data.layers[layer] ?? EMPTY } satisfies SourceSpecification]));
}
