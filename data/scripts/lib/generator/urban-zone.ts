/**
 * The built-up zone of a district: a wobbly blob (not a perfect circle, which would look drawn
 * with compasses) around the urban core, sized so its land area matches what the district's urban
 * streets need. Urban streets tile the zone and rural streets the rest, which keeps city streets
 * small however far away the rural seeds are.
 */
import { intersectAreas, subtractAreas } from "../geometry/clip.ts";
import { createLocalFrame } from "../geometry/local-frame.ts";
import { createPointLocator } from "../geometry/point-locator.ts";
import { areaSquareMetres, bboxOf, type Area, type Point, type Ring } from "../geometry/polygon.ts";
import type { Random } from "./prng.ts";

export interface BlobShape {
  centre: Point;
  /** Phases (radians) of the 2nd, 3rd and 5th harmonics of the radius. */
  phases: readonly [number, number, number];
  /** Per-vertex radius factors, so the outline is a jagged polygon like a real boundary. */
  jitter: readonly number[];
}

const BLOB_VERTICES = 40;

export function randomBlobShape(random: Random, centre: Point): BlobShape {
  const phases = [random.uniform(0, 2 * Math.PI), random.uniform(0, 2 * Math.PI), random.uniform(0, 2 * Math.PI)] as const;
  const jitter = Array.from({ length: BLOB_VERTICES }, () => random.uniform(0.88, 1.12));
  return { centre, phases, jitter };
}

/**
 * Radius factor at bearing `angle`: smooth harmonics (1 ± about 30%, so the zone meanders but
 * stays star-shaped) times the vertex jitter interpolated between vertices.
 */
function radiusFactor(shape: BlobShape, angle: number): number {
  const [a, b, c] = shape.phases;
  const smooth = 1 + 0.16 * Math.sin(2 * angle + a) + 0.09 * Math.sin(3 * angle + b) + 0.05 * Math.sin(5 * angle + c);
  const position = ((((angle / (2 * Math.PI)) % 1) + 1) % 1) * BLOB_VERTICES;
  const i = Math.floor(position) % BLOB_VERTICES;
  const t = position - Math.floor(position);
  const jitter = (shape.jitter[i] as number) * (1 - t) + (shape.jitter[(i + 1) % BLOB_VERTICES] as number) * t;
  return smooth * jitter;
}

/** The blob as a polygon ring in degrees for a nominal radius in metres. */
export function blobRing(shape: BlobShape, radiusMetres: number): Ring {
  const frame = createLocalFrame(shape.centre);
  const ring: Ring = [];
  for (let i = 0; i < BLOB_VERTICES; i++) {
    const angle = (2 * Math.PI * i) / BLOB_VERTICES;
    const r = radiusMetres * radiusFactor(shape, angle);
    ring.push(frame.toDegrees([r * Math.cos(angle), r * Math.sin(angle)]));
  }
  ring.push(ring[0] as [number, number]);
  return ring;
}

function insideBlob(shape: BlobShape, radiusMetres: number, frame: ReturnType<typeof createLocalFrame>, point: Point): boolean {
  const [x, y] = frame.toMetres(point);
  return Math.hypot(x, y) <= radiusMetres * radiusFactor(shape, Math.atan2(y, x));
}

/**
 * Nominal radius (metres) at which land ∩ blob covers `targetSquareMetres`, found by bisection
 * on a fixed Monte Carlo sample of the land (good to a few per cent, which is all density needs).
 */
export function radiusForLandArea(random: Random, land: Area, shape: BlobShape, targetSquareMetres: number): number {
  const [west, south, east, north] = bboxOf(land);
  const landArea = areaSquareMetres(land);
  const samples: Point[] = [];
  const inLand = createPointLocator(land);
  for (let i = 0; samples.length < 2500 && i < 50_000; i++) {
    const point: Point = [random.uniform(west, east), random.uniform(south, north)];
    if (inLand(point)) samples.push(point);
  }
  const frame = createLocalFrame(shape.centre);
  const share = Math.min(1, targetSquareMetres / landArea);
  let low = 0;
  let high = 400_000;
  for (let i = 0; i < 40; i++) {
    const middle = (low + high) / 2;
    const inside = samples.filter((point) => insideBlob(shape, middle, frame, point)).length / samples.length;
    if (inside < share) low = middle;
    else high = middle;
  }
  return high;
}

export interface Zones {
  urban: Area;
  rural: Area;
}

export function splitByBlob(land: Area, shape: BlobShape, radiusMetres: number): Zones {
  const blob: Area = [[blobRing(shape, radiusMetres)]];
  return { urban: intersectAreas(land, blob), rural: subtractAreas(land, blob) };
}
