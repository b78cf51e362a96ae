/**
 * Independent validity checks for the written polygons: we do not want to trust the clipping
 * library (or the 6-decimal rounding after it) blindly. Rings may touch at single vertices, as
 * OGC allows between rings; they must not cross, overlap along an edge, or fold back on themselves.
 */
import type { Position } from "geojson";
import { type Areal, closedRingSignedArea, toArea } from "./polygon.ts";

export type IssueKind = "too-short" | "unclosed" | "winding" | "repeated-vertex" | "cross" | "overlap";

export interface Issue {
  readonly kind: IssueKind;
  readonly message: string;
}

interface Segment {
  readonly a: Position;
  readonly b: Position;
  readonly ring: number;
  readonly index: number;
  readonly ringLength: number;
  readonly minX: number;
  readonly maxX: number;
}

function orient(p: Position, q: Position, r: Position): number {
  const v = ((q[0] ?? 0) - (p[0] ?? 0)) * ((r[1] ?? 0) - (p[1] ?? 0)) - ((q[1] ?? 0) - (p[1] ?? 0)) * ((r[0] ?? 0) - (p[0] ?? 0));
  return Math.sign(v);
}

/** Parameter of r along p->q (r assumed collinear), used to test collinear overlap. */
function along(p: Position, q: Position, r: Position): number {
  const dx = (q[0] ?? 0) - (p[0] ?? 0);
  const dy = (q[1] ?? 0) - (p[1] ?? 0);
  return (((r[0] ?? 0) - (p[0] ?? 0)) * dx + ((r[1] ?? 0) - (p[1] ?? 0)) * dy) / (dx * dx + dy * dy);
}

/** "cross" for a proper crossing, "overlap" for collinear overlap of positive length, else null. */
export function segmentConflict(a: Position, b: Position, c: Position, d: Position): "cross" | "overlap" | null {
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  if (o1 * o2 < 0 && o3 * o4 < 0) return "cross";
  if (o1 === 0 && o2 === 0) {
    const t1 = along(a, b, c);
    const t2 = along(a, b, d);
    const lo = Math.max(0, Math.min(t1, t2));
    const hi = Math.min(1, Math.max(t1, t2));
    if (hi - lo > 1e-12) return "overlap";
  }
  return null;
}

function adjacent(s: Segment, t: Segment): boolean {
  if (s.ring !== t.ring) return false;
  const gap = Math.abs(s.index - t.index);
  return gap === 1 || gap === s.ringLength - 1;
}

/** All problems found in a Polygon or MultiPolygon (empty = valid). */
export function validityIssues(geometry: Areal): Issue[] {
  const issues: Issue[] = [];
  const add = (kind: IssueKind, message: string): void => {
    issues.push({ kind, message });
  };
  const segments: Segment[] = [];
  let ringId = 0;
  toArea(geometry).forEach((rings, p) => {
    rings.forEach((ring, r) => {
      const id = `part ${p} ring ${r}`;
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (ring.length < 4) add("too-short", `${id}: fewer than 4 positions`);
      if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) add("unclosed", `${id}: not closed`);
      const area = closedRingSignedArea(ring);
      if (r === 0 && area <= 0) add("winding", `${id}: exterior ring is not counter-clockwise`);
      if (r > 0 && area >= 0) add("winding", `${id}: hole is not clockwise`);
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = ring[i] ?? [];
        const b = ring[i + 1] ?? [];
        if (a[0] === b[0] && a[1] === b[1]) add("repeated-vertex", `${id}: repeated vertex at ${i}`);
        const minX = Math.min(a[0] ?? 0, b[0] ?? 0);
        const maxX = Math.max(a[0] ?? 0, b[0] ?? 0);
        segments.push({ a, b, ring: ringId, index: i, ringLength: ring.length - 1, minX, maxX });
      }
      ringId++;
    });
  });
  // Sweep along x so only segments whose x-ranges overlap are compared.
  segments.sort((s, t) => s.minX - t.minX);
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (!s) continue;
    for (let j = i + 1; j < segments.length; j++) {
      const t = segments[j];
      if (!t || t.minX > s.maxX) break;
      const conflict = segmentConflict(s.a, s.b, t.a, t.b);
      // Neighbouring segments of one ring share a vertex; only a fold-back (spike) is wrong.
      if (conflict && (!adjacent(s, t) || conflict === "overlap")) {
        add(conflict, `${conflict} between ring ${s.ring}#${s.index} and ring ${t.ring}#${t.index} near ${s.a.join(",")}`);
      }
    }
  }
  return issues;
}

/** Number of issues of each kind, for reporting what a source got wrong. */
export function countIssues(issues: readonly Issue[]): Partial<Record<IssueKind, number>> {
  const counts: Partial<Record<IssueKind, number>> = {};
  for (const { kind } of issues) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}
