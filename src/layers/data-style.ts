// The whole map as one MapLibre style: the offline basemap plus the dataset's layers, drawn by
// MapLibre itself from GeoJSON sources (city scale) or from a PMTiles archive (province scale),
// in the shared palette. Measured here (npm run bench, software WebGL): MapLibre fills and lines
// pan at ~80 ms a frame on the city dataset where the same layers as deck.gl GeoJsonLayers took
// 1-3 s, mostly their polygon outlines.
import type { FeatureCollection, Geometry } from "geojson";
import type { ExpressionSpecification, FilterSpecification, LayerSpecification, SourceSpecification, StyleSpecification } from "maplibre-gl";
import type { LayerName } from "../data/contract.ts";
import { METRES_PER_PIXEL_AT_ZOOM_ZERO } from "../data/earth.ts";
import { TILE_MIN_ZOOM } from "../data/tiling.ts";
import type { LabelPoint, Layers } from "../domain/dataset.ts";
import { basemapStyle, FIRST_LABEL_LAYER } from "./basemap-style.ts";
import { choroplethFill, type AreaLevel, type Choropleth } from "./choropleth.ts";
import { compoundFill, compoundGapFilter, type AccessBands, type CompoundColouring } from "./compound-colouring.ts";
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
  /** What-if edits of existing stations: removed ones are hidden, moved ones drawn at their new place. */
  stationEdits?: StationEdits;
  /** Compound ids by distance to a station (for the station-access colouring and its gap filter). */
  accessBands?: AccessBands;
  /** "Show only gaps": compounds in the covered state of the colouring are not drawn. */
  onlyGaps?: boolean;
  /**
   * Areas filled by a rolled-up indicator; with `height` (metres, see extrusion.ts) raised as
   * prisms in the same colours: the 3D sandtable.
   */
  areas?: { level: AreaLevel; choropleth: Choropleth; matching?: readonly string[] | null; height?: ExpressionSpecification | null } | null;
  /** Service distance (metres) and the latitude its circles are sized at. */
  serviceArea?: { metres: number; latitude: number };
  /** A drawn rectangle or lasso (ring of [longitude, latitude]) whose contents are summarised. */
  shape?: ReadonlyArray<[number, number]> | null;
  /** Change since an earlier date: area codes by kind (new gaps, worse, improved), drawn over the fills. */
  changes?: { level: AreaLevel; newGap: readonly string[]; worse: readonly string[]; improved: readonly string[] } | null;
  /**
   * 双报到 arcs as straight lines, for exports only: on screen deck.gl's ArcLayer draws them (a
   * custom layer, which an export cannot carry), so this layer is hidden there and shown by
   * exportStyle (its metadata says so).
   */
  arcLines?: ReadonlyArray<{ from: [number, number]; to: [number, number]; width: number }> | null;
  /** Gap markers: where the ranked gaps are, by severity. */
  gapMarkers?: ReadonlyArray<{ id: string; position: [number, number]; severity: "high" | "medium" | "low" }>;
}

export interface StationEdits {
  removed: readonly string[];
  moved: ReadonlyArray<{ id: string; position: [number, number] }>;
}

/** The 双报到 arcs' stand-in for exports (see DataStyleInput.arcLines). */
export const ARC_EXPORT_LAYER = "registered-arcs-export";

/** Areas filled by their change since an earlier date. */
export const CHANGE_LAYER = "data-changes";

/** The sandtable's prisms: what a click in 3D queries first. */
export const EXTRUSION_LAYER = "data-extrusion";

/**
 * A circle radius in pixels that stays `metres` on the ground at every zoom: doubles per zoom
 * level. Sized at one latitude; across a province (21°-29° N) the error stays under 5%.
 */
export function metresToPixels(metres: number, latitude: number): ExpressionSpecification {
  const atZoomZero = metres / (METRES_PER_PIXEL_AT_ZOOM_ZERO * Math.cos((latitude * Math.PI) / 180));
  return ["interpolate", ["exponential", 2], ["zoom"], 0, atZoomZero, 24, atZoomZero * 2 ** 24];
}

