/**
 * The district cleaning pipeline and its acceptance checks, kept apart from file I/O so it can be
 * tested on synthetic shapes. Steps: repair each shape, remove overlaps, drop slivers, fill
 * interior gaps, round to 6 decimals; then verify validity, overlaps and gaps on what is written.
 */
import { roundGeometry } from "../io/geojson-text.ts";
import { type District, areaKm2, dropSmallParts, fillGaps, interiorGaps, makeValid, pairwiseOverlaps, removeOverlaps } from "../geometry/polygon-clean.ts";
import { type IssueKind, countIssues, validityIssues } from "../geometry/validity.ts";
import { toArea } from "../geometry/polygon.ts";

/** Parts and gaps below this are slivers (about 100 m × 100 m). */
export const SLIVER_KM2 = 0.01;
/** Interior gaps up to this size are digitising errors and get filled; larger ones are reported. */
export const MAX_GAP_KM2 = 1;

export interface CleaningReport {
  /** Defects of the input shapes, by kind, summed over all districts. */
  readonly sourceDefects: Partial<Record<IssueKind, number>>;
  readonly overlapsBefore: { a: string; b: string; km2: number }[];
  readonly gapsBeforeKm2: number[];
  readonly droppedSlivers: { code: string; km2: number }[];
  readonly filledGaps: { to: string; km2: number }[];
  readonly repairedAreaChangeKm2: number;
}

export interface Verification {
  readonly issues: string[];
  readonly maxOverlapKm2: number;
  readonly totalOverlapKm2: number;
  readonly gapsKm2: number[];
}

export function countVertices(d: District): number {
  return toArea(d.geometry)
    .flat()
    .reduce((n, ring) => n + ring.length, 0);
}

const byCode = (a: District, b: District): number => a.code.localeCompare(b.code);

export function cleanDistricts(input: readonly District[]): { districts: District[]; report: CleaningReport } {
  const sorted = input.toSorted(byCode);
  const sourceDefects = countIssues(sorted.flatMap((d) => validityIssues(d.geometry)));
  const repaired = sorted.map((d) => {
    const geometry = makeValid(d.geometry);
    if (!geometry) throw new Error(`${d.code} is empty after repair`);
    return { ...d, geometry };
  });
  const repairedAreaChangeKm2 = repaired.reduce((sum, d, i) => {
    const before = sorted[i];
    return sum + areaKm2(d.geometry) - (before ? areaKm2(before.geometry) : 0);
  }, 0);
  const overlapsBefore = pairwiseOverlaps(repaired);
  const gapsBeforeKm2 = interiorGaps(repaired).map((g) => areaKm2({ type: "Polygon", coordinates: g }));

  const droppedSlivers: { code: string; km2: number }[] = [];
  const disjoint = removeOverlaps(repaired).map((d) => {
    const { geometry, droppedKm2 } = dropSmallParts(d.geometry, SLIVER_KM2);
    for (const km2 of droppedKm2) droppedSlivers.push({ code: d.code, km2 });
    if (!geometry) throw new Error(`${d.code} consists of slivers only`);
    return { ...d, geometry };
  });
  const { districts: filled, filled: filledGaps } = fillGaps(disjoint, MAX_GAP_KM2);

  const districts = filled.map((d) => {
    const geometry = roundGeometry(d.geometry);
    if (!geometry) throw new Error(`${d.code} vanished when rounding`);
    return { ...d, geometry };
  });
  return {
    districts,
    report: { sourceDefects, overlapsBefore, gapsBeforeKm2, droppedSlivers, filledGaps, repairedAreaChangeKm2 },
  };
}

/** Checks the final districts: valid shapes, no overlap and no interior gap above SLIVER_KM2. */
export function verifyDistricts(districts: readonly District[]): Verification {
  const issues = districts.flatMap((d) => validityIssues(d.geometry).map((i) => `${d.code}: ${i.message}`));
  const overlaps = pairwiseOverlaps(districts);
  const maxOverlapKm2 = Math.max(0, ...overlaps.map((o) => o.km2));
  const totalOverlapKm2 = overlaps.reduce((s, o) => s + o.km2, 0);
  if (maxOverlapKm2 >= SLIVER_KM2) issues.push(`overlap of ${maxOverlapKm2.toFixed(4)} km²`);
  const gapsKm2 = interiorGaps(districts).map((g) => areaKm2({ type: "Polygon", coordinates: g }));
  for (const km2 of gapsKm2) if (km2 >= SLIVER_KM2) issues.push(`interior gap of ${km2.toFixed(4)} km²`);
  return { issues, maxOverlapKm2, totalOverlapKm2, gapsKm2 };
}
