/**
 * A local equirectangular frame in metres around a reference latitude. Distances for sampling
 * and the Voronoi diagram are computed here so cells are not stretched east-west (at 25°N a
 * degree of longitude is about 10% shorter than a degree of latitude). Over a district (< 150 km)
 * the error of this projection is far below anything visible.
 */
import { METRES_PER_DEGREE_LATITUDE, METRES_PER_DEGREE_LONGITUDE_AT_EQUATOR } from "../../../../src/data/earth.ts";
import type { Point } from "./polygon.ts";

export function metresPerDegreeLongitude(latitude: number): number {
  return METRES_PER_DEGREE_LONGITUDE_AT_EQUATOR * Math.cos((latitude * Math.PI) / 180);
}

export interface LocalFrame {
  /** Degrees (lon, lat) to metres (x east, y north) relative to the origin. */
  toMetres(point: Point): [number, number];
  /** Metres back to degrees. */
  toDegrees(point: Point): [number, number];
}

export function createLocalFrame([originLongitude, originLatitude]: Point): LocalFrame {
  const kx = metresPerDegreeLongitude(originLatitude);
  const ky = METRES_PER_DEGREE_LATITUDE;
  return {
    toMetres: ([lon, lat]) => [(lon - originLongitude) * kx, (lat - originLatitude) * ky],
    toDegrees: ([x, y]) => [originLongitude + x / kx, originLatitude + y / ky],
  };
}

/** Straight-line distance in metres between two lon/lat points (equirectangular; short ranges). */
export function distanceMetres(a: Point, b: Point): number {
  const dx = (b[0] - a[0]) * metresPerDegreeLongitude((a[1] + b[1]) / 2);
  const dy = (b[1] - a[1]) * METRES_PER_DEGREE_LATITUDE;
  return Math.hypot(dx, dy);
}

/** Moves a point by metres east and north. */
export function offsetMetres([lon, lat]: Point, east: number, north: number): [number, number] {
  return [lon + east / metresPerDegreeLongitude(lat), lat + north / METRES_PER_DEGREE_LATITUDE];
}
