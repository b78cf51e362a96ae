// The embedded offline basemap as a MapLibre style: land, water, district outlines and Chinese
// labels from data the app already holds. No glyphs URL: MapLibre >= 5.11 draws text with local
// fonts (TinySDF), so nothing is requested from outside the app.
import type { FeatureCollection, Geometry } from "geojson";
import type { LayerSpecification, StyleSpecification } from "maplibre-gl";
import type { LabelPoint } from "../domain/dataset.ts";
import { palette, wallPalette } from "./palette.ts";

export interface BasemapInput {
  districts: FeatureCollection<Geometry>;
  /** Prefecture outlines, drawn over the county lines; empty for a single-city dataset. */
  prefectures?: FeatureCollection<Geometry>;
  water: FeatureCollection<Geometry>;
  labels: readonly LabelPoint[];
}

/** Local font stack: Noto Sans CJK (Debian fonts-noto-cjk), then whatever the system has. */
export const LABEL_FONTS = ["Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", "sans-serif"];

/** Deck layers go beneath this layer so labels stay on top. */
export const FIRST_LABEL_LAYER = "labels-community";

const collections = new WeakMap<readonly LabelPoint[], FeatureCollection>();

/**
 * The labels as GeoJSON: the same object for the same list, so a style rebuilt for any other reason
 * (a selection, a filter) leaves the labels source alone. The map re-sends a source whose data
 * object changed, and re-laying out every label takes the worker and the glyph atlas 0.3-0.5 s.
 */
export function labelCollection(labels: readonly LabelPoint[]): FeatureCollection {
  let collection = collections.get(labels);
  if (!collection) {
    collection = {
      type: "FeatureCollection",
      features: labels.map((label) => ({
        type: "Feature",
        geometry: { type: "Point", coordinates: label.position },
        properties: { name: label.name, code: label.code, level: label.level },
      })),
    };
    collections.set(labels, collection);
  }
  return collection;
}

function textLayer(id: string, level: LabelPoint["level"], minzoom: number, maxzoom: number, size: number, weight: number) {
  return {
    id,
    type: "symbol" as const,
    source: "labels",
    minzoom,
    maxzoom,
    filter: ["==", ["get", "level"], level] as ["==", ["get", string], string],
    layout: {
      "text-field": ["get", "name"] as ["get", string],
      "text-font": LABEL_FONTS,
      "text-size": size,
      "symbol-sort-key": weight,
      "text-padding": 4,
    },
    paint: { "text-color": palette.labelText, "text-halo-color": palette.labelHalo, "text-halo-width": 1.4 },
  };
}

export function basemapStyle(input: BasemapInput): StyleSpecification {
  // With prefecture labels on the map, county names wait until the prefectures have room.
  const countyLabelsFrom = input.labels.some((label) => label.level === "prefecture") ? 7 : 0;
  return {
    version: 8,
    name: "party-map-offline",
    sources: {
      districts: { type: "geojson", data: input.districts },
      prefectures: { type: "geojson", data: input.prefectures ?? { type: "FeatureCollection", features: [] } },
      water: { type: "geojson", data: input.water },
      labels: { type: "geojson", data: labelCollection(input.labels) },
    },
    layers: [
      { id: "background", type: "background", paint: { "background-color": palette.background } },
      { id: "land", type: "fill", source: "districts", paint: { "fill-color": palette.land } },
      { id: "water", type: "fill", source: "water", paint: { "fill-color": palette.water, "fill-outline-color": palette.waterLine } },
      {
        id: "district-line",
        type: "line",
        source: "districts",
        paint: { "line-color": palette.districtLine, "line-width": ["interpolate", ["linear"], ["zoom"], 7, 1.2, 12, 2.4] },
      },
      {
        id: "prefecture-line",
        type: "line",
        source: "prefectures",
        paint: { "line-color": palette.prefectureLine, "line-width": ["interpolate", ["linear"], ["zoom"], 5, 1.8, 10, 3.6] },
      },
      textLayer(FIRST_LABEL_LAYER, "community", 12.5, 24, 12, 3),
      textLayer("labels-street", "street", 10, 24, 13, 2),
      textLayer("labels-district", "district", countyLabelsFrom, 12, 15, 1),
      textLayer("labels-prefecture", "prefecture", 0, 8.5, 17, 0),
    ],
  };
}

export type BasemapTheme = "light" | "dark";

type PaintOverrides = Partial<Record<LayerSpecification["type"], Record<string, string | number>>>;

const darkLabel: PaintOverrides = { symbol: { "text-color": wallPalette.labelText, "text-halo-color": wallPalette.labelHalo } };

/**
 * The dark theme's paint by style layer id: the basemap, the data outlines (ids from
 * data-style.ts, named here because that module imports this one) and the selection. Fills
 * coloured by an indicator keep their colours, so a legend reads the same in both themes.
 */
const DARK_PAINT: Readonly<Record<string, PaintOverrides>> = {
  background: { background: { "background-color": wallPalette.mapBackground } },
  land: { fill: { "fill-color": wallPalette.land } },
  water: { fill: { "fill-color": wallPalette.water, "fill-outline-color": wallPalette.waterLine } },
  "district-line": { line: { "line-color": wallPalette.districtLine } },
  "prefecture-line": { line: { "line-color": wallPalette.prefectureLine } },
  [FIRST_LABEL_LAYER]: darkLabel,
  "labels-street": darkLabel,
  "labels-district": darkLabel,
  "labels-prefecture": darkLabel,
  "data-streets": { line: { "line-color": wallPalette.streetLine } },
  "data-communities": { line: { "line-color": wallPalette.communityLine } },
  "data-grids": { line: { "line-color": wallPalette.gridLine } },
  selection: { line: { "line-color": wallPalette.selection, "line-width": 4 }, circle: { "circle-stroke-color": wallPalette.selection } },
};

/** Style layer ids the dark theme repaints (tests check each exists in the data style). */
export const DARK_THEMED_LAYERS: readonly string[] = Object.keys(DARK_PAINT);

/** The style in a theme: light is the style as built; dark repaints the layers above. Pure. */
export function themedStyle(style: StyleSpecification, theme: BasemapTheme): StyleSpecification {
  if (theme === "light") return style;
  const layers = style.layers.map((layer): LayerSpecification => {
    const paint = DARK_PAINT[layer.id]?.[layer.type];
    return paint ? ({ ...layer, paint: { ...layer.paint, ...paint } } as LayerSpecification) : layer;
  });
  return { ...style, layers };
}

/**
 * Labels and outlines drawn `factor` times larger (fixed sizes only; zoom expressions are left as
 * they are). A 4K wall running at device pixel ratio 1 shows the map at its full resolution, so
 * 12-pixel labels would be half the size they are on a 1080p screen of the same width. Pure.
 */
export function magnified(style: StyleSpecification, factor: number): StyleSpecification {
  if (factor === 1) return style;
  const scale = (value: unknown) => (typeof value === "number" ? value * factor : value);
  const layers = style.layers.map((layer): LayerSpecification => {
    if (layer.type === "symbol" && typeof layer.layout?.["text-size"] === "number") {
      return { ...layer, layout: { ...layer.layout, "text-size": scale(layer.layout["text-size"]) as number } };
    }
    if (layer.type === "line" && typeof layer.paint?.["line-width"] === "number") {
      return { ...layer, paint: { ...layer.paint, "line-width": scale(layer.paint["line-width"]) as number } };
    }
    return layer;
  });
  return { ...style, layers };
}
