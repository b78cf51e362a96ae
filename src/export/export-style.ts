// The style the export map draws: the screen's current style as MapLibre reports it (GeoJSON
// inline), minus what only the screen needs, plus an atlas page's focus (the unit outlined and
// everything else veiled).
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import type { LayerSpecification, StyleSpecification } from "maplibre-gl";
import { palette } from "../layers/palette.ts";

export const FOCUS_SOURCE = "snapshot-focus";
const EMPTY: FeatureCollection = { type: "FeatureCollection", features: [] };

/** Signed area of a ring in square degrees: positive when counter-clockwise. */
function signedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let index = 0, previous = ring.length - 1; index < ring.length; previous = index, index += 1) {
    const [x1 = 0, y1 = 0] = ring[previous] ?? [];
    const [x2 = 0, y2 = 0] = ring[index] ?? [];
    sum += (x1 - x2) * (y1 + y2);
  }
  return sum / 2;
}

const oriented = (ring: readonly Position[], counterClockwise: boolean) => (signedArea(ring) > 0 === counterClockwise ? [...ring] : ring.toReversed());

/**
 * The veil of an atlas page: the world with the unit cut out, plus the unit's outline. Holes wind
 * against the outer ring, which is how MapLibre tells a hole from a new polygon.
 */
export function focusFeatures(geometry: Polygon | MultiPolygon): FeatureCollection {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  const world: Position[] = [
    [-180, -85],
    [180, -85],
    [180, 85],
    [-180, 85],
    [-180, -85],
  ];
  const holes = polygons.flatMap((rings) => (rings[0] ? [oriented(rings[0], false)] : []));
  const veil: Feature<Polygon> = {
    type: "Feature",
    properties: { role: "veil" },
    geometry: { type: "Polygon", coordinates: [oriented(world, true), ...holes] },
  };
  const outline: Feature<MultiPolygon> = { type: "Feature", properties: { role: "outline" }, geometry: { type: "MultiPolygon", coordinates: polygons } };
  return { type: "FeatureCollection", features: [veil, outline] };
}

function isExportOnly(layer: LayerSpecification): boolean {
  const metadata: unknown = layer.metadata;
  return typeof metadata === "object" && metadata !== null && (metadata as { exportOnly?: unknown }).exportOnly === true;
}

/**
 * The screen style made ready for export: deck.gl's custom layers left out (they cannot be
 * serialised), and with `focus` the atlas veil and outline under the labels, replacing the
 * selection outline.
 */
export function exportStyle(style: StyleSpecification, options: { focus: boolean }): StyleSpecification {
  const layers = style.layers
    .filter((layer) => (layer.type as string) !== "custom" && !(options.focus && layer.id === "selection"))
    // Stand-ins for custom layers (the 双报到 arcs) are hidden on screen and drawn in exports.
    .map((layer) => (isExportOnly(layer) ? ({ ...layer, layout: { ...layer.layout, visibility: "visible" } } as LayerSpecification) : layer));
  if (!options.focus) return { ...style, layers };
  const focusLayers: LayerSpecification[] = [
    {
      id: "snapshot-veil",
      type: "fill",
      source: FOCUS_SOURCE,
      filter: ["==", ["get", "role"], "veil"],
      paint: { "fill-color": "#ffffff", "fill-opacity": 0.6 },
    },
    {
      id: "snapshot-outline",
      type: "line",
      source: FOCUS_SOURCE,
      filter: ["==", ["get", "role"], "outline"],
      paint: { "line-color": palette.selection, "line-width": 3 },
    },
  ];
  const firstLabel = layers.findIndex((layer) => layer.type === "symbol");
  const at = firstLabel < 0 ? layers.length : firstLabel;
  return {
    ...style,
    sources: { ...style.sources, [FOCUS_SOURCE]: { type: "geojson", data: EMPTY } },
    layers: [...layers.slice(0, at), ...focusLayers, ...layers.slice(at)],
  };
}
