/** Small planar helpers on GeoJSON coordinates shared by the cleaning and checking code. */
import type { MultiPolygon, Polygon, Position } from "geojson";

export type Areal = Polygon | MultiPolygon;
export type Ring = Position[];
/** A polygon as its rings: exterior first, then holes. */
export type PolygonRings = Ring[];
export type BBox = readonly [minX: number, minY: number, maxX: number, maxY: number];

/** The polygons of a Polygon or MultiPolygon, so callers handle one shape only. */
export function partsOf(geometry: Areal): PolygonRings[] {
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}

/** The simplest geometry for a list of polygons: Polygon for one, MultiPolygon for more. */
export function fromParts(parts: PolygonRings[]): Areal | null {
  if (parts.length === 0) return null;
  if (parts.length === 1) return { type: "Polygon", coordinates: parts[0] ?? [] };
  return { type: "MultiPolygon", coordinates: parts };
}

/** Shoelace area in squared degrees; positive when the ring is counter-clockwise. */
export function ringSignedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1 = 0, y1 = 0] = ring[i] ?? [];
    const [x2 = 0, y2 = 0] = ring[i + 1] ?? [];
    sum += x1 * y2 - x2 * y1;
  }
  return sum / 2;
}

/** Bounding box of any number of rings. */
export function bboxOfRings(rings: readonly Ring[]): BBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const ring of rings) {
    for (const [x = 0, y = 0] of ring) {
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, minY, maxX, maxY];
}

export function bboxOf(geometry: Areal): BBox {
  return bboxOfRings(partsOf(geometry).flat());
}

export function bboxesOverlap(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** Rounds to 6 decimals (about 0.1 m), the precision the extracts are stored at. */
export function round6(value: number): number {
  const r = Math.round(value * 1e6) / 1e6;
  return Object.is(r, -0) ? 0 : r;
}

/** Rounds every vertex and removes the consecutive duplicates rounding can create. */
export function roundRing(ring: Ring): Ring {
  const out: Ring = [];
  for (const [x = 0, y = 0] of ring) {
    const p = [round6(x), round6(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

/** Ensures the last vertex repeats the first, as GeoJSON requires. */
export function closeRing(ring: Ring): Ring {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (!first || !last || (first[0] === last[0] && first[1] === last[1])) return ring;
  return [...ring, first];
}
