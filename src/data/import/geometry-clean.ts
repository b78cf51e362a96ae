// Geometry as users hand it over, made fit for a layer or rejected with a reason: no geometry,
// empty coordinates, the wrong type, GeometryCollections, rings that are not closed or too short,
// heights (3D), positions out of range, and self-intersecting boundaries. Conversion to WGS84
// happens here too, position by position, so a geometry is walked once.
import type { Geometry, MultiPolygon, Point, Polygon, Position } from "geojson";
import Flatbush from "flatbush";
import { METRES_PER_DEGREE_LONGITUDE_AT_EQUATOR } from "../earth.ts";
import type { ReportCode } from "./report.ts";

export type Kind = "area" | "point";

export interface CleanProblem {
  code: ReportCode;
  severity: "error" | "warning" | "info";
  params?: Record<string, string | number>;
}

export interface Cleaned {
  geometry: Polygon | MultiPolygon | Point | null;
  problems: CleanProblem[];
}

const GEOMETRY_TYPES = new Set(["Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection"]);

const round = (value: number) => Math.round(value * 1e7) / 1e7;

/**
 * `convert` maps a raw position to WGS84; `pointOutlineMetres` lets a point stand for an area
 * (a compound given only by its 经度/纬度) as a circle of that radius.
 */
export function cleanGeometry(raw: unknown, kind: Kind, convert: (position: [number, number]) => [number, number], pointOutlineMetres?: number): Cleaned {
  const problems: CleanProblem[] = [];
  if (raw === null || raw === undefined) return { geometry: null, problems: [{ code: "geometry-missing", severity: "error" }] };
  const geometry = raw as Geometry;
  if (typeof geometry !== "object" || !GEOMETRY_TYPES.has(geometry.type))
    return { geometry: null, problems: [{ code: "geometry-missing", severity: "error" }] };
  if (geometry.type === "GeometryCollection") return { geometry: null, problems: [{ code: "geometry-collection", severity: "error" }] };
  const state = { threeD: false, outOfRange: undefined as string | undefined, bad: false };
  const position = (value: unknown): Position | null => {
    if (
      !Array.isArray(value) ||
      value.length < 2 ||
      typeof value[0] !== "number" ||
      typeof value[1] !== "number" ||
      !Number.isFinite(value[0]) ||
      !Number.isFinite(value[1])
    ) {
      state.bad = true;
      return null;
    }
    if (value.length > 2) state.threeD = true;
    const [x, y] = convert([value[0], value[1]]);
    if (!(Math.abs(x) <= 180 && Math.abs(y) <= 90) || !Number.isFinite(x) || !Number.isFinite(y)) {
      state.outOfRange ??= `${value[0]}, ${value[1]}`;
      return null;
    }
    return [round(x), round(y)];
  };
  const coordinates = (geometry as { coordinates?: unknown }).coordinates;
  if (!Array.isArray(coordinates) || coordinates.length === 0) return { geometry: null, problems: [{ code: "geometry-empty", severity: "error" }] };
  const finish = (result: Polygon | MultiPolygon | Point | null): Cleaned => {
    if (state.outOfRange !== undefined)
      return { geometry: null, problems: [...problems, { code: "geometry-out-of-range", severity: "error", params: { position: state.outOfRange } }] };
    if (state.bad || result === null) return { geometry: null, problems: [...problems, { code: "geometry-empty", severity: "error" }] };
    if (state.threeD) problems.push({ code: "geometry-3d", severity: "info" });
    return { geometry: result, problems };
  };
  if (kind === "point") {
    if (geometry.type === "Point") return finish({ type: "Point", coordinates: position(coordinates) ?? [] });
    if (geometry.type === "MultiPoint" && coordinates.length === 1) return finish({ type: "Point", coordinates: position(coordinates[0]) ?? [] });
    return { geometry: null, problems: [{ code: "geometry-type", severity: "error", params: { found: geometry.type, expected: "Point" } }] };
  }
  if (geometry.type === "Point" && pointOutlineMetres !== undefined) {
    const centre = position(coordinates);
    return finish(centre ? circle(centre, pointOutlineMetres) : null);
  }
  if (geometry.type !== "Polygon" && geometry.type !== "MultiPolygon") {
    return { geometry: null, problems: [{ code: "geometry-type", severity: "error", params: { found: geometry.type, expected: "Polygon / MultiPolygon" } }] };
  }
  const ring = (value: unknown): Position[] | null => {
    if (!Array.isArray(value)) {
      state.bad = true;
      return null;
    }
    const positions = value.map(position).filter((item): item is Position => item !== null);
    if (positions.length !== value.length) return null;
    const first = positions[0];
    const last = positions[positions.length - 1];
    if (first && last && (first[0] !== last[0] || first[1] !== last[1])) {
      if (!problems.some((problem) => problem.code === "geometry-ring-unclosed")) problems.push({ code: "geometry-ring-unclosed", severity: "warning" });
      positions.push([...first]);
    }
    if (positions.length < 4) {
      problems.push({ code: "geometry-ring-short", severity: "error" });
      state.bad = true;
      return null;
    }
    return positions;
  };
  const polygon = (value: unknown): Position[][] | null => {
    if (!Array.isArray(value) || value.length === 0) {
      state.bad = true;
      return null;
    }
    const rings = value.map(ring);
    return rings.every((item) => item !== null) ? (rings as Position[][]) : null;
  };
  let result: Polygon | MultiPolygon | null;
  if (geometry.type === "Polygon") {
    const rings = polygon(coordinates);
    result = rings ? { type: "Polygon", coordinates: rings } : null;
  } else {
    const polygons = coordinates.map(polygon);
    result = polygons.every((item) => item !== null) ? { type: "MultiPolygon", coordinates: polygons as Position[][][] } : null;
  }
  if (problems.some((problem) => problem.severity === "error")) return { geometry: null, problems };
  const cleaned = finish(result);
  if (cleaned.geometry && cleaned.geometry.type !== "Point") {
    const crossing = selfIntersection(cleaned.geometry);
    if (crossing)
      cleaned.problems.push({ code: "geometry-self-intersection", severity: "warning", params: { at: crossing.map((value) => value.toFixed(5)).join(", ") } });
  }
  return cleaned;
}

