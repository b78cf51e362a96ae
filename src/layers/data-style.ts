// The whole map as one MapLibre style: the offline basemap plus the dataset's layers, drawn by
// MapLibre itself from GeoJSON sources (city scale) or from a PMTiles archive (province scale),
// in the shared palette. Measured here (npm run bench, software WebGL): MapLibre fills and lines
// pan at ~80 ms a frame on the city dataset where the same layers as deck.gl GeoJsonLayers took
// 1-3 s, mostly their polygon outlines.
import type { FeatureCollection, Geometry } from "geojson";
import type { LayerSpecification, SourceSpecification, StyleSpecification } from "maplibre-gl";
import type { LayerName } from "../data/contract.ts";
import { TILE_MIN_ZOOM } from "../data/tiling.ts";
import type { LabelPoint, Layers } from "../domain/dataset.ts";
import { basemapStyle, FIRST_LABEL_LAYER } from "./basemap-style.ts";
import { compoundFill, type CompoundColouring } from "./compound-colouring.ts";
import { palette, rgbaToCss } from "./palette.ts";
import type { LayerVisibility } from "./visibility.ts";

export type DataSource = { kind: "geojson"; layers: Layers } | { kind: "tiles"; url: string };

export interface DataStyleInput {
  data: DataSource;
  water: FeatureCollection<Geometry>;
  labels: readonly LabelPoint[];
  visibility: LayerVisibility;
  /** The unit whose card is open, outlined on the map. */
  selection?: { layer: LayerName; id: string } | null;
  /** The indicator compounds are coloured by (default: party branch). */
  compoundColouring?: CompoundColouring;
  /** What-if stations, drawn as hollow markers in the selection colour. */
  plannedStations?: ReadonlyArray<[number, number]>;
}

/** Style layer drawing each contract layer (the one a click on that layer hits). */
export const STYLE_LAYER: Record<LayerName, string> = {
  stations: "data-stations",
  compounds: "data-compounds",
  grids: "data-grids",
  communities: "data-communities",
  streets: "data-streets",
  districts: "land",
};

/**
 * Below these zooms a layer is not drawn even from GeoJSON: a compound or grid a pixel across is
 * noise at city scale, and the tiles do not hold them there anyway.
 */
const MIN_ZOOM: Record<LayerName, number> = { ...TILE_MIN_ZOOM, grids: 11, compounds: 10.5, communities: 8, stations: 6 };

const visible = (shown: boolean) => ({ visibility: shown ? ("visible" as const) : ("none" as const) });

const EMPTY: FeatureCollection<Geometry> = { type: "FeatureCollection", features: [] };

function sourceOf(data: DataSource, layer: LayerName): { source: string; "source-layer"?: string } {
  return data.kind === "tiles" ? { source: "tiles", "source-layer": layer } : { source: `data-${layer}` };
}

function dataSources(data: DataSource): Record<string, SourceSpecification> {
  if (data.kind === "tiles") return { tiles: { type: "vector", url: data.url } };
  const layers: LayerName[] = ["districts", "streets", "communities", "grids", "compounds", "stations"];
  return Object.fromEntries(layers.map((layer) => [`data-${layer}`, { type: "geojson", data: data.layers[layer] } satisfies SourceSpecification]));
}

export function dataStyle(input: DataStyleInput): StyleSpecification {
  const { data, visibility } = input;
  const tiled = data.kind === "tiles";
  // Tiled datasets carry no community label points: label their polygons from the tiles.
  const base = basemapStyle({ districts: EMPTY, water: input.water, labels: input.labels });
  const from = (layer: LayerName) => ({ ...sourceOf(data, layer), minzoom: MIN_ZOOM[layer] });
  const layers: LayerSpecification[] = [
    { id: STYLE_LAYER.grids, type: "line", ...from("grids"), layout: visible(visibility.grids), paint: { "line-color": rgbaToCss(palette.gridLine), "line-width": 0.6 } },
    {
      id: STYLE_LAYER.compounds, type: "fill", ...from("compounds"), layout: visible(visibility.compounds),
      paint: { "fill-color": compoundFill(input.compoundColouring ?? "partyBranch"), "fill-outline-color": rgbaToCss(palette.compoundLine) },
    },
    { id: STYLE_LAYER.communities, type: "line", ...from("communities"), layout: visible(visibility.communities), paint: { "line-color": rgbaToCss(palette.communityLine), "line-width": 1 } },
    { id: STYLE_LAYER.streets, type: "line", ...from("streets"), layout: visible(visibility.streets), paint: { "line-color": rgbaToCss(palette.streetLine), "line-width": 1.6 } },
    {
      id: STYLE_LAYER.stations, type: "circle", ...from("stations"), layout: visible(visibility.stations),
      paint: {
        "circle-color": ["case", ["==", ["get", "level"], "街道"], rgbaToCss(palette.station), rgbaToCss(palette.stationRoom)],
        // Smaller at city scale, where hundreds of rooms would otherwise bury the map.
        "circle-radius": ["interpolate", ["linear"], ["zoom"], 8, ["case", ["==", ["get", "level"], "街道"], 4, 2], 12, ["case", ["==", ["get", "level"], "街道"], 7, 4]],
        "circle-stroke-color": rgbaToCss(palette.stationOutline),
        "circle-stroke-width": 1.5,
      },
    },
  ];
  const selection = input.selection;
  if (selection) {
    // Codes identify areas, ids everything else; match either so one rule serves every layer.
    const matches = ["any", ["==", ["get", "code"], selection.id], ["==", ["get", "id"], selection.id]] as const;
    const where = { ...sourceOf(data, selection.layer), filter: matches as unknown as ["any"] };
    layers.push(
      selection.layer === "stations"
        ? { id: "selection", type: "circle", ...where, paint: { "circle-radius": 10, "circle-color": "rgba(0,0,0,0)", "circle-stroke-color": palette.selection, "circle-stroke-width": 3 } }
        : { id: "selection", type: "line", ...where, paint: { "line-color": palette.selection, "line-width": 3 } },
    );
  }
  const planned = input.plannedStations ?? [];
  if (planned.length > 0) {
    layers.push({
      id: "planned-stations",
      type: "circle",
      source: "planned-stations",
      paint: { "circle-radius": 8, "circle-color": "rgba(255,255,255,0.85)", "circle-stroke-color": palette.selection, "circle-stroke-width": 3 },
    });
  }
  const plannedSource: Record<string, SourceSpecification> =
    planned.length > 0
      ? { "planned-stations": { type: "geojson", data: { type: "FeatureCollection", features: planned.map((position) => ({ type: "Feature", geometry: { type: "Point", coordinates: [...position] }, properties: {} })) } } }
      : {};
  const styled = base.layers.flatMap((layer): LayerSpecification[] => {
    // Land and district lines come from the dataset's districts, whichever form it takes.
    if (layer.id === "land" || layer.id === "district-line") return [{ ...layer, ...sourceOf(data, "districts") } as LayerSpecification];
    if (layer.id !== FIRST_LABEL_LAYER) return [layer];
    const communityLabels = tiled ? ({ ...layer, ...sourceOf(data, "communities"), filter: ["has", "name"] } as LayerSpecification) : layer;
    return [...layers, communityLabels];
  });
  const { districts: _basemapDistricts, ...basemapSources } = base.sources;
  return { ...base, sources: { ...basemapSources, ...dataSources(data), ...plannedSource }, layers: styled };
}
