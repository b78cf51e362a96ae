// What the wall's KPI cards and ranking show, as pure functions of the engine's reports: the six
// headline indicators (one definition each, in src/domain/indicators.ts), the area they cover
// and its parts for the small charts, and the areas ranked by their number of gaps.
import type { UnitReport } from "../../domain/analysis.ts";
import type { MessageKey } from "../i18n.ts";

export type WallFormat = "share" | "count";

export interface WallKpi {
  field: keyof UnitReport;
  label: MessageKey;
  definition: MessageKey;
  format: WallFormat;
  /** The line under the figure: a message and the unit's totals it names. */
  detail: (unit: UnitReport) => { key: MessageKey; values: Record<string, number> };
}

export const WALL_KPIS: readonly WallKpi[] = [
  {
    field: "partyBranchCoverage", label: "kpi.partyBranchCoverage", definition: "kpi.partyBranchCoverage.definition", format: "share",
    detail: (unit) => ({ key: "wall.detail.partyBranch", values: { count: unit.compoundsWithPartyBranch, total: unit.partyBranchKnown } }),
  },
  {
    field: "redPropertyRate", label: "kpi.redPropertyRate", definition: "kpi.redPropertyRate.definition", format: "share",
    detail: (unit) => ({ key: "wall.detail.redProperty", values: { count: unit.redPropertyCompounds, total: unit.redPropertyKnown } }),
  },
  {
    field: "stationAccessRate", label: "kpi.stationAccessRate", definition: "kpi.stationAccessRate.definition", format: "share",
    detail: (unit) => ({ key: "wall.detail.stationAccess", values: { count: unit.stationAccessHouseholds, total: unit.households } }),
  },
  {
    field: "streetsWithoutStation", label: "kpi.streetsWithoutStation", definition: "kpi.streetsWithoutStation.definition", format: "count",
    detail: (unit) => ({ key: "wall.detail.streets", values: { total: unit.targetStreets } }),
  },
  {
    field: "gridsWithoutWorker", label: "kpi.gridsWithoutWorker", definition: "kpi.gridsWithoutWorker.definition", format: "count",
    detail: (unit) => ({ key: "wall.detail.grids", values: { total: unit.grids } }),
  },
  {
    field: "dualRegisteredMembers", label: "wall.kpi.dualRegisteredMembers", definition: "wall.kpi.dualRegisteredMembers.definition", format: "count",
    detail: (unit) => ({ key: "wall.detail.dualRegistered", values: { per100: Math.round((unit.dualRegisteredPer100Households ?? 0) * 10) / 10 } }),
  },
];

export interface ReportSet {
  city: UnitReport;
  prefectures: readonly UnitReport[];
  districts: readonly UnitReport[];
  streets: readonly UnitReport[];
  communities: readonly UnitReport[];
}

export type ScopeLevel = "prefectures" | "districts" | "streets" | "communities";

export interface WallScope {
  /** The area the KPI cards describe. */
  unit: UnitReport;
  /** Its parts, one bar each in the small charts. */
  parts: readonly UnitReport[];
  partLevel: ScopeLevel;
  /** The areas ranked by gaps: the tour's level. */
  ranked: readonly UnitReport[];
  rankedLevel: ScopeLevel;
}

const CHILD_LEVEL = { prefecture: "districts", district: "streets", street: "communities" } as const;

/**
 * The unit the tour names (a prefecture, county or township code) by its children; else the whole
 * dataset, by prefecture with the counties ranked when it has several prefectures, by district
 * with the streets ranked when it is a city.
 */
export function wallScope(reports: ReportSet, tour: string | null): WallScope {
  const named = tour === null ? undefined : [...reports.prefectures, ...reports.districts, ...reports.streets].find((unit) => unit.code === tour);
  if (named && (named.level === "prefecture" || named.level === "district" || named.level === "street")) {
    const level = CHILD_LEVEL[named.level];
    const children = reports[level].filter((unit) => unit.parentCode === named.code);
    if (children.length > 0) return { unit: named, parts: children, partLevel: level, ranked: children, rankedLevel: level };
  }
  if (reports.prefectures.length > 1) return { unit: reports.city, parts: reports.prefectures, partLevel: "prefectures", ranked: reports.districts, rankedLevel: "districts" };
  return { unit: reports.city, parts: reports.districts, partLevel: "districts", ranked: reports.streets, rankedLevel: "streets" };
}

/** A KPI's value, or null when the unit has none (a share whose denominator is zero). */
export function kpiValue(unit: UnitReport, field: keyof UnitReport): number | null {
  const value: unknown = unit[field];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

export interface RankedArea {
  code: string;
  name: string;
  gaps: number;
}

/** Areas with the most gaps first; ties in code order so the list does not shuffle between refreshes. */
export function rankByGaps(areas: readonly UnitReport[], gapCounts: Readonly<Record<string, number>>, limit: number): RankedArea[] {
  return areas
    .map((unit) => ({ code: unit.code, name: unit.name, gaps: gapCounts[unit.code] ?? 0 }))
    .toSorted((a, b) => b.gaps - a.gaps || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .slice(0, limit);
}

/** "五华区" → "五华", "石林彝族自治县" → "石林", "翠湖西路社区居民委员会" → "翠湖西路": labels under narrow bars. */
export function shortName(name: string): string {
  const short = name
    .replace(/(社区)?(居民委员会|村民委员会|居委会|村委会)$/, "")
    .replace(/(.族)+自治县$/, "")
    .replace(/(街道办事处|街道|社区|镇|乡|区|县|市)$/, "");
  return Array.from(short).length >= 2 ? short : name;
}