/** A 32-sided polygon of radius `metres` around a WGS84 position (equirectangular, fine at this size). */
export function circle(centre: Position, metres: number): Polygon {
  const [longitude = 0, latitude = 0] = centre;
  const ring: Position[] = [];
  for (let step = 0; step <= 32; step++) {
    const angle = ((step % 32) / 32) * 2 * Math.PI;
    ring.push([
      round(longitude + (metres * Math.cos(angle)) / (METRES_PER_DEGREE_LONGITUDE_AT_EQUATOR * Math.cos((latitude * Math.PI) / 180))),
      // The equator's degree of longitude stands in for a degree of latitude (within 1% anywhere).
      round(latitude + (metres * Math.sin(angle)) / METRES_PER_DEGREE_LONGITUDE_AT_EQUATOR),
    ]);
  }
  return { type: "Polygon", coordinates: [ring] };
}

/**
 * Where two edges of the same polygon's boundary cross, or null. Edges are indexed in a Flatbush
 * so large rings cost n log n, not n²; edges that share a vertex do not count.
 */
export function selfIntersection(geometry: Polygon | MultiPolygon): Position | null {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  for (const rings of polygons) {
    const edges: [Position, Position, number, number][] = [];
    rings.forEach((ring, ringIndex) => {
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = ring[i];
        const b = ring[i + 1];
        if (a && b) edges.push([a, b, ringIndex, i]);
      }
    });
    if (edges.length < 4) continue;
    const index = new Flatbush(edges.length);
    for (const [a, b] of edges)
      index.add(Math.min(a[0] ?? 0, b[0] ?? 0), Math.min(a[1] ?? 0, b[1] ?? 0), Math.max(a[0] ?? 0, b[0] ?? 0), Math.max(a[1] ?? 0, b[1] ?? 0));
    index.finish();
    for (let i = 0; i < edges.length; i++) {
      const edge = edges[i];
      if (!edge) continue;
      const [a, b, ring, position] = edge;
      const ringLength = (rings[ring]?.length ?? 0) - 1;
      const candidates = index.search(
        Math.min(a[0] ?? 0, b[0] ?? 0),
        Math.min(a[1] ?? 0, b[1] ?? 0),
        Math.max(a[0] ?? 0, b[0] ?? 0),
        Math.max(a[1] ?? 0, b[1] ?? 0),
      );
      for (const j of candidates) {
        if (j <= i) continue;
        const other = edges[j];
        if (!other) continue;
        const [c, d, otherRing, otherPosition] = other;
        if (ring === otherRing) {
          const gap = Math.abs(position - otherPosition);
          if (gap <= 1 || gap === ringLength - 1) continue;
        }
        const crossing = properCrossing(a, b, c, d);
        if (crossing) return crossing;
      }
    }
  }
  return null;
}

function properCrossing(a: Position, b: Position, c: Position, d: Position): Position | null {
  const [ax = 0, ay = 0] = a;
  const [bx = 0, by = 0] = b;
  const [cx = 0, cy = 0] = c;
  const [dx = 0, dy = 0] = d;
  const denominator = (bx - ax) * (dy - cy) - (by - ay) * (dx - cx);
  if (denominator === 0) return null;
  const t = ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / denominator;
  const u = ((cx - ax) * (by - ay) - (cy - ay) * (bx - ax)) / denominator;
  const epsilon = 1e-9;
  if (t > epsilon && t < 1 - epsilon && u > epsilon && u < 1 - epsilon) return [ax + t * (bx - ax), ay + t * (by - ay)];
  return null;
}
