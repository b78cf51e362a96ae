// The layers the data style draws over the dataset's own, each with the source it reads: areas
// changed since an earlier date, service-area circles, gap markers, the selection outline,
// what-if stations, the 双报到 arcs' stand-in for exports and the drawn shape.
import type { ExpressionSpecification, FilterSpecification, LayerSpecification, SourceSpecification } from "maplibre-gl";
import type { LayerName } from "../data/contract.ts";
import { METRES_PER_PIXEL_AT_ZOOM_ZERO } from "../data/earth.ts";
import { MIN_ZOOM, sourceOf, visible, type DataSource } from "./data-layers.ts";
import type { DataStyleInput } from "./data-style.ts";
import { palette, rgbaToCss } from "./palette.ts";

/** The 双报到 arcs' stand-in for exports (see DataStyleInput.arcLines). */
export const ARC_EXPORT_LAYER = "registered-arcs-export";

/** Areas filled by their change since an earlier date. */
export const CHANGE_LAYER = "data-changes";

/**
 * A circle radius in pixels that stays `metres` on the ground at every zoom: doubles per zoom
 * level. Sized at one latitude; across a province (21°-29° N) the error stays under 5%.
 */
export function metresToPixels(metres: number, latitude: number): ExpressionSpecification {
  const atZoomZero = metres / (METRES_PER_PIXEL_AT_ZOOM_ZERO * Math.cos((latitude * Math.PI) / 180));
  return ["interpolate", ["exponential", 2], ["zoom"], 0, atZoomZero, 24, atZoomZero * 2 ** 24];
}

