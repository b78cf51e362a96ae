// What the charts panel draws for an area: its children's reports (the dataset's counties when no
// area is selected), the grids' loads inside it and gap counts per unit, and which unit a bar is.
import { useMemo } from "react";
import type { Crumb } from "../../domain/dataset.ts";
import type { SearchLevel } from "../../domain/search.ts";
import { childrenOf } from "../charts/chart-data.ts";
import type { ChartsPanelProps } from "../charts/ChartsPanel.tsx";
import { useGapCounts, useGridLoads } from "../data/engine-client.ts";
import { LEVEL_LAYER } from "./unit-levels.ts";
import type { ExplorerReports } from "../data/use-reports.ts";

export interface ChartDataOptions {
  manifestUrl: string;
  engineReady: boolean;
  reports: ExplorerReports | undefined;
  /** The selected area's code; undefined: the whole dataset. */
  areaCode: string | undefined;
  /** The engine is still analysing and there are no precomputed indicators. */
  computing: boolean;
  /** Choosing a bar drills down into its unit, like a breadcrumb step. */
  onChooseUnit: (crumb: Crumb) => void;
}

export type ChartData = Pick<ChartsPanelProps, "units" | "gridLoads" | "gapCounts" | "computing" | "onChoose">;

export function useChartData({ manifestUrl, engineReady, reports, areaCode, computing, onChooseUnit }: ChartDataOptions): ChartData {
  const units = useMemo(() => (reports ? childrenOf(reports, areaCode) : []), [reports, areaCode]);
  const gridLoads = useGridLoads(manifestUrl, areaCode, engineReady);
  const gapCounts = useGapCounts(manifestUrl, engineReady);
  const onChoose = (code: string) => {
    const unit = units.find((candidate) => candidate.code === code);
    if (unit) onChooseUnit({ layer: LEVEL_LAYER[unit.level as SearchLevel], id: unit.code, name: unit.name });
  };
  // Grid loads come only from the engine: until they arrive the grid chart is computing, not empty.
  return { units, gridLoads: gridLoads.data, gapCounts: gapCounts.data, computing: computing || (engineReady && gridLoads.isPending), onChoose };
}
