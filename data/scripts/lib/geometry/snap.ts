/**
 * Moving a wished-for point (a town centre, a core) onto a region when it falls just outside,
 * e.g. a county seat whose approximate position lands in the lake or across an indicative border.
 */
import { distanceMetres } from "./local-frame.ts";
import { pointInArea, type Area, type Point } from "./polygon.ts";
import type { Random } from "../generator/prng.ts";
import { randomPointIn, type SamplingDomain } from "./sampling.ts";

/** The point itself when inside, otherwise the nearest of a few hundred random interior points. */
export function snapInto(random: Random, point: Point, area: Area, domain: SamplingDomain): Point {
  if (pointInArea(point, area)) return point;
  let best: Point | null = null;
  let bestDistance = Infinity;
  for (let i = 0; i < 400; i++) {
    const candidate = randomPointIn(random, domain);
    if (!candidate) continue;
    const distance = distanceMetres(point, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (!best) throw new Error(`cannot snap ${point.join(",")} into an empty area`);
  return best;
}
