/**
 * Rotated rectangles in metres around a centre, and the overlap test between two of them. Used
 * for compound footprints, which are small enough (< 1 km) for a flat local approximation.
 */
import { offsetMetres } from "./local-frame.ts";
import type { Point, Ring } from "./polygon.ts";

export interface RectangleSpec {
  centre: Point;
  /** Side lengths in metres. */
  width: number;
  height: number;
  /** Rotation in radians, counter-clockwise from east. */
  angle: number;
}

/** The four corners, counter-clockwise, in metres relative to the centre. */
function cornerOffsets({ width, height, angle }: RectangleSpec, grow = 0): [number, number][] {
  const hw = width / 2 + grow;
  const hh = height / 2 + grow;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return (
    [
      [-hw, -hh],
      [hw, -hh],
      [hw, hh],
      [-hw, hh],
    ] as const
  ).map(([x, y]) => [x * cos - y * sin, x * sin + y * cos]);
}

/** The rectangle as a closed lon/lat ring (degrees), optionally grown by `grow` metres a side. */
export function rectangleRing(spec: RectangleSpec, grow = 0): Ring {
  const ring: Ring = cornerOffsets(spec, grow).map(([east, north]) => offsetMetres(spec.centre, east, north));
  ring.push(ring[0] as [number, number]);
  return ring;
}

/** Corner positions in metres in a shared frame, for the separating-axis test. */
export function rectangleCorners(spec: RectangleSpec, centreMetres: Point, grow = 0): Point[] {
  return cornerOffsets(spec, grow).map(([x, y]) => [x + centreMetres[0], y + centreMetres[1]] as const);
}

/** Separating axis theorem for two convex polygons: true when their interiors overlap. */
export function convexOverlap(a: readonly Point[], b: readonly Point[]): boolean {
  return !(hasSeparatingEdge(a, a, b) || hasSeparatingEdge(b, a, b));
}

/** Written as plain loops: this runs millions of times while compounds are placed. */
function hasSeparatingEdge(shape: readonly Point[], a: readonly Point[], b: readonly Point[]): boolean {
  for (let i = 0; i < shape.length; i++) {
    const p = shape[i] as Point;
    const q = shape[(i + 1) % shape.length] as Point;
    const ax = q[1] - p[1];
    const ay = p[0] - q[0];
    let minA = Infinity;
    let maxA = -Infinity;
    for (const [x, y] of a) {
      const value = x * ax + y * ay;
      if (value < minA) minA = value;
      if (value > maxA) maxA = value;
    }
    let minB = Infinity;
    let maxB = -Infinity;
    for (const [x, y] of b) {
      const value = x * ax + y * ay;
      if (value < minB) minB = value;
      if (value > maxB) maxB = value;
    }
    if (maxA <= minB || maxB <= minA) return true;
  }
  return false;
}
