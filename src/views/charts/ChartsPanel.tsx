// The side-panel charts of the area shown: its children ranked by an indicator, and how its grids
// spread on households per worker. Plain props in, so the explorer decides where the data comes
// from (engine summary or a tiled dataset's indicators file, and the engine's grid loads).
import type { UnitReport } from "../../domain/analysis.ts";
import type { GridLoad } from "../../domain/area-breakdown.ts";
import { DEFAULT_THRESHOLDS, type Thresholds } from "../../domain/indicators.ts";
import { useTranslate } from "../i18n/i18n.ts";
import { HouseholdsPerWorkerChart } from "./HouseholdsPerWorkerChart.tsx";
import type { ChartIndicatorId } from "./chart-indicators.ts";
import { RankedChildrenChart } from "./RankedChildrenChart.tsx";
import "./charts.css";

export interface ChartsPanelProps {
  /** The area's children (see childrenOf in chart-data.ts). */
  units: readonly UnitReport[];
  /** The area's grids; undefined while computing or when the dataset has no grid details. */
  gridLoads: readonly GridLoad[] | undefined;
  /** Gaps per unit code, when the dataset has a gap list. */
  gapCounts?: Readonly<Record<string, number>>;
  /** True while the engine is still analysing: say so, rather than that there are no grids. */
  computing?: boolean;
  /** The area the charts are for, shown after the heading. */
  scope?: string;
  /** The thresholds the figures were computed with (households per worker above which a grid is overloaded). */
  thresholds?: Thresholds;
  /** The ranking indicator, when the caller keeps it (e.g. in the URL); else the chart does. */
  indicator?: ChartIndicatorId;
  onIndicatorChange?: (indicator: ChartIndicatorId) => void;
  onChoose: (code: string) => void;
}

export function ChartsPanel(props: ChartsPanelProps) {
  const { units, gridLoads, gapCounts, computing = false, scope, thresholds = DEFAULT_THRESHOLDS, indicator, onIndicatorChange, onChoose } = props;
  const t = useTranslate();
  return (
    <section className="panel charts-panel" aria-label={t("charts.title")} data-testid="charts-panel">
      <h2>
        {t("charts.title")}
        {scope ? ` · ${scope}` : ""}
      </h2>
      <RankedChildrenChart
        units={units}
        gapCounts={gapCounts}
        thresholds={thresholds}
        indicator={indicator}
        onIndicatorChange={onIndicatorChange}
        onChoose={onChoose}
      />
      <div className="load-section">
        <h3>{t("charts.load.title")}</h3>
        {gridLoads ? (
          <HouseholdsPerWorkerChart loads={gridLoads} standard={thresholds.householdsPerWorker} />
        ) : (
          <p className="chart-status">{computing ? t("kpi.computing") : t("charts.load.unavailable")}</p>
        )}
      </div>
    </section>
  );
}
