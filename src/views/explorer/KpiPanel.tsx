// Key indicators of the area shown; hovering one shows its definition under the thresholds the
// figures were computed with (docs/metrics.md). The registry says what each indicator is; this
// panel only picks which it shows.
import type { UnitReport } from "../../domain/analysis.ts";
import { formattedValue } from "../../domain/indicator-registry.ts";
import { DEFAULT_THRESHOLDS, type Thresholds } from "../../domain/indicators.ts";
import { useTranslate } from "../i18n/i18n.ts";
import { indicatorDefinition, indicatorLabel } from "../shared/indicator-text.ts";
import { KPI_INDICATORS } from "../shared/kpi-indicators.ts";

export interface KpiPanelProps {
  unit: UnitReport | undefined;
  /** Message shown instead of the figures (still computing, or failed). */
  status?: string;
  /** The area the figures are for, shown after the heading. */
  scope?: string;
  /** The thresholds the figures were computed with (a what-if plan's service distance). */
  thresholds?: Thresholds;
}

export function KpiPanel({ unit, status, scope, thresholds = DEFAULT_THRESHOLDS }: KpiPanelProps) {
  const t = useTranslate();
  return (
    <section className="panel kpi-panel" aria-label={t("kpi.title")} data-testid="kpi-panel">
      <h2>
        {t("kpi.title")}
        {scope ? ` · ${scope}` : ""}
      </h2>
      {status ? <p className="kpi-status">{status}</p> : null}
      <dl>
        {KPI_INDICATORS.map((id) => (
          <div key={id} className="kpi" title={indicatorDefinition(t, id, thresholds)} data-kpi={id}>
            <dt>{indicatorLabel(t, id)}</dt>
            <dd>{unit ? formattedValue(unit, id) : "…"}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
