// Map filters as the URL holds them, and the areas an indicator filter keeps.
import type { UnitReport } from "../../domain/analysis.ts";
import type { AreaIndicator } from "../../layers/choropleth.ts";

export interface MapFilters {
  /** Draw only compounds in the gap state of the current colouring. */
  onlyGaps: boolean;
  /** Keep areas whose coloured indicator is below / at least a value (shares as fractions). */
  area: { comparison: "below" | "atLeast"; value: number } | null;
}

export const NO_FILTERS: MapFilters = { onlyGaps: false, area: null };

/** Codes of the areas that pass the filter; an area with no value never passes. */
export function matchingAreas(reports: readonly UnitReport[], indicator: AreaIndicator, filter: NonNullable<MapFilters["area"]>): string[] {
  return reports.flatMap((report) => {
    const value = report[indicator];
    if (value === null || !Number.isFinite(value)) return [];
    const passes = filter.comparison === "below" ? value < filter.value : value >= filter.value;
    return passes ? [report.code] : [];
  });
}