export const points = (features: ReadonlyArray<{ position: readonly [number, number]; properties?: Record<string, unknown> }>): SourceSpecification => ({
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

/** Changed areas filled by kind (new gaps, worse, improved), new gaps also outlined; none when nothing changed. */
export function changeLayers(data: DataSource, changes: DataStyleInput["changes"]): LayerSpecification[] {
  if (!changes || changes.newGap.length + changes.worse.length + changes.improved.length === 0) return [];
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
  const layers: LayerSpecification[] = [{ id: CHANGE_LAYER, type: "fill", ...changeLayer, paint: { "fill-color": colour, "fill-opacity": 0.72 } }];
  if (changes.newGap.length > 0) {
    layers.push({
      id: `${CHANGE_LAYER}-new`,
      type: "line",
      ...changeLayer,
      filter: ["match", ["to-string", ["get", "code"]], [...changes.newGap], true, false] as FilterSpecification,
      paint: { "line-color": palette.changeNewGap, "line-width": 2.5, "line-dasharray": [2, 1] },
    });
  }
  return layers;
}

/**
 * Every station's reach as a circle the service distance across on the ground, and every what-if
 * station's from the "what-if-stations" source; drawn under the stations, over the compounds.
 */
export function serviceAreaLayers(
  data: DataSource,
  serviceArea: NonNullable<DataStyleInput["serviceArea"]>,
  shown: boolean,
  hiddenStations: string[],
): LayerSpecification[] {
  const radius = metresToPixels(serviceArea.metres, serviceArea.latitude);
  const circle = {
    "circle-radius": radius,
    "circle-color": rgbaToCss(palette.serviceArea),
    "circle-stroke-color": rgbaToCss(palette.serviceAreaLine),
    "circle-stroke-width": 1,
    "circle-pitch-alignment": "map" as const,
  };
  return [
    {
      id: "service-areas",
      type: "circle",
      ...sourceOf(data, "stations"),
      minzoom: MIN_ZOOM.stations,
      layout: visible(shown),
      ...(hiddenStations.length > 0 ? { filter: ["match", ["to-string", ["get", "id"]], hiddenStations, false, true] as FilterSpecification } : {}),
      paint: circle,
    },
    { id: "service-areas-planned", type: "circle", source: "what-if-stations", layout: visible(shown), paint: circle },
  ];
}

/** Gap markers coloured by severity, from the "gap-markers" source. */
export function gapMarkerLayer(shown: boolean): LayerSpecification {
  return {
    id: "gap-markers",
    type: "circle",
    source: "gap-markers",
    layout: visible(shown),
    paint: {
      "circle-color": ["match", ["get", "severity"], "high", palette.gapHigh, "medium", palette.gapMedium, palette.gapLow],
      "circle-radius": ["interpolate", ["linear"], ["zoom"], 8, 4, 14, 9],
      "circle-stroke-color": "#ffffff",
      "circle-stroke-width": 1.5,
    },
  };
}

export function gapMarkerSource(markers: NonNullable<DataStyleInput["gapMarkers"]>): SourceSpecification {
  return points(markers.map((marker) => ({ position: marker.position, properties: { id: marker.id, severity: marker.severity } })));
}

/** The selected unit outlined (a station ringed) in the selection colour. */
export function selectionLayer(data: DataSource, selection: { layer: LayerName; id: string }): LayerSpecification {
  // Codes identify areas, ids everything else; match either so one rule serves every layer.
  const matches = ["any", ["==", ["get", "code"], selection.id], ["==", ["get", "id"], selection.id]] as const;
  const where = { ...sourceOf(data, selection.layer), filter: matches as unknown as ["any"] };
  return selection.layer === "stations"
    ? {
        id: "selection",
        type: "circle",
        ...where,
        paint: { "circle-radius": 10, "circle-color": "rgba(0,0,0,0)", "circle-stroke-color": palette.selection, "circle-stroke-width": 3 },
      }
    : { id: "selection", type: "line", ...where, paint: { "line-color": palette.selection, "line-width": 3 } };
}

/** Planned and moved stations, hollow and filled, from the "what-if-stations" source. */
export function plannedStationLayer(): LayerSpecification {
  return {
    id: "planned-stations",
    type: "circle",
    source: "what-if-stations",
    paint: {
      "circle-radius": 8,
      "circle-color": ["match", ["get", "kind"], "moved", rgbaToCss(palette.station), "rgba(255,255,255,0.85)"],
      "circle-stroke-color": palette.selection,
      "circle-stroke-width": 3,
    },
  };
}

/** The 双报到 arcs as straight lines coloured from source to target, hidden until an export shows them. */
export function arcExportLayer(): LayerSpecification {
  return {
    id: ARC_EXPORT_LAYER,
    type: "line",
    source: ARC_EXPORT_LAYER,
    layout: { visibility: "none", "line-cap": "round" },
    metadata: { exportOnly: true },
    paint: {
      "line-width": ["get", "width"],
      "line-gradient": ["interpolate", ["linear"], ["line-progress"], 0, rgbaToCss(palette.arcSource), 1, rgbaToCss(palette.arcTarget)],
    },
  };
}

export function arcExportSource(arcLines: NonNullable<DataStyleInput["arcLines"]>): SourceSpecification {
  return {
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
  } satisfies SourceSpecification;
}

/** A drawn rectangle or lasso: faintly filled and outlined dashed, from the "drawn-shape" source. */
export function drawnShapeLayers(): LayerSpecification[] {
  return [
    { id: "drawn-shape-fill", type: "fill", source: "drawn-shape", paint: { "fill-color": palette.selection, "fill-opacity": 0.08 } },
    { id: "drawn-shape-line", type: "line", source: "drawn-shape", paint: { "line-color": palette.selection, "line-width": 2, "line-dasharray": [2, 1] } },
  ];
}

export function drawnShapeSource(shape: ReadonlyArray<[number, number]>): SourceSpecification {
  return {
    type: "geojson",
    data: {
      type: "Feature",
      properties: {},
      geometry: { type: "Polygon", coordinates: [[...shape.map((point) => [...point]), [...(shape[0] ?? [0, 0])]]] },
    },
  };
}
