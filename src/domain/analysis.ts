// The full computation: model, station access, roll-up and gaps, from the six layers.
import { findGaps, type Gap } from "./gaps.ts";
import { DEFAULT_THRESHOLDS, indicatorsOf, rollUp, type Indicators, type Rollup, type Thresholds, type Totals } from "./indicators.ts";
import { buildModel, type EngineLayers, type Model, type ModelProblem } from "./model.ts";
import { computeAccess, type StationAccess } from "./station-access.ts";

export interface Analysis {
  model: Model;
  thresholds: Thresholds;
  access: StationAccess;
  rollup: Rollup;
  /** The ranked gap list, built on first read (it runs to 10^5 items at province scale). */
  readonly gaps: Gap[];
}

/** An analysis whose gap list is computed when first asked for, then kept. */
export function withLazyGaps<T extends Omit<Analysis, "gaps">>(parts: T, computeGaps: () => Gap[]): T & Analysis {
  let ranked: Gap[] | undefined;
  // Not `{ ...parts, get gaps() }` spread again later: spreading an object calls its getters.
  return Object.defineProperty({ ...parts }, "gaps", {
    enumerable: true,
    get: () => {
      ranked ??= computeGaps();
      return ranked;
    },
  }) as T & Analysis;
}

export function analyzeModel(model: Model, thresholds: Thresholds = DEFAULT_THRESHOLDS, access?: StationAccess): Analysis {
  const computedAccess = access ?? computeAccess(model.compounds, model.stations);
  return withLazyGaps(
    { model, thresholds, access: computedAccess, rollup: rollUp(model, computedAccess, thresholds) },
    () => findGaps(model, computedAccess, thresholds),
  );
}

export function analyze(layers: EngineLayers, thresholds: Thresholds = DEFAULT_THRESHOLDS): Analysis {
  return analyzeModel(buildModel(layers), thresholds);
}

export type UnitLevel = "city" | "district" | "street" | "community" | "grid";

export interface UnitReport extends Indicators {
  code: string;
  name: string;
  level: UnitLevel;
  parentCode: string | null;
}

export interface AnalysisReport {
  thresholds: Thresholds;
  city: UnitReport;
  districts: UnitReport[];
  streets: UnitReport[];
  communities: UnitReport[];
  gaps: Gap[];
  problems: ModelProblem[];
}

export function unitReport(level: UnitLevel, code: string, name: string, parentCode: string | null, totals: Totals): UnitReport {
  return { code, name, level, parentCode, ...indicatorsOf(totals) };
}

/** Plain JSON-ready view of an analysis: indicators per unit, gaps and problems. */
export function reportOf(analysis: Analysis, cityName = "city"): AnalysisReport {
  const { model, rollup } = analysis;
  return {
    thresholds: analysis.thresholds,
    city: unitReport("city", "", cityName, null, rollup.city),
    districts: model.districts.map((row, index) => unitReport("district", row.code, row.name, null, rollup.districts[index] as Totals)),
    streets: model.streets.map((row, index) =>
      unitReport("street", row.code, row.name, model.districts[row.districtIndex]?.code ?? null, rollup.streets[index] as Totals),
    ),
    communities: model.communities.map((row, index) =>
      unitReport("community", row.code, row.name, model.streets[row.streetIndex]?.code ?? null, rollup.communities[index] as Totals),
    ),
    gaps: analysis.gaps,
    problems: model.problems,
  };
}
