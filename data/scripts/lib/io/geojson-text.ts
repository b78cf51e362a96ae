/**
 * Deterministic GeoJSON text for committed extracts: coordinates rounded to 6 decimals, fixed key
 * order, one feature per line so that a changed district shows up as one changed line in a diff.
 */
import type { Feature, Position } from "geojson";
import { type Areal, type PolygonRings, closeRing, toArea, toGeometryOrNull } from "../geometry/polygon.ts";
import { roundRing6 } from "../geometry/precision.ts";

export type Properties = Readonly<Record<string, string>>;

/** Rounds a polygon's rings; rings that collapse below 4 positions are dropped. */
export function roundGeometry(geometry: Areal): Areal | null {
  const parts: PolygonRings[] = [];
  for (const rings of toArea(geometry)) {
    const [exterior, ...holes] = rings.map((r) => closeRing(roundRing6(r)));
    // A polygon whose exterior collapsed is gone, holes and all.
    if (!exterior || exterior.length < 4) continue;
    parts.push([exterior, ...holes.filter((h) => h.length >= 4)]);
  }
  return toGeometryOrNull(parts);
}

function positionText(p: Position): string {
  return `[${p[0]},${p[1]}]`;
}

function polygonText(rings: PolygonRings): string {
  return `[${rings.map((r) => `[${r.map(positionText).join(",")}]`).join(",")}]`;
}

function geometryText(geometry: Areal): string {
  const coordinates = geometry.type === "Polygon" ? polygonText(geometry.coordinates) : `[${geometry.coordinates.map(polygonText).join(",")}]`;
  return `{"type":"${geometry.type}","coordinates":${coordinates}}`;
}

/** One Feature as a single line: type, properties (in the given key order), geometry. */
export function featureLine(properties: Properties, geometry: Areal): string {
  return `{"type":"Feature","properties":${JSON.stringify(properties)},"geometry":${geometryText(geometry)}}`;
}

/** A FeatureCollection with one feature per line; valid JSON, ends with a newline. */
export function featureCollectionText(features: readonly Feature<Areal, Properties>[]): string {
  const lines = features.map((f) => featureLine(f.properties, f.geometry));
  return `{"type":"FeatureCollection","features":[\n${lines.join(",\n")}\n]}\n`;
}
