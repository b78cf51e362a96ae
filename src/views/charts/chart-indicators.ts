// The indicators the ranked chart offers, in the order offered: ids of the registry
// (src/domain/indicator-registry.ts), which gives each its label, definition and format. The gap
// count comes from the engine's per-unit counts, offered only when the dataset has a gap list.
import type { UnitReport } from "../../domain/analysis.ts";
import { indicatorValue, type IndicatorId } from "../../domain/indicator-registry.ts";

export const CHART_INDICATORS = [
  "partyBranchCoverage",
  "redPropertyRate",
  "stationAccessRate",
  "householdsPerWorker",
  "gridsWithoutWorker",
  "dualRegisteredMembers",
  "gapCount",
] as const satisfies readonly IndicatorId[];
export type ChartIndicatorId = (typeof CHART_INDICATORS)[number];

/** The indicator whose chart draws the households-per-worker standard as a marked line. */
export const MARKS_STANDARD: ChartIndicatorId = "householdsPerWorker";

/** The indicators offered: the gap count only when there are gap counts to rank by. */
export function offeredIndicators(gapCounts: Readonly<Record<string, number>> | undefined): ChartIndicatorId[] {
  return CHART_INDICATORS.filter((id) => id !== "gapCount" || gapCounts !== undefined);
}

/** The indicator's value for a unit; null when it has none (a share over zero, no gap counts). */
export function chartValue(id: ChartIndicatorId, unit: UnitReport, gapCounts: Readonly<Record<string, number>> | undefined): number | null {
  if (id === "gapCount") return gapCounts ? (gapCounts[unit.code] ?? 0) : null;
  return indicatorValue(unit, id);
}
