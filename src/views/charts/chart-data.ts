// Pure transforms behind the side-panel charts: which units are the area's children, how they
// rank on an indicator (a missing value stays missing, never zero), and the households-per-worker
// histogram of the area's grids. No React: the components only draw what these return.
import { bin, max, range, tickStep } from "d3";
import type { UnitReport } from "../../domain/analysis.ts";
import type { GridLoad } from "../../domain/area-breakdown.ts";
import { DEFAULT_THRESHOLDS, isOverloaded } from "../../domain/indicators.ts";

export interface AreaReports {
  districts: readonly UnitReport[];
  streets: readonly UnitReport[];
  /** Absent for tiled datasets until their community file is loaded. */
  communities?: readonly UnitReport[];
}

/** The units one level below an area: the districts of the dataset, a district's streets, a street's communities. */
export function childrenOf(reports: AreaReports, areaCode: string | undefined): readonly UnitReport[] {
  if (!areaCode) return reports.districts;
  if (reports.districts.some((unit) => unit.code === areaCode)) return reports.streets.filter((unit) => unit.parentCode === areaCode);
  if (reports.streets.some((unit) => unit.code === areaCode)) return (reports.communities ?? []).filter((unit) => unit.parentCode === areaCode);
  // Communities are the last level the summary holds; their grids only appear in the histogram.
  return [];
}

export interface RankedItem {
  code: string;
  name: string;
  /** Null when the unit's indicator has a zero denominator. */
  value: number | null;
}

/** Largest first; units without a value last; ties in code order, so the order is stable. */
export function rankUnits(units: readonly UnitReport[], valueOf: (unit: UnitReport) => number | null): RankedItem[] {
  const items = units.map((unit) => {
    const value = valueOf(unit);
    return { code: unit.code, name: unit.name, value: typeof value === "number" && Number.isFinite(value) ? value : null };
  });
  const byValue = (first: RankedItem, second: RankedItem) => {
    if (first.value === null || second.value === null) return Number(first.value === null) - Number(second.value === null);
    return second.value - first.value;
  };
  return items.toSorted((first, second) => byValue(first, second) || first.code.localeCompare(second.code));
}

/**
 * A name short enough for the chart's label column: the committee suffix every community carries
 * dropped (…社区居民委员会 -> …社区, …村民委员会 -> …村), then cut. The full name stays in the bar's title and label.
 */
export function shortName(name: string, maxCharacters = 6): string {
  const plain = name.replace(/村(民委员会|委会)$/, "村").replace(/(居民委员会|居委会)$/, "") || name;
  return plain.length <= maxCharacters ? plain : `${plain.slice(0, maxCharacters - 1)}…`;
}

export interface LoadBin {
  /** Households per worker, from (inclusive) to (exclusive). */
  from: number;
  to: number;
  count: number;
  /** The last bin holds every grid at or past the cap. */
  overflow: boolean;
  atOrPastStandard: boolean;
}

export interface LoadHistogram {
  bins: LoadBin[];
  /** The x extent drawn, households per worker. */
  domainMax: number;
  standard: number;
  grids: number;
  /** Grids with no worker: their load is undefined, so they are counted apart, not binned. */
  withoutWorker: number;
  /** Grids past the standard, by the engine's own definition (isOverloaded). */
  overloaded: number;
}

/** A nice bin width near upper/target that divides the standard, so a bin edge falls on the line. */
export function binStep(upper: number, standard: number, target = 12): number {
  const step = tickStep(0, upper, target);
  for (const candidate of [step, step / 2, step / 2.5, step / 5, step / 10]) {
    if (candidate > 0 && Number.isInteger(Math.round((standard / candidate) * 1e9) / 1e9)) return candidate;
  }
  return step;
}

/**
 * Households per worker of the grids, binned. Loads past `capFactor` × the standard share one
 * last bin, so one extreme grid does not squeeze every other bar into a sliver.
 */
export function loadHistogram(loads: readonly GridLoad[], standard = DEFAULT_THRESHOLDS.householdsPerWorker, capFactor = 4): LoadHistogram {
  const thresholds = { ...DEFAULT_THRESHOLDS, householdsPerWorker: standard };
  const staffed = loads.filter((load) => load.workers > 0);
  const values = staffed.map((load) => load.households / load.workers);
  const cap = standard * capFactor;
  // d3.max, not Math.max(...values): a province has 10^5 grids, past the engine's argument limit.
  const largest = Math.max(standard, max(values) ?? 0);
  const step = binStep(Math.min(largest, cap), standard);
  // One step past the largest value (or the cap): the top value gets a whole bin, not the closed edge.
  const domainMax = (Math.floor(Math.min(largest, cap) / step) + 1) * step;
  const binned = bin()
    .domain([0, domainMax])
    .thresholds(range(step, domainMax, step))(values.map((value) => Math.min(value, cap)));
  const overflowing = largest > cap;
  return {
    bins: binned.map((group, index) => {
      const from = group.x0 ?? 0;
      return { from, to: group.x1 ?? from, count: group.length, overflow: overflowing && index === binned.length - 1, atOrPastStandard: from >= standard };
    }),
    domainMax,
    standard,
    grids: loads.length,
    withoutWorker: loads.length - staffed.length,
    overloaded: staffed.filter((load) => isOverloaded(load.households, load.workers, thresholds)).length,
  };
}
