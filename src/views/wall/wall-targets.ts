// 考核督导 on the wall, pure: which units a laggards tour visits and how a target's figures are
// written. The figures themselves (statuses, tally, share, days left) are the engine's
// (domain/targets.ts); nothing here counts them again.
import { formatNumber } from "../i18n/i18n.ts";
import type { TargetLevel } from "../../data/contract.ts";
import type { IndicatorFormat } from "../../domain/indicator-format.ts";
import { formatIndicatorValue } from "../../domain/indicator-format.ts";
import { INDICATORS } from "../../domain/indicator-registry.ts";
import type { TargetReport, TargetStatus, UnitStatus } from "../../domain/targets.ts";
import type { TourLayer, TourStop } from "../../domain/tour-stops.ts";

export const TOUR_LAYER_OF_LEVEL: Readonly<Record<TargetLevel, TourLayer>> = {
  prefecture: "prefectures",
  district: "districts",
  street: "streets",
  community: "communities",
};

/** The statuses a laggards tour visits, in the order it visits them. */
export const LAGGARD_STATUSES: readonly TargetStatus[] = ["missed", "warning"];

/** Why a laggards tour shows the default tour instead; null when it tours a target's laggards. */
export type LaggardTourNote = "noTargets" | "unknownTarget" | "allMet" | null;

export interface LaggardTour {
  /** The target toured (or asked for and all met); undefined when there is none. */
  report: TargetReport | undefined;
  /** The units behind the target with a box to fly to, missed first then warned, furthest first within each. */
  stops: TourStop[];
  note: LaggardTourNote;
}

/** A target's units behind it: missed, then warned, in the engine's worst-first order; units without a box are skipped. */
export function laggardsOf(report: TargetReport): UnitStatus[] {
  return LAGGARD_STATUSES.flatMap((status) => report.units.filter((unit) => unit.status === status));
}

/**
 * The laggards tour for `targetId` (null: the first target, in the file's order, with any unit
 * behind). A note says why it is empty: no targets, no such target, or every unit met or unknown.
 */
export function laggardTour(reports: readonly TargetReport[], targetId: string | null): LaggardTour {
  if (reports.length === 0) return { report: undefined, stops: [], note: "noTargets" };
  const report =
    targetId === null
      ? (reports.find((candidate) => laggardsOf(candidate).length > 0) ?? reports[0])
      : reports.find((candidate) => candidate.target.id === targetId);
  if (!report) return { report: undefined, stops: [], note: "unknownTarget" };
  const stops = laggardsOf(report).flatMap((unit): TourStop[] =>
    unit.bbox ? [{ layer: TOUR_LAYER_OF_LEVEL[unit.level], code: unit.code, name: unit.name, bbox: unit.bbox }] : [],
  );
  return { report, stops, note: stops.length > 0 ? null : "allMet" };
}

/** How a target's value is written: the indicator's format, but a ratio to one decimal (1.6 misses 2; "2" against "2" would not say why). */
export function formatTargetValue(value: number | null, format: IndicatorFormat, language: "zh" | "en" = "zh"): string {
  if (format !== "ratio" || value === null || !Number.isFinite(value)) return formatIndicatorValue(value, format);
  return formatNumber(language, value, { maximumFractionDigits: 1 });
}

/**
 * How far a unit is short of the threshold, in the indicator's units: a share's distance is in
 * percentage points (0.123 → 12.3, never "12.3%", which would read as a share of something).
 */
export function formatDistance(distance: number | null, format: IndicatorFormat, language: "zh" | "en" = "zh"): string {
  if (distance === null || !Number.isFinite(distance)) return "—";
  if (format === "share") return formatNumber(language, distance * 100, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return formatTargetValue(distance, format, language);
}

/** The indicator's format for a target's report. */
export const targetFormat = (report: Pick<TargetReport, "indicator">): IndicatorFormat => INDICATORS[report.indicator].format;

/** Units with a known value: the denominator of the share met. */
export const knownUnits = (report: Pick<TargetReport, "tally">): number => report.tally.met + report.tally.warning + report.tally.missed;
