// 考核督导: each unit of a target's level measured against the target (达标 / 预警 / 未达标), the
// target's progress over time from the dated records, and the units behind it. A unit whose value
// is unknown (a share with nothing known under it) is counted apart, never as met or missed.
import type { Target, TargetLevel } from "../data/contract.ts";
import type { Analysis } from "./analysis.ts";
import { daysBetween } from "./as-of.ts";
import { INDICATOR_IDS, INDICATORS, type ReportIndicatorId } from "./indicator-registry.ts";
import { sharesOf, type Shares, type Totals } from "./indicators.ts";

export type TargetStatus = "met" | "warning" | "missed" | "unknown";
export const TARGET_STATUSES: readonly TargetStatus[] = ["met", "warning", "missed", "unknown"];

export class TargetError extends Error {}

/** The registry id a target names, or an error saying which ids exist. */
export function targetIndicator(target: Pick<Target, "id" | "indicator">): ReportIndicatorId {
  const id = INDICATOR_IDS.find((candidate) => candidate === target.indicator);
  if (id === undefined || id === "gapCount") {
    throw new TargetError(
      `target ${target.id}: indicator "${target.indicator}" is not one of ${INDICATOR_IDS.filter((other) => other !== "gapCount").join(", ")}`,
    );
  }
  return id;
}

/** The warning line: as given, or a tenth of the threshold short of it (a share: 10 points short). */
export function warningLine(target: Pick<Target, "threshold" | "warning">, indicator: ReportIndicatorId): number {
  if (target.warning !== undefined) return target.warning;
  const spec = INDICATORS[indicator];
  const margin = spec.format === "share" ? 0.1 : Math.abs(target.threshold) * 0.1;
  return spec.better === "higher" ? target.threshold - margin : target.threshold + margin;
}

/** A value's status against a target: the threshold and the warning line are both inclusive. */
export function statusOf(value: number | null, target: Pick<Target, "threshold" | "warning">, indicator: ReportIndicatorId): TargetStatus {
  if (value === null) return "unknown";
  const higher = INDICATORS[indicator].better === "higher";
  const reaches = (line: number) => (higher ? value >= line : value <= line);
  if (reaches(target.threshold)) return "met";
  return reaches(warningLine(target, indicator)) ? "warning" : "missed";
}

/** How far a value is from the threshold, in the indicator's units, positive when short of it; 0 when met. */
export function distanceTo(value: number | null, target: Pick<Target, "threshold">, indicator: ReportIndicatorId): number | null {
  if (value === null) return null;
  const short = INDICATORS[indicator].better === "higher" ? target.threshold - value : value - target.threshold;
  return Math.max(0, short);
}

export interface UnitStatus {
  level: TargetLevel;
  code: string;
  name: string;
  /** The code of the prefecture, county or township above it ("" at the top). */
  parentCode: string;
  value: number | null;
  status: TargetStatus;
  /** Short of the threshold (0 when met), in the indicator's units; null when unknown. */
  distance: number | null;
  /** The unit's box, to fly to. */
  bbox: [number, number, number, number] | null;
}

export interface TargetTally {
  met: number;
  warning: number;
  missed: number;
  unknown: number;
  /** Units met ÷ units with a known value; null when none is known. */
  share: number | null;
}

export interface TargetReport {
  target: Target;
  indicator: ReportIndicatorId;
  asOf: string;
  /** Days from the date shown to the deadline; negative once it has passed. */
  daysLeft: number;
  tally: TargetTally;
  /** Every unit of the level, those furthest from the target first, unknown ones last. */
  units: UnitStatus[];
}

