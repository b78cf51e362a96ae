// How the area's grids spread on households per grid worker: a histogram with the overload
// standard as a marked line. Grids with no worker have no ratio (not infinity): they are counted
// in a line of their own. A visually hidden table carries the same bins for screen readers.
import { scaleLinear } from "d3";
import { useMemo } from "react";
import type { GridLoad } from "../../domain/area-breakdown.ts";
import { DEFAULT_THRESHOLDS } from "../../domain/indicators.ts";
import { palette } from "../../layers/palette.ts";
import { useFormatNumber, useTranslate } from "../i18n/i18n.ts";
import { loadHistogram } from "./chart-data.ts";
import "./charts.css";

/** SVG user units; the viewBox scales the chart to the panel's width. */
const WIDTH = 296;
const HEIGHT = 124;
const MARGIN = { top: 14, right: 8, bottom: 30, left: 30 };

export interface HouseholdsPerWorkerChartProps {
  loads: readonly GridLoad[];
  /** Households per worker above which a grid is overloaded. */
  standard?: number;
}

export function HouseholdsPerWorkerChart({ loads, standard = DEFAULT_THRESHOLDS.householdsPerWorker }: HouseholdsPerWorkerChartProps) {
  const t = useTranslate();
  const number = useFormatNumber();
  const histogram = useMemo(() => loadHistogram(loads, standard), [loads, standard]);
  const { bins, domainMax } = histogram;
  const x = scaleLinear()
    .domain([0, domainMax])
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...bins.map((group) => group.count))])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const overflow = bins.find((group) => group.overflow);
  const xTicks = x.ticks(4).filter((tick) => !overflow || tick < overflow.from);
  const binLabel = (from: number, to: number, isOverflow: boolean) =>
    isOverflow ? t("charts.load.overflow", { from: number(from) }) : t("charts.load.bin", { from: number(from), to: number(to) });
  const summary = t("charts.load.summary", { grids: number(histogram.grids), overloaded: number(histogram.overloaded) });
  const noWorker = t("charts.load.noWorker", { count: number(histogram.withoutWorker) });

  if (loads.length === 0) return <p className="chart-status">{t("charts.load.empty")}</p>;
  return (
    <div className="load-chart" data-testid="load-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label={`${t("charts.load.chart")}: ${summary}; ${noWorker}`}>
        {bins.map((group) => (
          <rect
            key={group.from}
            className="load-bin"
            x={x(group.from) + 0.5}
            y={y(group.count)}
            width={Math.max(0, x(group.to) - x(group.from) - 1)}
            height={y(0) - y(group.count)}
            fill={group.atOrPastStandard ? palette.chartOverStandard : palette.chartBar}
          >
            <title>{`${binLabel(group.from, group.to, group.overflow)}: ${group.count}`}</title>
          </rect>
        ))}
        <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(0)} y2={y(0)} stroke={palette.chartAxis} />
        {xTicks.map((tick) => (
          <text key={tick} className="chart-tick" x={x(tick)} y={y(0) + 11} textAnchor="middle">
            {number(tick)}
          </text>
        ))}
        {overflow ? (
          <text className="chart-tick" x={(x(overflow.from) + x(overflow.to)) / 2} y={y(0) + 11} textAnchor="middle">
            {`${number(overflow.from)}+`}
          </text>
        ) : null}
        {y.ticks(3).map((tick) => (
          <text key={tick} className="chart-tick" x={MARGIN.left - 4} y={y(tick)} textAnchor="end" dominantBaseline="central">
            {tick}
          </text>
        ))}
        <text className="chart-axis-label" x={WIDTH - MARGIN.right} y={HEIGHT - 4} textAnchor="end">
          {t("charts.load.axis")}
        </text>
        <g className="chart-standard">
          <line x1={x(standard)} x2={x(standard)} y1={MARGIN.top - 2} y2={y(0)} stroke={palette.chartStandard} strokeDasharray="3 2" />
          <text x={x(standard)} y={MARGIN.top - 4} textAnchor="middle">
            {t("charts.load.standard", { standard })}
          </text>
        </g>
      </svg>
      <p className="chart-summary">{summary}</p>
      <p className="chart-summary" data-testid="no-worker">
        {noWorker}
      </p>
      <table className="visually-hidden">
        <caption>{t("charts.load.chart")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("charts.load.range")}</th>
            <th scope="col">{t("charts.load.count")}</th>
          </tr>
        </thead>
        <tbody>
          {bins.map((group) => (
            <tr key={group.from} data-from={group.from}>
              <td>{binLabel(group.from, group.to, group.overflow)}</td>
              <td>{group.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
