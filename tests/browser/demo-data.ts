// Reads the committed demo dataset from disk so browser tests can aim at real features.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { area, centroid } from "@turf/turf";
import type { Feature, FeatureCollection, Geometry, Polygon } from "geojson";

const root = join(import.meta.dirname, "..", "..", "public", "data", "kunming");

export function readLayer<P>(name: string): FeatureCollection<Geometry, P> {
  return JSON.parse(readFileSync(join(root, `${name}.geojson`), "utf8")) as FeatureCollection<Geometry, P>;
}

export function largest<P>(features: Array<Feature<Geometry, P>>, accept: (properties: P) => boolean): Feature<Polygon, P> {
  const candidates = features.filter((feature) => feature.geometry.type === "Polygon" && accept(feature.properties)) as Array<Feature<Polygon, P>>;
  const best = candidates.toSorted((a, b) => area(b.geometry) - area(a.geometry))[0];
  if (!best) throw new Error("no matching feature in the demo data");
  return best;
}

export function centre(feature: { geometry: Geometry }): [number, number] {
  const [longitude = 0, latitude = 0] = centroid(feature.geometry).geometry.coordinates;
  return [longitude, latitude];
}

/** Where a PMTiles archive's tile data starts (v3 header, little-endian u64 at byte 56): ranges past it are tiles, not directories. */
export function tileDataOffset(archive: string): number {
  const header = readFileSync(archive).subarray(0, 127);
  return Number(new DataView(header.buffer, header.byteOffset, header.byteLength).getBigUint64(56, true));
}
