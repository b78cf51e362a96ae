// Large datasets drawn from a PMTiles archive: the same basemap, colours and label layers as the
// GeoJSON path, with MapLibre vector layers instead of deck.gl ones. Each tile layer is named
// after its contract layer (see scripts/lib/tile-layers.ts).
import type { FeatureCollection, Geometry } from "geojson";
import type { LayerSpecification, StyleSpecification } from "maplibre-gl";
import { TILE_MIN_ZOOM } from "../data/tiling.ts";
import type { LabelPoint } from "../domain/dataset.ts";
import { basemapStyle, FIRST_LABEL_LAYER } from "./basemap-style.ts";
import type { LayerVisibility } from "./deck-layers.ts";
import { palette, rgbaToCss } from "./palette.ts";

export interface TiledInput {
  /** `pmtiles://` URL of the archive (absolute, so MapLibre's workers resolve it). */
  tilesUrl: string;
  water: FeatureCollection<Geometry>;
  labels: readonly LabelPoint[];
  visibility: LayerVisibility;
}


const EMPTY: FeatureCollection<Geometry> = { type: "FeatureCollection", features: [] };

const visible = (shown: boolean) => ({ visibility: shown ? ("visible" as const) : ("none" as const) });
const fromTiles = (layer: string) => ({ source: "tiles", "source-layer": layer });

export function tiledStyle(input: TiledInput): StyleSpecification {
  const base = basemapStyle({ districts: EMPTY, water: input.water, labels: input.labels });
  const data: LayerSpecification[] = [
    { id: "tiles-grids", type: "line", ...fromTiles("grids"), minzoom: TILE_MIN_ZOOM.grids, layout: visible(input.visibility.grids), paint: { "line-color": rgbaToCss(palette.gridLine), "line-width": 0.6 } },
    {
      id: "tiles-compounds", type: "fill", ...fromTiles("compounds"), minzoom: TILE_MIN_ZOOM.compounds, layout: visible(input.visibility.compounds),
      paint: { "fill-color": ["case", ["get", "partyBranch"], rgbaToCss(palette.compoundCovered), rgbaToCss(palette.compoundGap)], "fill-outline-color": rgbaToCss(palette.compoundLine) },
    },
    { id: "tiles-communities", type: "line", ...fromTiles("communities"), minzoom: TILE_MIN_ZOOM.communities, layout: visible(input.visibility.communities), paint: { "line-color": rgbaToCss(palette.communityLine), "line-width": 1 } },
    { id: "tiles-streets", type: "line", ...fromTiles("streets"), minzoom: TILE_MIN_ZOOM.streets, layout: visible(input.visibility.streets), paint: { "line-color": rgbaToCss(palette.streetLine), "line-width": 1.6 } },
    {
      id: "tiles-stations", type: "circle", ...fromTiles("stations"), minzoom: TILE_MIN_ZOOM.stations, layout: visible(input.visibility.stations),
      paint: {
        "circle-color": ["case", ["==", ["get", "level"], "街道"], rgbaToCss(palette.station), rgbaToCss(palette.stationRoom)],
        "circle-radius": ["case", ["==", ["get", "level"], "街道"], 7, 4],
        "circle-stroke-color": rgbaToCss(palette.stationOutline),
        "circle-stroke-width": 1.5,
      },
    },
  ];
  // Land and district lines come from the tiles' districts layer instead of a GeoJSON source.
  const layers = base.layers.flatMap((layer): LayerSpecification[] => {
    if (layer.id === "land" || layer.id === "district-line") return [{ ...layer, ...fromTiles("districts") } as LayerSpecification];
    // Community labels come from the tiles' community polygons (too many to ship as points).
    if (layer.id === FIRST_LABEL_LAYER) return [...data, { ...layer, ...fromTiles("communities"), filter: ["has", "name"] } as LayerSpecification];
    return [layer];
  });
  const { districts: _unused, ...sources } = base.sources;
  return { ...base, sources: { ...sources, tiles: { type: "vector", url: input.tilesUrl } }, layers };
}
