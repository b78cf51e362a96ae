// The whole map as one MapLibre style: the offline basemap plus the dataset's layers, drawn by
// MapLibre itself from GeoJSON sources (city scale) or from a PMTiles archive (province scale),
// in the shared palette. Measured here (npm run bench, software WebGL): MapLibre fills and lines
// pan at ~80 ms a frame on the city dataset where the same layers as deck.gl GeoJsonLayers took
// 1-3 s, mostly their polygon outlines.
// Sources and layer names are in data-layers.ts, the layers drawn over the data in overlay-layers.ts.
import type { FeatureCollection, Geometry } from "geojson";
import type { ExpressionSpecification, FilterSpecification, LayerSpecification, SourceSpecification, StyleSpecification } from "maplibre-gl";
import type { LayerName } from "../data/contract.ts";
import type { LabelPoint } from "../domain/dataset.ts";
import { basemapStyle, FIRST_LABEL_LAYER } from "./basemap-style.ts";
import { choroplethFill, type AreaLevel, type Choropleth } from "./choropleth.ts";
import { compoundFill, compoundGapFilter, type AccessBands, type CompoundColouring } from "./compound-colouring.ts";
import { dataSources, EMPTY, HIT_LAYER, MIN_ZOOM, sourceOf, STYLE_LAYER, visible, type DataSource } from "./data-layers.ts";
import {
  ARC_EXPORT_LAYER,
  arcExportLayer,
  arcExportSource,
  changeLayers,
  drawnShapeLayers,
  drawnShapeSource,
  gapMarkerLayer,
  gapMarkerSource,
  plannedStationLayer,
  points,
  selectionLayer,
  serviceAreaLayers,
} from "./overlay-layers.ts";
import { palette, rgbaToCss } from "./palette.ts";
import type { LayerVisibility } from "./visibility.ts";

export { pickLayerOf, STYLE_LAYER, type DataSource } from "./data-layers.ts";
export { ARC_EXPORT_LAYER, CHANGE_LAYER, metresToPixels } from "./overlay-layers.ts";

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

/** The sandtable's prisms: what a click in 3D queries first. */
export const EXTRUSION_LAYER = "data-extrusion";

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
  layers.push(...changeLayers(data, input.changes));
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
    const stationIndex = layers.findIndex((layer) => layer.id === STYLE_LAYER.stations);
    layers.splice(stationIndex, 0, ...serviceAreaLayers(data, input.serviceArea, visibility.serviceAreas, hiddenStations));
  }
  const markers = input.gapMarkers ?? [];
  if (markers.length > 0) layers.push(gapMarkerLayer(visibility.gaps));
  const selection = input.selection;
  if (selection) layers.push(selectionLayer(data, selection));
  const planned = input.plannedStations ?? [];
  // Planned stations and moved ones share a source: both are where a station would be.
  const whatIfStations = [
    ...planned.map((position, index) => ({ position, properties: { id: `planned-${index + 1}`, kind: "planned" } })),
    ...edits.moved.map((move) => ({ position: move.position, properties: { id: move.id, kind: "moved" } })),
  ];
  if (whatIfStations.length > 0) layers.push(plannedStationLayer());
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
  if (arcLines) layers.push(arcExportLayer());
  const shape = input.shape && input.shape.length >= 3 ? input.shape : null;
  if (shape) layers.push(...drawnShapeLayers());
  const extraSources: Record<string, SourceSpecification> = {
    ...(shape ? { "drawn-shape": drawnShapeSource(shape) } : {}),
    ...(whatIfStations.length > 0 || input.serviceArea ? { "what-if-stations": points(whatIfStations) } : {}),
    ...(arcLines ? { [ARC_EXPORT_LAYER]: arcExportSource(arcLines) } : {}),
    ...(markers.length > 0 ? { "gap-markers": gapMarkerSource(markers) } : {}),
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
