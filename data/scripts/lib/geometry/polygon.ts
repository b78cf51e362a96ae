/**
 * Plain polygon arithmetic on GeoJSON coordinate arrays (lon/lat degrees, EPSG:4326). Areas are
 * planar in degrees unless a name says metres; they only rank or compare shapes. Everything works
 * on MultiPolygon coordinates so callers never branch on Polygon vs MultiPolygon.
 */
import type { MultiPolygon, Polygon, Position } from "geojson";

export type Point = readonly [number, number];
export type Ring = Position[];
export type PolygonRings = Ring[];
export type Area = PolygonRings[];
/** [west, south, east, north] in degrees. */
export type BBox = [number, number, number, number];

export function toArea(geometry: Polygon | MultiPolygon): Area {
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}

/** One polygon stays a Polygon; only genuinely split shapes become MultiPolygons. */
export function toGeometry(area: Area): Polygon | MultiPolygon {
  if (area.length === 1 && area[0]) return { type: "Polygon", coordinates: area[0] };
  return { type: "MultiPolygon", coordinates: area };
}

/** Signed shoelace area in square degrees; positive for counter-clockwise rings. */
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
    total += polygonArea(polygon) * 110_574 * 111_320 * Math.cos((latitude * Math.PI) / 180);
  }
  return total;
}

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

/** Closes a ring of distinct vertices by repeating the first one. */
export function closeRing(vertices: readonly Point[]): Ring {
  const ring: Ring = vertices.map(([x, y]) => [x, y]);
  const first = vertices[0];
  if (first) ring.push([first[0], first[1]]);
  return ring;
}
