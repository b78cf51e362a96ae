// The indicators the ranked chart offers, each with its label, definition and number format.
// Values come from the engine's UnitReport (src/domain/indicators.ts); the gap count from the
// engine's per-unit counts, offered only when the dataset has a gap list.
import type { UnitReport } from "../../domain/analysis.ts";
import type { MessageKey } from "../i18n.ts";
import { formatIndicatorValue } from "../../domain/indicator-format.ts";

export type ChartIndicatorId =
  | "partyBranchCoverage"
  | "redPropertyRate"
  | "stationAccessRate"
  | "householdsPerWorker"
  | "gridsWithoutWorker"
  | "dualRegisteredMembers"
  | "gapCount";

export type ChartFormat = "share" | "count" | "ratio";

export interface ChartIndicator {
  id: ChartIndicatorId;
  label: MessageKey;
  definition: MessageKey;
  format: ChartFormat;
  /** True when the chart draws the households-per-worker standard as a marked line. */
  marksStandard?: boolean;
}

export const CHART_INDICATORS: readonly ChartIndicator[] = [
  { id: "partyBranchCoverage", label: "kpi.partyBranchCoverage", definition: "kpi.partyBranchCoverage.definition", format: "share" },
  { id: "redPropertyRate", label: "kpi.redPropertyRate", definition: "kpi.redPropertyRate.definition", format: "share" },
  { id: "stationAccessRate", label: "kpi.stationAccessRate", definition: "kpi.stationAccessRate.definition", format: "share" },
  { id: "householdsPerWorker", label: "charts.householdsPerWorker", definition: "charts.householdsPerWorker.definition", format: "ratio", marksStandard: true },
  { id: "gridsWithoutWorker", label: "kpi.gridsWithoutWorker", definition: "kpi.gridsWithoutWorker.definition", format: "count" },
  { id: "dualRegisteredMembers", label: "charts.dualRegisteredMembers", definition: "charts.dualRegisteredMembers.definition", format: "count" },
  { id: "gapCount", label: "charts.gapCount", definition: "charts.gapCount.definition", format: "count" },
];

/** The indicator's value for a unit; null when it has none (a share over zero, no gap counts). */
export function indicatorValue(indicator: ChartIndicator, unit: UnitReport, gapCounts: Readonly<Record<string, number>> | undefined): number | null {
  if (indicator.id === "gapCount") return gapCounts ? (gapCounts[unit.code] ?? 0) : null;
  const value: unknown = unit[indicator.id];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** "75.0%", "1,234", "279": the one indicator formatter, households per worker rounded. */
export function formatIndicator(value: number | null, format: ChartFormat): string {
  return formatIndicatorValue(value, format);
}