/** The units of a level with their totals, codes, parents and boxes. */
export function levelUnits(
  analysis: Pick<Analysis, "model" | "rollup">,
  level: TargetLevel,
): Array<{ code: string; name: string; parentCode: string; totals: Totals; bbox: UnitStatus["bbox"] }> {
  const { model, rollup } = analysis;
  switch (level) {
    case "prefecture":
      return model.prefectures.map((row, index) => ({
        code: row.code,
        name: row.name,
        parentCode: "",
        totals: rollup.prefectures[index] as Totals,
        bbox: row.bbox,
      }));
    case "district":
      return model.districts.map((row, index) => ({
        code: row.code,
        name: row.name,
        parentCode: model.prefectures[row.prefectureIndex]?.code ?? "",
        totals: rollup.districts[index] as Totals,
        bbox: row.bbox,
      }));
    case "street":
      return model.streets.map((row, index) => ({
        code: row.code,
        name: row.name,
        parentCode: model.districts[row.districtIndex]?.code ?? "",
        totals: rollup.streets[index] as Totals,
        bbox: row.bbox,
      }));
    case "community":
      return model.communities.map((row, index) => ({
        code: row.code,
        name: row.name,
        parentCode: model.streets[row.streetIndex]?.code ?? "",
        totals: rollup.communities[index] as Totals,
        bbox: row.bbox,
      }));
  }
}

/** The indicator's value from totals (no spread: a province's communities are 15,000 of them). */
export function valueOf(totals: Totals, indicator: ReportIndicatorId): number | null {
  const field = INDICATORS[indicator].field;
  const value: unknown = field in totals ? totals[field as keyof Totals] : sharesOf(totals)[field as keyof Shares];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

export function tallyOf(units: ReadonlyArray<Pick<UnitStatus, "status">>): TargetTally {
  const tally = { met: 0, warning: 0, missed: 0, unknown: 0 };
  for (const unit of units) tally[unit.status] += 1;
  const known = tally.met + tally.warning + tally.missed;
  return { ...tally, share: known > 0 ? tally.met / known : null };
}

/** Worst first: missed before warned before met, the furthest from the threshold first; unknown last; then by code. */
export function compareUnitStatus(a: UnitStatus, b: UnitStatus): number {
  const rank = { missed: 0, warning: 1, met: 2, unknown: 3 } as const;
  return rank[a.status] - rank[b.status] || (b.distance ?? 0) - (a.distance ?? 0) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/** Every unit of the target's level against the target, on the analysis's date. */
export function evaluateTarget(analysis: Pick<Analysis, "model" | "rollup">, target: Target, withinArea = ""): TargetReport {
  const indicator = targetIndicator(target);
  const units = levelUnits(analysis, target.level)
    // Within an area: its units, or the unit that holds it (a county's target seen from a township).
    .filter((unit) => unit.code.startsWith(withinArea) || withinArea.startsWith(unit.code))
    .map((unit): UnitStatus => {
      const value = valueOf(unit.totals, indicator);
      return {
        level: target.level,
        code: unit.code,
        name: unit.name,
        parentCode: unit.parentCode,
        value,
        status: statusOf(value, target, indicator),
        distance: distanceTo(value, target, indicator),
        bbox: unit.bbox,
      };
    })
    .toSorted(compareUnitStatus);
  return { target, indicator, asOf: analysis.model.asOf, daysLeft: daysBetween(analysis.model.asOf, target.deadline), tally: tallyOf(units), units };
}

export interface ProgressPoint {
  date: string;
  met: number;
  known: number;
  share: number | null;
}

/** The target's tally at each date (each analysis already made for its date). */
export function progressOf(analyses: ReadonlyArray<Pick<Analysis, "model" | "rollup">>, target: Target, withinArea = ""): ProgressPoint[] {
  return analyses.map((analysis) => {
    const { tally } = evaluateTarget(analysis, target, withinArea);
    return { date: analysis.model.asOf, met: tally.met, known: tally.met + tally.warning + tally.missed, share: tally.share };
  });
}

/**
 * The share of units a straight course from the start to the deadline would have met by `date`
 * (0 at the start, 1 on the deadline): a unit count below it is behind schedule.
 */
export function plannedShare(target: Pick<Target, "start" | "deadline">, date: string): number {
  const span = daysBetween(target.start, target.deadline);
  if (span <= 0) return date >= target.deadline ? 1 : 0;
  return Math.min(1, Math.max(0, daysBetween(target.start, date) / span));
}
