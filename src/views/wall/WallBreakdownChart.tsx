// A KPI's breakdown over the parts of the area (districts, or a street's communities) as a
// small bar chart: D3 scales, SVG drawn by React. The viewBox has the CSS box's proportions, so
// text and bars are drawn crisp at any wall size.
import { max, scaleBand, scaleLinear } from "d3";
import { formatIndicatorValue, type IndicatorFormat } from "../../domain/indicator-format.ts";

export interface BreakdownBar {
  code: string;
  /** Full name, for the bar's tooltip. */
  name: string;
  /** Short name drawn under the bar. */
  label: string;
  value: number | null;
}

export interface WallBreakdownChartProps {
  bars: readonly BreakdownBar[];
  format: IndicatorFormat;
  /** The bar of what the tour is showing, drawn in the highlight colour. */
  highlight: string | null;
  label: string;
}

/** Design units; wall.css gives the SVG the same proportions. */
const WIDTH = 400;
const HEIGHT = 84;
const LABEL_BAND = 16;
/** More bars than this get no labels: they would overlap. */
const MOST_LABELS = 16;
/** Label size in viewBox units (wall.css); a label keeps as many characters as fit its bar's step. */
const LABEL_SIZE = 10;

export function WallBreakdownChart({ bars, format, highlight, label }: WallBreakdownChartProps) {
  const sorted = bars.toSorted((a, b) => (b.value ?? -1) - (a.value ?? -1));
  const x = scaleBand<string>()
    .domain(sorted.map((bar) => bar.code))
    .range([0, WIDTH])
    .paddingInner(0.3)
    .paddingOuter(0.1);
  // Shares run to 100%; counts to the largest part.
  const top = format === "share" ? 1 : Math.max(1, max(sorted, (bar) => bar.value ?? 0) ?? 0);
  const baseline = HEIGHT - LABEL_BAND;
  const y = scaleLinear().domain([0, top]).range([baseline, 4]);
  const labelled = sorted.length <= MOST_LABELS;
  // A few units of space between neighbouring labels.
  const characters = Math.max(1, Math.floor((x.step() - 3) / LABEL_SIZE));
  return (
    <svg className="wall-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
      <line className="wall-chart-axis" x1={0} x2={WIDTH} y1={baseline + 0.5} y2={baseline + 0.5} />
      {sorted.map((bar) => {
        const left = x(bar.code) ?? 0;
        const height = bar.value === null ? 0 : baseline - y(bar.value);
        const current = bar.code === highlight;
        return (
          <g key={bar.code} className={current ? "wall-chart-bar is-current" : "wall-chart-bar"} data-code={bar.code}>
            <title>{`${bar.name}:${formatIndicatorValue(bar.value, format)}`}</title>
            {bar.value === null ? (
              <line className="wall-chart-missing" x1={left} x2={left + x.bandwidth()} y1={baseline - 2} y2={baseline - 2} />
            ) : (
              <rect x={left} y={baseline - height} width={x.bandwidth()} height={height} rx={1.5} />
            )}
            {labelled ? (
              <text x={left + x.bandwidth() / 2} y={HEIGHT - 3} textAnchor="middle">
                {Array.from(bar.label).slice(0, characters).join("")}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
