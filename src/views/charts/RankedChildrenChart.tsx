// The area's children (districts, streets or communities) ranked by a chosen indicator, as a
// small horizontal bar chart for the side panel. D3 only computes the scale; React draws the SVG.
// Each bar is a focusable button (click, Enter or Space chooses the unit); a unit without a value
// shows "—" and no bar, so missing never reads as zero.
import { scaleLinear } from "d3";
import { useState, type KeyboardEvent } from "react";
import type { UnitLevel, UnitReport } from "../../domain/analysis.ts";
import { formatIndicatorValue } from "../../domain/indicator-format.ts";
import { INDICATORS } from "../../domain/indicator-registry.ts";
import { DEFAULT_THRESHOLDS, type Thresholds } from "../../domain/indicators.ts";
import { palette } from "../../layers/palette.ts";
import { useTranslate, type MessageKey } from "../i18n/i18n.ts";
import { indicatorDefinition, indicatorLabel } from "../shared/indicator-text.ts";
import { chartValue, MARKS_STANDARD, offeredIndicators, type ChartIndicatorId } from "./chart-indicators.ts";
import { rankUnits, shortName } from "./chart-data.ts";
import "./charts.css";

/** Chart geometry in SVG user units; the viewBox scales it to the panel's width (about 296 px). */
const WIDTH = 296;
const ROW = 22;
const LABEL_WIDTH = 84;
const BAR_X = LABEL_WIDTH + 6;
const VALUE_WIDTH = 46;
const BAR_SPACE = WIDTH - BAR_X - VALUE_WIDTH;
const STANDARD_LABEL_SPACE = 14;

const LEVEL_LABEL: Partial<Record<UnitLevel, MessageKey>> = { district: "layer.districts", street: "layer.streets", community: "layer.communities" };

export interface RankedChildrenChartProps {
  units: readonly UnitReport[];
  /** Gaps per unit code; the gap-count option is offered only when present. */
  gapCounts?: Readonly<Record<string, number>>;
  /** The thresholds the units' figures were computed with: the standard line, the definitions. */
  thresholds?: Thresholds;
  /** Bars shown before "show all". */
  topCount?: number;
  /** The indicator ranked by, when the caller keeps it (e.g. in the URL); else the chart does. */
  indicator?: ChartIndicatorId;
  onIndicatorChange?: (indicator: ChartIndicatorId) => void;
  onChoose: (code: string) => void;
}

export function RankedChildrenChart(props: RankedChildrenChartProps) {
  const { units, gapCounts, thresholds = DEFAULT_THRESHOLDS, topCount = 10, onChoose } = props;
  const standard = thresholds.householdsPerWorker;
  const t = useTranslate();
  const [ownIndicator, setOwnIndicator] = useState<ChartIndicatorId>("partyBranchCoverage");
  const indicatorId = props.indicator ?? ownIndicator;
  const chooseIndicator = (id: ChartIndicatorId) => {
    setOwnIndicator(id);
    props.onIndicatorChange?.(id);
  };
  const [showAll, setShowAll] = useState(false);
  const offered = offeredIndicators(gapCounts);
  const indicator = offered.find((candidate) => candidate === indicatorId) ?? "partyBranchCoverage";
  const format = INDICATORS[indicator].format;
  // Not memoised: ranking a few hundred units is cheaper than keeping the memo honest.
  const ranked = rankUnits(units, (unit) => chartValue(indicator, unit, gapCounts));
  const shown = showAll ? ranked : ranked.slice(0, topCount);

  const marksStandard = indicator === MARKS_STANDARD;
  const largest = Math.max(marksStandard ? standard : 0, ...shown.map((item) => item.value ?? 0));
  // Shares keep their whole 0-100% axis so bars compare across areas; counts scale to the largest.
  const x = scaleLinear()
    .domain([0, format === "share" ? 1 : largest || 1])
    .range([0, BAR_SPACE]);
  const top = marksStandard ? STANDARD_LABEL_SPACE : 0;
  const height = top + shown.length * ROW;
  const level = t(LEVEL_LABEL[units[0]?.level ?? "district"] ?? "layer.districts");
  const indicatorName = indicatorLabel(t, indicator);
  const definition = indicatorDefinition(t, indicator, thresholds);

  const onKeyDown = (event: KeyboardEvent<SVGGElement>, code: string) => {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    onChoose(code);
  };

  return (
    <div className="ranked-chart" data-testid="ranked-chart">
      <h3>{t("charts.ranked.title", { level })}</h3>
      <select
        aria-label={t("charts.ranked.indicator")}
        title={definition}
        value={indicator}
        onChange={(event) => chooseIndicator(event.target.value as ChartIndicatorId)}
      >
        {offered.map((candidate) => (
          <option key={candidate} value={candidate} title={indicatorDefinition(t, candidate, thresholds)}>
            {indicatorLabel(t, candidate)}
          </option>
        ))}
      </select>
      <p className="chart-definition">{definition}</p>
      {ranked.length === 0 ? (
        <p className="chart-status">{t("charts.ranked.none")}</p>
      ) : (
        <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="group" aria-label={t("charts.ranked.chart", { level, indicator: indicatorName })}>
          {shown.map((item, index) => {
            const formatted = formatIndicatorValue(item.value, format);
            const label = t("charts.ranked.bar", { name: item.name, value: item.value === null ? `— (${t("charts.missing")})` : formatted });
            const barWidth = item.value === null ? 0 : x(item.value);
            const fill = marksStandard && item.value !== null && item.value > standard ? palette.chartOverStandard : palette.chartBar;
            return (
              <g
                key={item.code}
                className={item.value === null ? "chart-bar chart-missing" : "chart-bar"}
                transform={`translate(0, ${top + index * ROW})`}
                role="button"
                tabIndex={0}
                aria-label={label}
                data-code={item.code}
                onClick={() => onChoose(item.code)}
                onKeyDown={(event) => onKeyDown(event, item.code)}
              >
                <title>{label}</title>
                <rect className="chart-hit" x={0} y={0} width={WIDTH} height={ROW} />
                <text className="chart-label" x={LABEL_WIDTH} y={ROW / 2} textAnchor="end" dominantBaseline="central">
                  {shortName(item.name)}
                </text>
                {item.value === null ? null : <rect className="chart-fill" x={BAR_X} y={4} width={barWidth} height={ROW - 8} fill={fill} />}
                <text className="chart-value" x={BAR_X + barWidth + 4} y={ROW / 2} dominantBaseline="central">
                  {formatted}
                </text>
              </g>
            );
          })}
          {marksStandard ? (
            <g className="chart-standard" aria-hidden="true">
              <line x1={BAR_X + x(standard)} x2={BAR_X + x(standard)} y1={top - 2} y2={height} stroke={palette.chartStandard} strokeDasharray="3 2" />
              <text x={BAR_X + x(standard)} y={10} textAnchor="middle">
                {t("charts.load.standard", { standard })}
              </text>
            </g>
          ) : null}
        </svg>
      )}
      {ranked.length > topCount ? (
        <button type="button" className="chart-toggle" aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
          {showAll ? t("charts.ranked.showTop", { count: topCount }) : t("charts.ranked.showAll", { count: ranked.length })}
        </button>
      ) : null}
    </div>
  );
}
