// The embedded offline basemap as a MapLibre style: land, water, district outlines and Chinese
// labels from data the app already holds. No glyphs URL: MapLibre >= 5.11 draws text with local
// fonts (TinySDF), so nothing is requested from outside the app.
import type { FeatureCollection, Geometry } from "geojson";
import type { StyleSpecification } from "maplibre-gl";
import type { LabelPoint } from "../domain/dataset.ts";
import { palette } from "./palette.ts";

export interface BasemapInput {
  districts: FeatureCollection<Geometry>;
  water: FeatureCollection<Geometry>;
  labels: readonly LabelPoint[];
}

/** Local font stack: Noto Sans CJK (Debian fonts-noto-cjk), then whatever the system has. */
export const LABEL_FONTS = ["Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", "sans-serif"];

/** Deck layers go beneath this layer so labels stay on top. */
export const FIRST_LABEL_LAYER = "labels-community";

export function labelCollection(labels: readonly LabelPoint[]): FeatureCollection {
  return {
    type: "FeatureCollection",
    features: labels.map((label) => ({
      type: "Feature",
      geometry: { type: "Point", coordinates: label.position },
      properties: { name: label.name, code: label.code, level: label.level },
    })),
  };
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
  return {
    version: 8,
    name: "party-map-offline",
    sources: {
      districts: { type: "geojson", data: input.districts },
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
      textLayer(FIRST_LABEL_LAYER, "community", 12.5, 24, 12, 3),
      textLayer("labels-street", "street", 10, 24, 13, 2),
      textLayer("labels-district", "district", 0, 12, 15, 1),
    ],
  };
}