const points = (features: ReadonlyArray<{ position: readonly [number, number]; properties?: Record<string, unknown> }>): SourceSpecification => ({
  type: "geojson",
  data: {
    type: "FeatureCollection",
    features: features.map((feature) => ({
      type: "Feature",
      geometry: { type: "Point", coordinates: [...feature.position] },
      properties: feature.properties ?? {},
    })),
  },
});

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
const HIT_LAYER = {
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
const MIN_ZOOM: Record<LayerName, number> = { ...TILE_MIN_ZOOM, grids: 11, compounds: 10.5, communities: 8, stations: 6 };

const visible = (shown: boolean) => ({ visibility: shown ? ("visible" as const) : ("none" as const) });

const EMPTY: FeatureCollection<Geometry> = { type: "FeatureCollection", features: [] };

function sourceOf(data: DataSource, layer: LayerName): { source: string; "source-layer"?: string } {
  return data.kind === "tiles" ? { source: "tiles", "source-layer": layer } : { source: `data-${layer}` };
}

function dataSources(data: DataSource): Record<string, SourceSpecification> {
  if (data.kind === "tiles") return { tiles: { type: "vector", url: data.url } };
  const layers: LayerName[] = ["prefectures", "districts", "streets", "communities", "grids", "compounds", "stations"];
  return Object.fromEntries(layers.map((layer) => [`data-${layer}`, { type: "geojson", data: data.layers[layer] ?? EMPTY } satisfies SourceSpecification]));
}

/** The choropleth's colours, with the selected prism in the selection blue: its ground outline is hidden under it. */
function extrusionColour(choropleth: Choropleth, selected: string | null): ExpressionSpecification {
  const fill = choroplethFill(choropleth);
  return selected === null ? fill : ["case", ["==", ["to-string", ["get", "code"]], selected], palette.selection, fill];
}

export function dataStyle(input: DataStyleInput): StyleSpecification {
  const { data, visibility } = input;
  const tiled = data.kind === "tiles";
  // Tiled datasets carry no community label points: label their polygons from the tiles.
  const base = basemapStyle({ districts: EMPTY, water: input.water, labels: input.labels });
  const from = (layer: LayerName) => ({ ...sourceOf(data, layer), minzoom: MIN_ZOOM[layer] });
  const edits = input.stationEdits ?? { removed: [], moved: [] };
  // Moved stations leave their old place too: hide both removed and moved ones from the data.
  // Unique: a `match` with a repeated label is an invalid style, and MapLibre would draw nothing.
  const hiddenStations = [...new Set([...edits.removed, ...edits.moved.map((move) => move.id)])];
  const gapFilter = input.onlyGaps ? compoundGapFilter(input.compoundColouring ?? "partyBranch", input.accessBands) : null;
  const areas = input.areas;
  const layers: LayerSpecification[] = [];
  const areaLayer = areas && {
    ...sourceOf(data, areas.level),
    minzoom: areas.level === "communities" ? MIN_ZOOM.communities : MIN_ZOOM.streets,
    ...(areas.matching
      ? {
          filter: (areas.matching.length > 0
            ? ["match", ["to-string", ["get", "code"]], [...areas.matching], true, false]
            : ["literal", false]) as FilterSpecification,
        }
      : {}),
  };
  if (areas && areaLayer && !areas.height)
    layers.push({ id: "data-areas", type: "fill", ...areaLayer, paint: { "fill-color": choroplethFill(areas.choropleth), "fill-opacity": 0.78 } });
  const changes = input.changes;
  if (changes && changes.newGap.length + changes.worse.length + changes.improved.length > 0) {
    const colours: string[] = [];
    // Unique labels: a `match` with a repeated label is an invalid style. A unit is in one kind only.
    for (const [codes, colour] of [
      [changes.newGap, palette.changeNewGap],
      [changes.worse, palette.changeWorse],
      [changes.improved, palette.changeImproved],
    ] as const) {
      if (codes.length > 0) colours.push(...([[...codes], colour] as unknown as string[]));
    }
    const colour = ["match", ["to-string", ["get", "code"]], ...colours, "rgba(0,0,0,0)"] as unknown as ExpressionSpecification;
    const changed = [...changes.newGap, ...changes.worse, ...changes.improved];
    const changeLayer = {
      ...sourceOf(data, changes.level),
      minzoom: changes.level === "communities" ? MIN_ZOOM.communities : MIN_ZOOM.streets,
      filter: ["match", ["to-string", ["get", "code"]], changed, true, false] as FilterSpecification,
    };
    layers.push({ id: CHANGE_LAYER, type: "fill", ...changeLayer, paint: { "fill-color": colour, "fill-opacity": 0.72 } });
    if (changes.newGap.length > 0) {
      layers.push({
        id: `${CHANGE_LAYER}-new`,
        type: "line",
        ...changeLayer,
        filter: ["match", ["to-string", ["get", "code"]], [...changes.newGap], true, false] as FilterSpecification,
        paint: { "line-color": palette.changeNewGap, "line-width": 2.5, "line-dasharray": [2, 1] },
      });
    }
  }
  if (tiled) {
    for (const layer of Object.keys(HIT_LAYER) as Array<keyof typeof HIT_LAYER>) {
      layers.push({
        id: HIT_LAYER[layer],
        type: "fill",
        ...from(layer),
        layout: visible(visibility[layer]),
        paint: { "fill-color": "#000000", "fill-opacity": 0 },
      });
    }
  }
  layers.push(
    {
      id: STYLE_LAYER.grids,
      type: "line",
      ...from("grids"),
      layout: visible(visibility.grids),
      paint: { "line-color": rgbaToCss(palette.gridLine), "line-width": 0.6 },
    },
    {
      id: STYLE_LAYER.compounds,
      type: "fill",
      ...from("compounds"),
      layout: visible(visibility.compounds),
      ...(gapFilter ? { filter: gapFilter as FilterSpecification } : {}),
      paint: { "fill-color": compoundFill(input.compoundColouring ?? "partyBranch", input.accessBands), "fill-outline-color": rgbaToCss(palette.compoundLine) },
    },
    {
      id: STYLE_LAYER.communities,
      type: "line",
      ...from("communities"),
      layout: visible(visibility.communities),
      paint: { "line-color": rgbaToCss(palette.communityLine), "line-width": 1 },
    },
    {
      id: STYLE_LAYER.streets,
      type: "line",
      ...from("streets"),
      layout: visible(visibility.streets),
      paint: { "line-color": rgbaToCss(palette.streetLine), "line-width": 1.6 },
    },
    {
      id: STYLE_LAYER.stations,
      type: "circle",
      ...from("stations"),
      layout: visible(visibility.stations),
      ...(hiddenStations.length > 0 ? { filter: ["match", ["to-string", ["get", "id"]], hiddenStations, false, true] as FilterSpecification } : {}),
      paint: {
        "circle-color": ["case", ["==", ["get", "level"], "街道"], rgbaToCss(palette.station), rgbaToCss(palette.stationRoom)],
        // Smaller at city scale, where hundreds of rooms would otherwise bury the map.
        "circle-radius": [
          "interpolate",
          ["linear"],
          ["zoom"],
          8,
          ["case", ["==", ["get", "level"], "街道"], 4, 2],
          12,
          ["case", ["==", ["get", "level"], "街道"], 7, 4],
        ],
        "circle-stroke-color": rgbaToCss(palette.stationOutline),
        "circle-stroke-width": 1.5,
      },
    },
  );
  if (input.serviceArea) {
    // Under the stations, over the compounds: every station (and planned one) with its reach.
    const radius = metresToPixels(input.serviceArea.metres, input.serviceArea.latitude);
    const circle = {
      "circle-radius": radius,
      "circle-color": rgbaToCss(palette.serviceArea),
      "circle-stroke-color": rgbaToCss(palette.serviceAreaLine),
      "circle-stroke-width": 1,
      "circle-pitch-alignment": "map" as const,
    };
    const stationIndex = layers.findIndex((layer) => layer.id === STYLE_LAYER.stations);
    layers.splice(
      stationIndex,
      0,
      {
        id: "service-areas",
        type: "circle",
        ...sourceOf(data, "stations"),
        minzoom: MIN_ZOOM.stations,
        layout: visible(visibility.serviceAreas),
        ...(hiddenStations.length > 0 ? { filter: ["match", ["to-string", ["get", "id"]], hiddenStations, false, true] as FilterSpecification } : {}),
        paint: circle,
      },
      { id: "service-areas-planned", type: "circle", source: "what-if-stations", layout: visible(visibility.serviceAreas), paint: circle },
    );
  }
  const markers = input.gapMarkers ?? [];
  if (markers.length > 0) {
    layers.push({
      id: "gap-markers",
      type: "circle",
      source: "gap-markers",
      layout: visible(visibility.gaps),
      paint: {
        "circle-color": ["match", ["get", "severity"], "high", palette.gapHigh, "medium", palette.gapMedium, palette.gapLow],
        "circle-radius": ["interpolate", ["linear"], ["zoom"], 8, 4, 14, 9],
        "circle-stroke-color": "#ffffff",
        "circle-stroke-width": 1.5,
      },
    });
  }
  const selection = input.selection;
  if (selection) {
    // Codes identify areas, ids everything else; match either so one rule serves every layer.
    const matches = ["any", ["==", ["get", "code"], selection.id], ["==", ["get", "id"], selection.id]] as const;
    const where = { ...sourceOf(data, selection.layer), filter: matches as unknown as ["any"] };
    layers.push(
      selection.layer === "stations"
        ? {
            id: "selection",
            type: "circle",
            ...where,
            paint: { "circle-radius": 10, "circle-color": "rgba(0,0,0,0)", "circle-stroke-color": palette.selection, "circle-stroke-width": 3 },
          }
        : { id: "selection", type: "line", ...where, paint: { "line-color": palette.selection, "line-width": 3 } },
    );
  }
  const planned = input.plannedStations ?? [];
  // Planned stations and moved ones share a source: both are where a station would be.
  const whatIfStations = [
    ...planned.map((position, index) => ({ position, properties: { id: `planned-${index + 1}`, kind: "planned" } })),
    ...edits.moved.map((move) => ({ position: move.position, properties: { id: move.id, kind: "moved" } })),
  ];
  if (whatIfStations.length > 0) {
    layers.push({
      id: "planned-stations",
      type: "circle",
      source: "what-if-stations",
      paint: {
        "circle-radius": 8,
        "circle-color": ["match", ["get", "kind"], "moved", rgbaToCss(palette.station), "rgba(255,255,255,0.85)"],
        "circle-stroke-color": palette.selection,
        "circle-stroke-width": 3,
      },
    });
  }
  if (areas?.height && areaLayer) {
    // Last of the data, first under the labels: outlines and markers stay on the ground beneath
    // the prisms, labels are drawn over them.
    layers.push({
      id: EXTRUSION_LAYER,
      type: "fill-extrusion",
      ...areaLayer,
      paint: {
        "fill-extrusion-color": extrusionColour(areas.choropleth, input.selection?.layer === areas.level ? input.selection.id : null),
        "fill-extrusion-height": areas.height,
        "fill-extrusion-opacity": 0.92,
        "fill-extrusion-vertical-gradient": true,
      },
    });
  }
  const arcLines = input.arcLines && input.arcLines.length > 0 ? input.arcLines : null;
  if (arcLines) {
    layers.push({
      id: ARC_EXPORT_LAYER,
      type: "line",
      source: ARC_EXPORT_LAYER,
      layout: { visibility: "none", "line-cap": "round" },
      metadata: { exportOnly: true },
      paint: {
        "line-width": ["get", "width"],
        "line-gradient": ["interpolate", ["linear"], ["line-progress"], 0, rgbaToCss(palette.arcSource), 1, rgbaToCss(palette.arcTarget)],
      },
    });
  }
  const shape = input.shape && input.shape.length >= 3 ? input.shape : null;
  if (shape) {
    layers.push(
      { id: "drawn-shape-fill", type: "fill", source: "drawn-shape", paint: { "fill-color": palette.selection, "fill-opacity": 0.08 } },
      { id: "drawn-shape-line", type: "line", source: "drawn-shape", paint: { "line-color": palette.selection, "line-width": 2, "line-dasharray": [2, 1] } },
    );
  }
  const extraSources: Record<string, SourceSpecification> = {
    ...(shape
      ? {
          "drawn-shape": {
            type: "geojson",
            data: {
              type: "Feature",
              properties: {},
              geometry: { type: "Polygon", coordinates: [[...shape.map((point) => [...point]), [...(shape[0] ?? [0, 0])]]] },
            },
          },
        }
      : {}),
    ...(whatIfStations.length > 0 || input.serviceArea ? { "what-if-stations": points(whatIfStations) } : {}),
    ...(arcLines
      ? {
          [ARC_EXPORT_LAYER]: {
            type: "geojson",
            lineMetrics: true,
            data: {
              type: "FeatureCollection",
              features: arcLines.map((arc) => ({
                type: "Feature",
                properties: { width: arc.width },
                geometry: { type: "LineString", coordinates: [[...arc.from], [...arc.to]] },
              })),
            },
          } satisfies SourceSpecification,
        }
      : {}),
    ...(markers.length > 0
      ? { "gap-markers": points(markers.map((marker) => ({ position: marker.position, properties: { id: marker.id, severity: marker.severity } }))) }
      : {}),
  };
  const styled = base.layers.flatMap((layer): LayerSpecification[] => {
    // Land and district lines come from the dataset's districts, whichever form it takes.
    if (layer.id === "land" || layer.id === "district-line") return [{ ...layer, ...sourceOf(data, "districts") } as LayerSpecification];
    if (layer.id === "prefecture-line") return [{ ...layer, ...sourceOf(data, "prefectures") } as LayerSpecification];
    if (layer.id !== FIRST_LABEL_LAYER) return [layer];
    const communityLabels = tiled ? ({ ...layer, ...sourceOf(data, "communities"), filter: ["has", "name"] } as LayerSpecification) : layer;
    return [...layers, communityLabels];
  });
  const { districts: _basemapDistricts, prefectures: _basemapPrefectures, ...basemapSources } = base.sources;
  return { ...base, sources: { ...basemapSources, ...dataSources(data), ...extraSources }, layers: styled };
}
