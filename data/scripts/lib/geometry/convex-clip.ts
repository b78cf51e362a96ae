/**
 * Sutherland-Hodgman clipping for the common case of the Voronoi tiling: a parent polygon cut by
 * convex cells. With a convex clip ring the algorithm is exact for any simple subject except
 * when the true result falls apart into pieces: it then joins them with zero-width bridges along
 * the clip edges. Those bridges are detected (overlapping edges on one clip line) and the caller
 * falls back to the general clipper. It costs a fraction of polyclip-ts, which computes in
 * arbitrary precision. Coordinates are degrees, EPSG:4326.
 */
import { ringSignedArea, type Area, type Ring } from "./polygon.ts";

/**
 * How far (degrees, about 1.5 m) a vertex may sit inside the hull and still count as convex:
 * rounding outlines to 5 decimals leaves dents of that size along otherwise straight edges.
 */
const DENT_TOLERANCE = 1.5e-5;

/** True for a single polygon without holes whose ring turns one way (up to DENT_TOLERANCE). */
export function isConvexArea(area: Area): boolean {
  const [polygon, ...others] = area;
  if (!polygon || others.length > 0 || polygon.length !== 1) return false;
  const ring = polygon[0] as Ring;
  const orientation = Math.sign(ringSignedArea(ring));
  const n = ring.length - 1;
  if (n < 3 || orientation === 0) return false;
  for (let i = 0; i < n; i++) {
    const [ax, ay] = ring[(i + n - 1) % n] as [number, number];
    const [bx, by] = ring[i] as [number, number];
    const [cx, cy] = ring[(i + 1) % n] as [number, number];
    const length = Math.hypot(cx - ax, cy - ay);
    if (length === 0) continue;
    // Signed distance of b from the chord ac, positive on the chord's left. A convex vertex lies
    // outside the chord (right of it for a counter-clockwise ring); one inside it is a dent.
    const distance = ((cx - ax) * (by - ay) - (cy - ay) * (bx - ax)) / length;
    if (distance * orientation > DENT_TOLERANCE) return false;
  }
  return true;
}

/** subject ∩ clip for a convex clip ring (either orientation); null when they do not overlap. */
export function clipByConvexRing(subject: Ring, clip: Ring): Ring | null {
  const orientation = Math.sign(ringSignedArea(clip));
  let output: [number, number][] = subject.slice(0, -1).map(([x, y]) => [x as number, y as number]);
  for (let i = 0; i < clip.length - 1 && output.length > 0; i++) {
    const [px, py] = clip[i] as [number, number];
    const [qx, qy] = clip[i + 1] as [number, number];
    const side = (x: number, y: number) => ((qx - px) * (y - py) - (qy - py) * (x - px)) * orientation;
    const input = output;
    output = [];
    for (let j = 0; j < input.length; j++) {
      const current = input[j] as [number, number];
      const previous = input[(j + input.length - 1) % input.length] as [number, number];
      const currentSide = side(current[0], current[1]);
      const previousSide = side(previous[0], previous[1]);
      if (currentSide >= 0) {
        if (previousSide < 0) output.push(crossing(previous, current, previousSide, currentSide));
        output.push(current);
      } else if (previousSide >= 0) {
        output.push(crossing(previous, current, previousSide, currentSide));
      }
    }
  }
  if (output.length < 3) return null;
  const ring: Ring = output;
  ring.push([(output[0] as [number, number])[0], (output[0] as [number, number])[1]]);
  return ringSignedArea(ring) === 0 ? null : ring;
}

function crossing(a: [number, number], b: [number, number], sideA: number, sideB: number): [number, number] {
  const t = sideA / (sideA - sideB);
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}

/** Distance (degrees) within which a vertex counts as lying on a clip line. */
const ON_LINE = 1e-9;

/**
 * subject ∩ clip for a simple subject ring without holes and a convex clip ring. Returns
 * "fallback" when the result would need more than one polygon, which this method cannot express.
 */
export function clipSimpleByConvexRing(subject: Ring, clip: Ring): Ring | null | "fallback" {
  const result = clipByConvexRing(subject, clip);
  if (!result) return null;
  for (let i = 0; i < clip.length - 1; i++) {
    const [px, py] = clip[i] as [number, number];
    const [qx, qy] = clip[i + 1] as [number, number];
    const length = Math.hypot(qx - px, qy - py);
    if (length === 0) continue;
    const ux = (qx - px) / length;
    const uy = (qy - py) / length;
    const onLine = ([x, y]: [number, number]) => Math.abs((x - px) * uy - (y - py) * ux) <= ON_LINE;
    const intervals: [number, number][] = [];
    for (let j = 1; j < result.length; j++) {
      const a = result[j - 1] as [number, number];
      const b = result[j] as [number, number];
      if (!onLine(a) || !onLine(b)) continue;
      const ta = (a[0] - px) * ux + (a[1] - py) * uy;
      const tb = (b[0] - px) * ux + (b[1] - py) * uy;
      intervals.push(ta < tb ? [ta, tb] : [tb, ta]);
    }
    const sorted = intervals.toSorted((m, n) => m[0] - n[0]);
    for (let k = 1; k < sorted.length; k++) {
      if ((sorted[k] as [number, number])[0] < (sorted[k - 1] as [number, number])[1] - ON_LINE) return "fallback";
    }
  }
  return result;
}
