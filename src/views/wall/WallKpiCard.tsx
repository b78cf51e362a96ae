// One headline indicator on the wall: the figure counting to its value, the totals behind it,
// and its breakdown over the area's parts. Hovering shows its definition.
import { useMemo } from "react";
import type { UnitReport } from "../../domain/analysis.ts";
import { formatIndicatorValue, type IndicatorFormat } from "../../domain/indicator-format.ts";
import { indicatorValue } from "../../domain/indicator-registry.ts";
import { formatNumber, useTranslate, type Language } from "../i18n/i18n.ts";
import { indicatorDefinition } from "../shared/indicator-text.ts";
import { useAnimatedNumber } from "./use-animated-number.ts";
import { WallBreakdownChart } from "./WallBreakdownChart.tsx";
import { shortName, type WallKpi } from "./wall-kpis.ts";

export interface WallKpiCardProps {
  kpi: WallKpi;
  unit: UnitReport | undefined;
  parts: readonly UnitReport[];
  /** Name of the parts' level, for the chart's accessible name (区县 / 社区). */
  partLevel: string;
  highlight: string | null;
  language: Language;
}

/** A count on its way to a new value is shown whole. */
function formatShown(value: number | null, format: IndicatorFormat): string {
  return formatIndicatorValue(value === null || format === "share" ? value : Math.round(value), format);
}

export function WallKpiCard({ kpi, unit, parts, partLevel, highlight, language }: WallKpiCardProps) {
  const t = useTranslate();
  const target = unit ? indicatorValue(unit, kpi.id) : null;
  const shown = useAnimatedNumber(target);
  const bars = useMemo(
    () => parts.map((part) => ({ code: part.code, name: part.name, label: shortName(part.name), value: indicatorValue(part, kpi.id) })),
    [parts, kpi],
  );
  const detail = unit ? kpi.detail(unit) : null;
  const numbers = detail ? Object.fromEntries(Object.entries(detail.values).map(([name, value]) => [name, formatNumber(language, value)])) : {};
  return (
    <section className="wall-panel wall-kpi" data-kpi={kpi.field} title={indicatorDefinition(t, kpi.id)}>
      <h2>{t(kpi.label)}</h2>
      <p className="wall-kpi-value" data-target={formatIndicatorValue(target, kpi.format)}>
        {unit ? formatShown(shown, kpi.format) : "…"}
      </p>
      <p className="wall-kpi-detail">{detail ? t(detail.key, numbers) : " "}</p>
      <WallBreakdownChart bars={bars} format={kpi.format} highlight={highlight} label={t("wall.chart", { indicator: t(kpi.label), level: partLevel })} />
    </section>
  );
}
