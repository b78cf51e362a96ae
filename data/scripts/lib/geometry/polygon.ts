/**
 * Plain polygon arithmetic on GeoJSON coordinate arrays (lon/lat degrees, EPSG:4326): the one
 * geometry vocabulary of the generator and of the source extraction. Areas are planar in degrees
 * unless a name says metres; they only rank or compare shapes. Everything works on MultiPolygon
 * coordinates (an `Area`) so callers never branch on Polygon vs MultiPolygon.
 *
 * Two pairs below look alike and differ on purpose; each keeps the exact arithmetic its callers
 * were written (and their committed output produced) against:
 * - `ringSignedArea` (any ring, relative to its first vertex) and `closedRingSignedArea` (a closed
 *   ring, raw coordinates, as the extract checks use it);
 * - `bboxOf` (an area's exterior rings) and `bboxOfAllRings` (a geometry's every ring, holes
 *   included, for shapes not yet known to be valid).
 */
import type { MultiPolygon, Polygon, Position } from "geojson";
import { METRES_PER_DEGREE_LATITUDE, METRES_PER_DEGREE_LONGITUDE_AT_EQUATOR } from "../../../../src/data/earth.ts";

export type Areal = Polygon | MultiPolygon;
export type Point = readonly [number, number];
export type Ring = Position[];
/** A polygon as its rings: exterior first, then holes. */
export type PolygonRings = Ring[];
/** A Polygon's or MultiPolygon's coordinates as a list of polygons. */
export type Area = PolygonRings[];
/** [west, south, east, north] in degrees. */
export type BBox = [west: number, south: number, east: number, north: number];

/** The polygons of a Polygon or MultiPolygon, so callers handle one shape only. */
export function toArea(geometry: Areal): Area {
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}

/** The simplest geometry for a list of polygons: Polygon for one, MultiPolygon for more, null for none. */
export function toGeometryOrNull(area: Area): Areal | null {
  if (area.length === 0) return null;
  if (area.length === 1) return { type: "Polygon", coordinates: area[0] ?? [] };
  return { type: "MultiPolygon", coordinates: area };
}

/** As toGeometryOrNull, but no polygon at all gives an empty MultiPolygon, never null. */
export function toGeometry(area: Area): Areal {
  return toGeometryOrNull(area) ?? { type: "MultiPolygon", coordinates: area };
}

/**
 * Signed shoelace area in square degrees; positive for counter-clockwise rings. The ring may be
 * open or closed (the closing edge is always counted).
 */
export function ringSignedArea(ring: Ring): number {
  const origin = ring[0];
  if (!origin) return 0;
  // Relative to the first vertex: products of raw lon/lat (~100 × 25) would swamp small areas.
  const [ox, oy] = origin as [number, number];
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j] as Position;
    const b = ring[i] as Position;
    sum += ((a[0] as number) - ox) * ((b[1] as number) - oy) - ((b[0] as number) - ox) * ((a[1] as number) - oy);
  }
  return sum / 2;
}

/**
 * The same signed area (square degrees, positive counter-clockwise) summed over the ring's stored
 * edges on raw coordinates: the ring must be closed, as GeoJSON stores it, or its closing edge is
 * left out. Its last bits differ from ringSignedArea's; the extract checks (validity, lakes) use it.
 */
export function closedRingSignedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1 = 0, y1 = 0] = ring[i] ?? [];
    const [x2 = 0, y2 = 0] = ring[i + 1] ?? [];
    sum += x1 * y2 - x2 * y1;
  }
  return sum / 2;
}

export function polygonArea(polygon: PolygonRings): number {
  return polygon.reduce((sum, ring, index) => sum + (index === 0 ? 1 : -1) * Math.abs(ringSignedArea(ring)), 0);
}

/** Area in square degrees (planar); for comparing pieces of one small region. */
export function planarArea(area: Area): number {
  return area.reduce((sum, polygon) => sum + polygonArea(polygon), 0);
}

/** Approximate area in square metres: planar degrees scaled at each polygon's latitude. */
export function areaSquareMetres(area: Area): number {
  let total = 0;
  for (const polygon of area) {
    const latitude = polygon[0]?.[0]?.[1] ?? 0;
    total += polygonArea(polygon) * METRES_PER_DEGREE_LATITUDE * METRES_PER_DEGREE_LONGITUDE_AT_EQUATOR * Math.cos((latitude * Math.PI) / 180);
  }
  return total;
}

/** Bounding box of an area's exterior rings (holes lie inside them). */
export function bboxOf(area: Area): BBox {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const polygon of area) {
    for (const position of polygon[0] ?? []) {
      const [x, y] = position as [number, number];
      if (x < west) west = x;
      if (x > east) east = x;
      if (y < south) south = y;
      if (y > north) north = y;
    }
  }
  return [west, south, east, north];
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

/**
 * Bounding box of every ring of a geometry, holes included: unlike bboxOf it also bounds a shape
 * not yet known to be valid, whose hole may stick out of its exterior (the district cleaning).
 */
export function bboxOfAllRings(geometry: Areal): BBox {
  return bboxOfRings(toArea(geometry).flat());
}

export function bboxContains(bbox: BBox, [x, y]: Point): boolean {
  return x >= bbox[0] && x <= bbox[2] && y >= bbox[1] && y <= bbox[3];
}

export function bboxesIntersect(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** Even-odd ray casting; a point exactly on an edge may land either side. */
export function pointInRing([x, y]: Point, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function pointInPolygon(point: Point, polygon: PolygonRings): boolean {
  const [outer, ...holes] = polygon;
  if (!outer || !pointInRing(point, outer)) return false;
  return !holes.some((hole) => pointInRing(point, hole));
}

export function pointInArea(point: Point, area: Area): boolean {
  return area.some((polygon) => pointInPolygon(point, polygon));
}

/** Every boundary segment of an area as [x1, y1, x2, y2] tuples. */
export function segmentsOf(area: Area): [number, number, number, number][] {
  const segments: [number, number, number, number][] = [];
  for (const polygon of area) {
    for (const ring of polygon) {
      for (let i = 1; i < ring.length; i++) {
        const a = ring[i - 1] as [number, number];
        const b = ring[i] as [number, number];
        segments.push([a[0], a[1], b[0], b[1]]);
      }
    }
  }
  return segments;
}

function orientation(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/** True when r lies in the bounding box of segment pq (used once r is known to be collinear). */
function onSegment(px: number, py: number, qx: number, qy: number, rx: number, ry: number): boolean {
  return Math.min(px, qx) <= rx && rx <= Math.max(px, qx) && Math.min(py, qy) <= ry && ry <= Math.max(py, qy);
}

/** True when segments AB and CD cross or touch. */
export function segmentsIntersect(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): boolean {
  const d1 = orientation(cx, cy, dx, dy, ax, ay);
  const d2 = orientation(cx, cy, dx, dy, bx, by);
  const d3 = orientation(ax, ay, bx, by, cx, cy);
  const d4 = orientation(ax, ay, bx, by, dx, dy);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return (
    (d1 === 0 && onSegment(cx, cy, dx, dy, ax, ay)) ||
    (d2 === 0 && onSegment(cx, cy, dx, dy, bx, by)) ||
    (d3 === 0 && onSegment(ax, ay, bx, by, cx, cy)) ||
    (d4 === 0 && onSegment(ax, ay, bx, by, dx, dy))
  );
}

/** Ensures the last vertex repeats the first, as GeoJSON requires; a closed ring is returned as it is. */
export function closeRing(ring: Ring): Ring {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (!first || !last || (first[0] === last[0] && first[1] === last[1])) return ring;
  return [...ring, first];
}
