/**
 * Cleaning of the district polygons: repair each shape, then make the set a partition (no
 * overlaps, no interior gaps). Boolean operations come from turf 7 (polyclip-ts), whose output is
 * valid by construction: closed, non-self-intersecting rings wound as RFC 7946 requires.
 */
import * as turf from "@turf/turf";
import type { Feature } from "geojson";
import { longestBorderOwner } from "./border-owner.ts";
import { type Areal, type PolygonRings, bboxOfAllRings, bboxesIntersect, toArea, toGeometryOrNull } from "./polygon.ts";

export interface District {
  readonly code: string;
  readonly name: string;
  readonly geometry: Areal;
}

const asFeature = (geometry: Areal): Feature<Areal> => turf.feature(geometry);

export function areaKm2(geometry: Areal): number {
  return turf.area(asFeature(geometry)) / 1e6;
}

/**
 * Rebuilds a shape through a self-union: crossings are resolved by the non-zero rule, spikes,
 * repeated and collinear points disappear, rings are closed and wound counter-clockwise outside.
 */
export function makeValid(geometry: Areal): Areal | null {
  const result = turf.union(turf.featureCollection([asFeature(geometry), asFeature(geometry)]));
  return result ? toGeometryOrNull(toArea(result.geometry)) : null;
}

export function union(geometries: readonly Areal[]): Areal | null {
  if (geometries.length === 0) return null;
  if (geometries.length === 1) return makeValid(geometries[0] as Areal);
  const result = turf.union(turf.featureCollection(geometries.map(asFeature)));
  return result ? toGeometryOrNull(toArea(result.geometry)) : null;
}

export function difference(geometry: Areal, minus: readonly Areal[]): Areal | null {
  if (minus.length === 0) return geometry;
  const result = turf.difference(turf.featureCollection([geometry, ...minus].map(asFeature)));
  return result ? toGeometryOrNull(toArea(result.geometry)) : null;
}

export function intersection(a: Areal, b: Areal): Areal | null {
  if (!bboxesIntersect(bboxOfAllRings(a), bboxOfAllRings(b))) return null;
  const result = turf.intersect(turf.featureCollection([asFeature(a), asFeature(b)]));
  return result ? toGeometryOrNull(toArea(result.geometry)) : null;
}

/** Removes polygon parts smaller than minKm2 (slivers); returns what it dropped, in km². */
export function dropSmallParts(geometry: Areal, minKm2: number): { geometry: Areal | null; droppedKm2: number[] } {
  const kept: PolygonRings[] = [];
  const droppedKm2: number[] = [];
  for (const part of toArea(geometry)) {
    const km2 = areaKm2({ type: "Polygon", coordinates: part });
    if (km2 < minKm2) droppedKm2.push(km2);
    else kept.push(part);
  }
  return { geometry: toGeometryOrNull(kept), droppedKm2 };
}

export interface Overlap {
  readonly a: string;
  readonly b: string;
  readonly km2: number;
}

/** Area shared by every pair of districts that overlap at all. */
export function pairwiseOverlaps(districts: readonly District[]): Overlap[] {
  const overlaps: Overlap[] = [];
  for (let i = 0; i < districts.length; i++) {
    for (let j = i + 1; j < districts.length; j++) {
      const a = districts[i];
      const b = districts[j];
      if (!a || !b) continue;
      const shared = intersection(a.geometry, b.geometry);
      const km2 = shared ? areaKm2(shared) : 0;
      if (km2 > 0) overlaps.push({ a: a.code, b: b.code, km2 });
    }
  }
  return overlaps;
}

/**
 * Makes the districts disjoint: walking them in code order, each loses whatever the districts
 * before it already cover, so every overlap goes to exactly one side (the lower code).
 */
export function removeOverlaps(districts: readonly District[]): District[] {
  const sorted = districts.toSorted((x, y) => x.code.localeCompare(y.code));
  const done: District[] = [];
  for (const d of sorted) {
    const earlier = done.filter((e) => bboxesIntersect(bboxOfAllRings(e.geometry), bboxOfAllRings(d.geometry)));
    const rest = difference(
      d.geometry,
      earlier.map((e) => e.geometry),
    );
    if (!rest) throw new Error(`District ${d.code} vanished when removing overlaps`);
    done.push({ ...d, geometry: rest });
  }
  return done;
}

/** The holes of the union of all districts: areas no district covers but all surround. */
export function interiorGaps(districts: readonly District[]): PolygonRings[] {
  const all = union(districts.map((d) => d.geometry));
  if (!all) return [];
  return toArea(all).flatMap((rings) => rings.slice(1).map((hole) => [hole.toReversed()]));
}

export interface FilledGap {
  readonly km2: number;
  readonly to: string;
}

/** Gives every interior gap up to maxKm2 to the district sharing the longest border with it. */
export function fillGaps(districts: readonly District[], maxKm2: number): { districts: District[]; filled: FilledGap[] } {
  const additions = new Map<string, Areal[]>();
  const filled: FilledGap[] = [];
  for (const gap of interiorGaps(districts)) {
    const geometry: Areal = { type: "Polygon", coordinates: gap };
    const km2 = areaKm2(geometry);
    if (km2 > maxKm2) continue;
    const near = districts.filter((d) => bboxesIntersect(bboxOfAllRings(d.geometry), bboxOfAllRings(geometry)));
    const to = longestBorderOwner(gap[0] ?? [], near);
    additions.set(to, [...(additions.get(to) ?? []), geometry]);
    filled.push({ km2, to });
  }
  const result = districts.map((d) => {
    const extra = additions.get(d.code);
    if (!extra) return d;
    const merged = union([d.geometry, ...extra]);
    if (!merged) throw new Error(`Union failed for ${d.code}`);
    return { ...d, geometry: merged };
  });
  return { districts: result, filled };
}
