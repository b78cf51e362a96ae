// What the wall's KPI cards and ranking show, as pure functions of the engine's reports: the six
// headline indicators (registry ids; src/domain/indicator-registry.ts says what each is), the
// line under each figure, the area they cover and its parts for the small charts, and the areas
// ranked by their number of gaps.
import type { UnitReport } from "../../domain/analysis.ts";
import type { IndicatorFormat } from "../../domain/indicator-format.ts";
import { INDICATORS, type ReportIndicatorId } from "../../domain/indicator-registry.ts";
import type { MessageKey } from "../i18n/i18n.ts";
import { labelKey } from "../shared/indicator-text.ts";

/** The cards, in the order the wall lays them out. */
export const WALL_INDICATORS = [
  "partyBranchCoverage",
  "redPropertyRate",
  "stationAccessRate",
  "streetsWithoutStation",
  "gridsWithoutWorker",
  "dualRegisteredMembers",
] as const satisfies readonly ReportIndicatorId[];
export type WallIndicatorId = (typeof WALL_INDICATORS)[number];

/** The line under a figure: a message and the unit's totals it names. */
export type KpiDetail = { key: MessageKey; values: Record<string, number> };

const DETAILS: Record<WallIndicatorId, (unit: UnitReport) => KpiDetail> = {
  partyBranchCoverage: (unit) => ({ key: "wall.detail.partyBranch", values: { count: unit.compoundsWithPartyBranch, total: unit.partyBranchKnown } }),
  redPropertyRate: (unit) => ({ key: "wall.detail.redProperty", values: { count: unit.redPropertyCompounds, total: unit.redPropertyKnown } }),
  stationAccessRate: (unit) => ({ key: "wall.detail.stationAccess", values: { count: unit.stationAccessHouseholds, total: unit.households } }),
  streetsWithoutStation: (unit) => ({ key: "wall.detail.streets", values: { total: unit.targetStreets } }),
  gridsWithoutWorker: (unit) => ({ key: "wall.detail.grids", values: { total: unit.grids } }),
  dualRegisteredMembers: (unit) => ({
    key: "wall.detail.dualRegistered",
    values: { per100: Math.round((unit.dualRegisteredPer100Households ?? 0) * 10) / 10 },
  }),
};

export interface WallKpi {
  id: WallIndicatorId;
  field: keyof UnitReport;
  /** The wall's wording of the label. */
  label: MessageKey;
  format: IndicatorFormat;
  detail: (unit: UnitReport) => KpiDetail;
}

export const WALL_KPIS: readonly WallKpi[] = WALL_INDICATORS.map((id) => ({
  id,
  field: INDICATORS[id].field,
  label: labelKey(id, "wall"),
  format: INDICATORS[id].format,
  detail: DETAILS[id],
}));

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
  if (reports.prefectures.length > 1)
    return { unit: reports.city, parts: reports.prefectures, partLevel: "prefectures", ranked: reports.districts, rankedLevel: "districts" };
  return { unit: reports.city, parts: reports.districts, partLevel: "districts", ranked: reports.streets, rankedLevel: "streets" };
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
