/**
 * Decides which neighbour a gap belongs to: the one that shares the longest stretch of the gap's
 * outline. Every edge of a gap lies on some district's boundary, so each edge is credited to the
 * district whose boundary is nearest to the edge's midpoint.
 */
import type { Position } from "geojson";
import { METRES_PER_DEGREE_LONGITUDE_AT_EQUATOR } from "../../../../src/data/earth.ts";
import { type Areal, toArea } from "./polygon.ts";

/**
 * Approximate length in metres of a short edge (equirectangular, the equator's degree of longitude
 * standing for a degree of latitude too; fine for ranking neighbours).
 */
export function edgeLengthMetres(a: Position, b: Position): number {
  const lat = (((a[1] ?? 0) + (b[1] ?? 0)) / 2) * (Math.PI / 180);
  const dx = ((b[0] ?? 0) - (a[0] ?? 0)) * Math.cos(lat);
  const dy = (b[1] ?? 0) - (a[1] ?? 0);
  return Math.hypot(dx, dy) * METRES_PER_DEGREE_LONGITUDE_AT_EQUATOR;
}

/** Squared planar distance (degrees²) from p to segment a-b. */
export function pointSegmentDistance2(p: Position, a: Position, b: Position): number {
  const [px = 0, py = 0] = p;
  const [ax = 0, ay = 0] = a;
  const [bx = 0, by = 0] = b;
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  const ex = ax + t * dx - px;
  const ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}

function distanceToBoundary2(p: Position, geometry: Areal): number {
  let best = Infinity;
  for (const ring of toArea(geometry).flat()) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const d = pointSegmentDistance2(p, ring[i] ?? [], ring[i + 1] ?? []);
      if (d < best) best = d;
    }
  }
  return best;
}

export interface Owned {
  readonly code: string;
  readonly geometry: Areal;
}

/** Metres of the ring's outline credited to each candidate, keyed by code. */
export function sharedBorderLengths(ring: Position[], candidates: readonly Owned[]): Map<string, number> {
  const lengths = new Map<string, number>();
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] ?? [];
    const b = ring[i + 1] ?? [];
    const mid = [((a[0] ?? 0) + (b[0] ?? 0)) / 2, ((a[1] ?? 0) + (b[1] ?? 0)) / 2];
    let bestCode: string | undefined;
    let bestDistance = Infinity;
    for (const c of candidates) {
      const d = distanceToBoundary2(mid, c.geometry);
      if (d < bestDistance) {
        bestDistance = d;
        bestCode = c.code;
      }
    }
    if (bestCode !== undefined) {
      lengths.set(bestCode, (lengths.get(bestCode) ?? 0) + edgeLengthMetres(a, b));
    }
  }
  return lengths;
}

/** Code of the candidate sharing the longest border with the ring; ties go to the lower code. */
export function longestBorderOwner(ring: Position[], candidates: readonly Owned[]): string {
  const lengths = [...sharedBorderLengths(ring, candidates)].toSorted(([codeA, a], [codeB, b]) => b - a || codeA.localeCompare(codeB));
  const first = lengths[0];
  if (!first) throw new Error("No candidate borders the ring");
  return first[0];
}
