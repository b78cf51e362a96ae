/**
 * What the 2020 census asks of each prefecture, turned into the mean a community draws its
 * households around. Every community draws independently (so one county can be regenerated
 * alone), around a mean fixed by its prefecture's census figures and its NBS community counts;
 * with hundreds of communities per prefecture the sums land within a few per cent of the census.
 *
 * - Family households (家庭户) per prefecture: published for Kunming and the province; for the
 *   other prefectures the province's remaining households are shared in proportion to residents.
 * - Urban households are the urbanisation share of them, spread over the prefecture's 居委会;
 *   the rest over its 村委会.
 * - Residents per household: the prefecture's residents ÷ its households. This is larger than the
 *   published "persons per family household" (2.88; 2.41 in Kunming), which leaves out people in
 *   collective households (dormitories, barracks, care homes); data/README.md explains.
 */
import type { CensusRow, ProvinceCensus, Sources } from "../sources/source-data.ts";

export interface PrefectureTarget {
  code: string;
  households: number;
  residents: number;
  urbanisation: number;
  /** Mean households of one 居委会 and one 村委会. */
  meanUrbanHouseholds: number;
  meanRuralHouseholds: number;
  residentsPerHousehold: number;
}

/** Households per prefecture: published where known, the province's remainder by residents elsewhere. */
export function prefectureHouseholds(census: readonly CensusRow[], province: ProvinceCensus | null): Map<string, number> {
  const result = new Map<string, number>();
  const known = census.filter((row) => row.familyHouseholds !== null);
  const unknown = census.filter((row) => row.familyHouseholds === null);
  for (const row of known) result.set(row.code, row.familyHouseholds as number);
  if (unknown.length === 0) return result;
  if (!province) throw new Error(`census: no household figure for ${unknown.map((row) => row.code).join(", ")} and no provincial total to derive one`);
  const left = province.familyHouseholds - known.reduce((sum, row) => sum + (row.familyHouseholds as number), 0);
  const residents = unknown.reduce((sum, row) => sum + row.residents, 0);
  for (const row of unknown) result.set(row.code, Math.round((left * row.residents) / residents));
  return result;
}

export function calibrationTargets(sources: Sources): Map<string, PrefectureTarget> {
  const households = prefectureHouseholds(sources.census, sources.province);
  const prefectureOfStreet = new Map(sources.streets.map((street) => [street.code, street.districtCode.slice(0, 4)]));
  const counts = new Map<string, { urban: number; rural: number }>();
  for (const community of sources.communities) {
    const prefecture = prefectureOfStreet.get(community.streetCode) ?? community.code.slice(0, 4);
    const count = counts.get(prefecture) ?? { urban: 0, rural: 0 };
    if (community.kind === "居委会") count.urban += 1;
    else count.rural += 1;
    counts.set(prefecture, count);
  }
  const targets = new Map<string, PrefectureTarget>();
  for (const row of sources.census) {
    const total = households.get(row.code) ?? 0;
    const count = counts.get(row.code) ?? { urban: 0, rural: 0 };
    // A prefecture without one of the kinds gives all its households to the other.
    const urbanShare = count.rural === 0 ? 1 : count.urban === 0 ? 0 : row.urbanisation;
    targets.set(row.code, {
      code: row.code,
      households: total,
      residents: row.residents,
      urbanisation: row.urbanisation,
      meanUrbanHouseholds: count.urban > 0 ? (total * urbanShare) / count.urban : 0,
      meanRuralHouseholds: count.rural > 0 ? (total * (1 - urbanShare)) / count.rural : 0,
      residentsPerHousehold: total > 0 ? row.residents / total : 0,
    });
  }
  return targets;
}
