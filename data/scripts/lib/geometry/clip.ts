/**
 * Boolean operations on areas, delegated to turf (polyclip-ts underneath). Wrapped so the rest of
 * the generator deals in coordinate arrays and never in Feature plumbing or null results.
 */
import { difference, featureCollection, intersect, multiPolygon, union } from "@turf/turf";
import type { Feature, MultiPolygon, Polygon } from "geojson";
import { toArea, type Area } from "./polygon.ts";

function asFeature(area: Area): Feature<MultiPolygon> {
  return multiPolygon(area);
}

function fromResult(result: Feature<Polygon | MultiPolygon> | null): Area {
  return result ? toArea(result.geometry) : [];
}

/** a ∩ b; an empty array when they do not overlap. */
export function intersectAreas(a: Area, b: Area): Area {
  if (a.length === 0 || b.length === 0) return [];
  return fromResult(intersect(featureCollection([asFeature(a), asFeature(b)])));
}

/** a ∪ b. */
export function unionAreas(a: Area, b: Area): Area {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  return fromResult(union(featureCollection([asFeature(a), asFeature(b)])));
}

/** a − b. */
export function subtractAreas(a: Area, b: Area): Area {
  if (a.length === 0 || b.length === 0) return a;
  return fromResult(difference(featureCollection([asFeature(a), asFeature(b)])));
}
