/**
 * Seed placement: random points inside a region and Mitchell's best-candidate sampling, which
 * spreads points evenly (each new point is the candidate farthest from those already placed) so
 * Voronoi cells come out as compact, similar-sized shapes instead of random slivers.
 */
import { distanceMetres } from "./local-frame.ts";
import { createPointLocator } from "./point-locator.ts";
import { bboxOf, bboxContains, planarArea, polygonArea, type Area, type BBox, type Point } from "./polygon.ts";
import type { Random } from "../generator/prng.ts";

/** Where points may go: a bounding box to draw from and a membership test (degrees). */
export interface SamplingDomain {
  bbox: BBox;
  contains(point: Point): boolean;
}

export function areaDomain(area: Area): SamplingDomain {
  return { bbox: bboxOf(area), contains: createPointLocator(area) };
}

/**
 * The domain of an area's substantial parts only (each at least `minShare` of the whole). Seeds
 * drawn here stay out of tiny exclaves, which best-candidate sampling would otherwise favour for
 * being far from everything; exclaves still end up in whichever Voronoi cell covers them.
 */
export function mainPartsDomain(area: Area, minShare = 0.15): SamplingDomain {
  const total = planarArea(area);
  const parts = area.filter((polygon) => polygonArea(polygon) >= minShare * total);
  return areaDomain(parts.length > 0 ? parts : area);
}

/** Points of `domain` that also pass `filter` (e.g. inside a disc), drawn from a smaller box. */
export function restrictDomain(domain: SamplingDomain, bbox: BBox, filter: (point: Point) => boolean): SamplingDomain {
  const clipped: BBox = [
    Math.max(domain.bbox[0], bbox[0]),
    Math.max(domain.bbox[1], bbox[1]),
    Math.min(domain.bbox[2], bbox[2]),
    Math.min(domain.bbox[3], bbox[3]),
  ];
  return { bbox: clipped, contains: (point) => bboxContains(clipped, point) && filter(point) && domain.contains(point) };
}

/** A uniform random point of the domain, or null when `attempts` draws all missed. */
export function randomPointIn(random: Random, domain: SamplingDomain, attempts = 2000): Point | null {
  const [west, south, east, north] = domain.bbox;
  if (!(west < east && south < north)) return null;
  for (let i = 0; i < attempts; i++) {
    const point: Point = [random.uniform(west, east), random.uniform(south, north)];
    if (domain.contains(point)) return point;
  }
  return null;
}

/**
 * Adds `count` well-spread points to `existing` (which they keep away from but which are not
 * returned). Falls back to `fallback` when the domain is too small to draw from.
 */
export function bestCandidatePoints(
  random: Random,
  domain: SamplingDomain,
  count: number,
  existing: readonly Point[] = [],
  fallback?: SamplingDomain,
  candidatesPerPoint = 10,
): Point[] {
  const placed: Point[] = existing.slice();
  const added: Point[] = [];
  for (let n = 0; n < count; n++) {
    let best: Point | null = null;
    let bestDistance = -1;
    for (let c = 0; c < candidatesPerPoint; c++) {
      const candidate = randomPointIn(random, domain) ?? (fallback ? randomPointIn(random, fallback) : null);
      if (!candidate) continue;
      const nearest = nearestDistance(candidate, placed);
      if (nearest > bestDistance) {
        best = candidate;
        bestDistance = nearest;
      }
    }
    if (!best) throw new Error("could not place a seed point: the sampling domain is empty");
    placed.push(best);
    added.push(best);
  }
  return added;
}

/** Distance in metres from a point to the nearest of `points` (Infinity for none). */
export function nearestDistance(point: Point, points: readonly Point[]): number {
  let nearest = Infinity;
  for (const other of points) {
    const distance = distanceMetres(point, other);
    if (distance < nearest) nearest = distance;
  }
  return nearest;
}
