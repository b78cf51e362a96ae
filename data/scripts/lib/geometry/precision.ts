/**
 * Coordinate rounding for the published files. Rounding keeps files small and diffs readable
 * (5 decimals is about 1 m at Kunming's latitude, 6 about 0.1 m), but it can collapse tiny rings
 * and repeat vertices, so each ring is cleaned after rounding. Winding follows RFC 7946:
 * exterior rings counter-clockwise, holes clockwise.
 */
import { ringSignedArea, type Area, type Point, type PolygonRings, type Ring } from "./polygon.ts";

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  // Adding 0 turns -0 into 0 so the JSON never shows "-0".
  return Math.round(value * factor) / factor + 0;
}

/** Rounds to 6 decimals (about 0.1 m), the precision the source extracts are stored at. */
export function round6(value: number): number {
  return roundTo(value, 6);
}

/** Rounds every vertex to 6 decimals and removes the consecutive duplicates rounding can create (no closing, no winding). */
export function roundRing6(ring: Ring): Ring {
  const out: Ring = [];
  for (const [x = 0, y = 0] of ring) {
    const p = [round6(x), round6(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

export function roundPoint([x, y]: Point, decimals: number): [number, number] {
  return [roundTo(x, decimals), roundTo(y, decimals)];
}

/** Rounds a ring, drops repeated vertices, closes and winds it; null when it no longer encloses area. */
function roundAndWindRing(ring: Ring, decimals: number, counterClockwise: boolean): Ring | null {
  const rounded: Ring = [];
  for (const position of ring) {
    const next = roundPoint(position as unknown as Point, decimals);
    const last = rounded[rounded.length - 1];
    if (last && last[0] === next[0] && last[1] === next[1]) continue;
    rounded.push(next);
  }
  const first = rounded[0];
  const last = rounded[rounded.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) rounded.push([first[0], first[1]] as [number, number]);
  if (rounded.length < 4) return null;
  const signed = ringSignedArea(rounded);
  if (signed === 0) return null;
  return signed > 0 === counterClockwise ? rounded : rounded.toReversed();
}

/** Rounds every ring of an area; polygons whose exterior collapses disappear. */
export function roundArea(area: Area, decimals: number): Area {
  const result: Area = [];
  for (const polygon of area) {
    const [outer, ...holes] = polygon;
    if (!outer) continue;
    const roundedOuter = roundAndWindRing(outer, decimals, true);
    if (!roundedOuter) continue;
    const rings: PolygonRings = [roundedOuter];
    for (const hole of holes) {
      const roundedHole = roundAndWindRing(hole, decimals, false);
      if (roundedHole) rings.push(roundedHole);
    }
    result.push(rings);
  }
  return result;
}
