/**
 * Splits a parent area into one piece per seed: Voronoi cells (d3-delaunay, computed in local
 * metres so they are not stretched) clipped to the parent. Because every seed lies inside the
 * parent, every piece contains its seed and is never empty. Cells that do not touch the parent's
 * boundary are taken as they are (the common case, and no clipping cost); the rest are clipped.
 * A clipped cell can fall apart into several polygons (a bay, a lake shore); the parts that do not
 * hold the seed are handed to the neighbour they share most boundary with, so most units end up as
 * one polygon, as real administrative units are.
 */
import { Delaunay } from "d3";
import { createBoundaryIndex } from "./boundary-index.ts";
import { intersectAreas, unionAreas } from "./clip.ts";
import { clipByConvexRing, clipSimpleByConvexRing, isConvexArea } from "./convex-clip.ts";
import { createLocalFrame } from "./local-frame.ts";
import { roundArea } from "./precision.ts";
import { bboxContains, bboxOf, pointInArea, pointInPolygon, polygonArea, type Area, type BBox, type Point, type PolygonRings, type Ring } from "./polygon.ts";

const SNAP_DECIMALS = 9;

/** Offset (degrees, about 1 cm) used to probe which neighbour lies across a fragment's edge. */
const PROBE_DEGREES = 1e-7;

export function tileByVoronoi(parent: Area, seeds: readonly Point[]): Area[] {
  if (seeds.length === 0) return [];
  for (const seed of seeds) {
    if (!pointInArea(seed, parent)) throw new Error(`Voronoi seed ${seed.join(",")} lies outside its parent`);
  }
  if (seeds.length === 1) return [parent];
  const pieces = clippedCells(parent, seeds);
  return absorbFragments(pieces, seeds, parent);
}

function clippedCells(parent: Area, seeds: readonly Point[]): Area[] {
  const [west, south, east, north] = bboxOf(parent);
  const frame = createLocalFrame([(west + east) / 2, (south + north) / 2]);
  const projected = seeds.map((seed) => frame.toMetres(seed));
  const [x0, y0] = frame.toMetres([west, south]);
  const [x1, y1] = frame.toMetres([east, north]);
  const margin = 1000; // metres; keeps the bounding box out of the way of every cell that matters
  const voronoi = Delaunay.from(projected).voronoi([x0 - margin, y0 - margin, x1 + margin, y1 + margin]);
  const boundary = createBoundaryIndex(parent);
  const convexParent = isConvexArea(parent) ? (parent[0]?.[0] as Ring) : null;
  const simpleParent = parent.length === 1 && parent[0]?.length === 1 ? (parent[0][0] as Ring) : null;
  return seeds.map((seed, index) => {
    const cell = voronoi.cellPolygon(index);
    if (!cell) throw new Error(`Voronoi seed ${seed.join(",")} has no cell (duplicate seed?)`);
    const ring: Ring = cell.map(([x, y]) => frame.toDegrees([x as number, y as number]));
    if (!boundary.touchesRing(ring)) return [[ring]];
    if (convexParent) {
      const clipped = clipByConvexRing(convexParent, ring);
      return clipped ? [[clipped]] : [];
    }
    if (simpleParent) {
      const clipped = clipSimpleByConvexRing(simpleParent, ring);
      if (clipped !== "fallback") return clipped ? [[clipped]] : [];
    }
    return intersectAreas([[ring]], parent);
  });
}

/** Moves every polygon that does not hold its seed to the neighbour across its longest edge. */
export function absorbFragments(pieces: Area[], seeds: readonly Point[], parent: Area): Area[] {
  const result = pieces.map((piece) => piece.slice());
  const fragments: { polygon: PolygonRings; owner: number }[] = [];
  result.forEach((piece, owner) => {
    if (piece.length < 2) return;
    const seed = seeds[owner] as Point;
    const home = piece.find((polygon) => pointInPolygon(seed, polygon)) ?? largest(piece);
    result[owner] = [home];
    for (const polygon of piece) if (polygon !== home) fragments.push({ polygon, owner });
  });
  if (fragments.length === 0) return result;
  const boxes = result.map((piece) => bboxOf(piece));
  for (const { polygon, owner } of fragments) {
    const neighbour = neighbourAcrossLongestEdge(polygon, owner, result, boxes, parent);
    if (neighbour === null) {
      (result[owner] as Area).push(polygon);
      continue;
    }
    // Shared edges computed by different clippers differ in the last bits; snapping both sides
    // to 1e-9° (0.1 mm) makes them coincide so the union really merges them.
    result[neighbour] = unionAreas(roundArea(result[neighbour] as Area, SNAP_DECIMALS), roundArea([polygon], SNAP_DECIMALS));
    boxes[neighbour] = bboxOf(result[neighbour] as Area);
  }
  return result;
}

function largest(area: Area): PolygonRings {
  return area.reduce((best, polygon) => (polygonArea(polygon) > polygonArea(best) ? polygon : best));
}

function neighbourAcrossLongestEdge(polygon: PolygonRings, owner: number, pieces: readonly Area[], boxes: readonly BBox[], parent: Area): number | null {
  const shared = new Map<number, number>();
  const outer = polygon[0] ?? [];
  for (let i = 1; i < outer.length; i++) {
    const [ax, ay] = outer[i - 1] as [number, number];
    const [bx, by] = outer[i] as [number, number];
    const length = Math.hypot(bx - ax, by - ay);
    if (length === 0) continue;
    const nx = (-(by - ay) / length) * PROBE_DEGREES;
    const ny = ((bx - ax) / length) * PROBE_DEGREES;
    const mx = (ax + bx) / 2;
    const my = (ay + by) / 2;
    for (const probe of [
      [mx + nx, my + ny],
      [mx - nx, my - ny],
    ] as Point[]) {
      if (pointInPolygon(probe, polygon) || !pointInArea(probe, parent)) continue;
      const neighbour = pieces.findIndex((piece, index) => index !== owner && bboxContains(boxes[index] as BBox, probe) && pointInArea(probe, piece));
      if (neighbour >= 0) shared.set(neighbour, (shared.get(neighbour) ?? 0) + length);
    }
  }
  let best: number | null = null;
  let bestLength = 0;
  for (const [neighbour, length] of shared) {
    if (length > bestLength || (length === bestLength && best !== null && neighbour < best)) {
      best = neighbour;
      bestLength = length;
    }
  }
  return best;
}
