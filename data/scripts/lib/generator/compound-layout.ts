/**
 * Compound (小区) footprints: rotated rectangles placed at random inside their community, kept a
 * few metres off the boundary (so rounding to 5 decimals cannot push a corner out) and a street's
 * width away from each other. A footprint that cannot be placed is shrunk and retried, and
 * dropped as a last resort; callers count what was placed.
 */
import type { BoundaryIndex } from "../geometry/boundary-index.ts";
import { createLocalFrame } from "../geometry/local-frame.ts";
import type { Point, Ring } from "../geometry/polygon.ts";
import type { Random } from "./prng.ts";
import { convexOverlap, rectangleCorners, rectangleRing, type RectangleSpec } from "../geometry/rectangles.ts";
import { randomPointIn, type SamplingDomain } from "../geometry/sampling.ts";

export interface FootprintRequest {
  /** Wanted footprint in square metres. */
  squareMetres: number;
}

export interface Footprint {
  ring: Ring;
  centre: Point;
  /** Footprint actually used (smaller than requested when the community was crowded). */
  squareMetres: number;
}

/** Metres kept clear around each footprint: half a lane, so neighbours are at least a lane apart. */
const CLEARANCE = 6;
/** Metres kept between a footprint and its community's boundary. */
const BOUNDARY_MARGIN = 4;
const ATTEMPTS_PER_SIZE = 40;
const SHRINK_STEPS = [1, 0.7, 0.45, 0.25] as const;

export function placeFootprints(random: Random, domain: SamplingDomain, boundary: BoundaryIndex, requests: readonly FootprintRequest[]): (Footprint | null)[] {
  const [west, south, east, north] = domain.bbox;
  const frame = createLocalFrame([(west + east) / 2, (south + north) / 2]);
  const placed: Point[][] = [];
  // Largest first: big estates are the hard ones to fit, small ones fill the gaps after them.
  const order = requests
    .map((_, index) => index)
    .toSorted((a, b) => (requests[b] as FootprintRequest).squareMetres - (requests[a] as FootprintRequest).squareMetres || a - b);
  const result: (Footprint | null)[] = requests.map(() => null);
  for (const index of order) result[index] = placeOne(requests[index] as FootprintRequest);
  return result;

  function placeOne(request: FootprintRequest): Footprint | null {
    const aspect = random.uniform(1, 2.2);
    const angle = random.uniform(0, Math.PI);
    for (const factor of SHRINK_STEPS) {
      const squareMetres = request.squareMetres * factor;
      const width = Math.sqrt(squareMetres * aspect);
      const height = squareMetres / width;
      for (let attempt = 0; attempt < ATTEMPTS_PER_SIZE; attempt++) {
        const centre = randomPointIn(random, domain, 200);
        if (!centre) return null;
        const spec: RectangleSpec = { centre, width, height, angle };
        const corners = rectangleCorners(spec, frame.toMetres(centre), CLEARANCE);
        if (placed.some((other) => convexOverlap(corners, other))) continue;
        if (!boundary.containsRing(rectangleRing(spec, BOUNDARY_MARGIN))) continue;
        placed.push(corners);
        return { ring: rectangleRing(spec), centre, squareMetres };
      }
    }
    return null;
  }
}
