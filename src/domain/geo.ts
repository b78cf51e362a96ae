// Small geodesy helpers. Positions are EPSG:4326 [longitude, latitude] in degrees; distances
// are metres on a sphere of the WGS84 mean radius (error < 0.5% at city scale).
import type { MultiPolygon, Polygon, Position } from "geojson";
import { EARTH_RADIUS_METRES, METRES_PER_DEGREE } from "../data/earth.ts";

const RADIANS = Math.PI / 180;

export function haversineMetres(longitudeA: number, latitudeA: number, longitudeB: number, latitudeB: number): number {
  const deltaLatitude = (latitudeB - latitudeA) * RADIANS;
  const deltaLongitude = (longitudeB - longitudeA) * RADIANS;
  const a = Math.sin(deltaLatitude / 2) ** 2 + Math.cos(latitudeA * RADIANS) * Math.cos(latitudeB * RADIANS) * Math.sin(deltaLongitude / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** A degree box around a point that surely contains every point within `metres` of it. */
export function boxAround(longitude: number, latitude: number, metres: number): [number, number, number, number] {
  const deltaLatitude = metres / METRES_PER_DEGREE;
  const deltaLongitude = metres / (METRES_PER_DEGREE * Math.max(0.01, Math.cos((Math.abs(latitude) + deltaLatitude) * RADIANS)));
  return [longitude - deltaLongitude, latitude - deltaLatitude, longitude + deltaLongitude, latitude + deltaLatitude];
}

/** Area-weighted centroid of a polygon's outer ring(s), in degrees; for MultiPolygons the largest part's. */
export function centroidOf(geometry: Polygon | MultiPolygon): [number, number] {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  let best: [number, number] = [Number.NaN, Number.NaN];
  let bestArea = -1;
  for (const rings of polygons) {
    const outer = rings[0];
    if (!outer || outer.length === 0) continue;
    const [area, longitude, latitude] = ringCentroid(outer);
    if (Math.abs(area) > bestArea) {
      bestArea = Math.abs(area);
      best = [longitude, latitude];
    }
  }
  return best;
}

function ringCentroid(ring: Position[]): [number, number, number] {
  // Shoelace formula relative to the first vertex, for numerical stability.
  const [originX = 0, originY = 0] = ring[0] ?? [];
  let twiceArea = 0;
  let sumX = 0;
  let sumY = 0;
  for (let index = 0; index < ring.length - 1; index += 1) {
    const [x0 = 0, y0 = 0] = ring[index] ?? [];
    const [x1 = 0, y1 = 0] = ring[index + 1] ?? [];
    const ax = x0 - originX;
    const ay = y0 - originY;
    const bx = x1 - originX;
    const by = y1 - originY;
    const cross = ax * by - bx * ay;
    twiceArea += cross;
    sumX += (ax + bx) * cross;
    sumY += (ay + by) * cross;
  }
  if (twiceArea === 0) {
    // Degenerate ring: fall back to the mean of its vertices.
    const count = Math.max(1, ring.length);
    const meanX = ring.reduce((sum, position) => sum + (position[0] ?? 0), 0) / count;
    const meanY = ring.reduce((sum, position) => sum + (position[1] ?? 0), 0) / count;
    return [0, meanX, meanY];
  }
  return [twiceArea / 2, originX + sumX / (3 * twiceArea), originY + sumY / (3 * twiceArea)];
}

/** Even-odd point-in-polygon test; a point exactly on an edge counts as inside. */
export function pointInPolygon(longitude: number, latitude: number, geometry: Polygon | MultiPolygon): boolean {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  for (const rings of polygons) {
    let inside = false;
    for (const ring of rings) {
      for (let index = 0, previous = ring.length - 1; index < ring.length; previous = index, index += 1) {
        const [xi = 0, yi = 0] = ring[index] ?? [];
        const [xj = 0, yj = 0] = ring[previous] ?? [];
        if (yi > latitude !== yj > latitude && longitude < ((xj - xi) * (latitude - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
    if (inside) return true;
  }
  // Rare case, checked only when the fast test says outside: a point on an edge counts as inside.
  return polygons.some((rings) =>
    rings.some((ring) =>
      ring.some((position, index) => {
        const next = ring[index + 1];
        return next !== undefined && onSegment(longitude, latitude, position[0] ?? 0, position[1] ?? 0, next[0] ?? 0, next[1] ?? 0);
      }),
    ),
  );
}

function onSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): boolean {
  const cross = (px - ax) * (by - ay) - (py - ay) * (bx - ax);
  if (Math.abs(cross) > 1e-12) return false;
  return px >= Math.min(ax, bx) && px <= Math.max(ax, bx) && py >= Math.min(ay, by) && py <= Math.max(ay, by);
}
