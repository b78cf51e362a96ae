// Key indicators of the area shown; hovering one shows its definition (docs/metrics.md).
import type { UnitReport } from "../domain/analysis.ts";
import { formatIndicatorValue } from "../domain/indicator-format.ts";
import { useTranslate, type MessageKey } from "./i18n.ts";

type Format = "share" | "count";

interface Kpi {
  field: keyof UnitReport;
  label: MessageKey;
  definition: MessageKey;
  format: Format;
}

export const KPIS: readonly Kpi[] = [
  { field: "partyBranchCoverage", label: "kpi.partyBranchCoverage", definition: "kpi.partyBranchCoverage.definition", format: "share" },
  { field: "redPropertyRate", label: "kpi.redPropertyRate", definition: "kpi.redPropertyRate.definition", format: "share" },
  { field: "stationAccessRate", label: "kpi.stationAccessRate", definition: "kpi.stationAccessRate.definition", format: "share" },
  { field: "stationCoverage", label: "kpi.stationCoverage", definition: "kpi.stationCoverage.definition", format: "share" },
  { field: "streetsWithoutStation", label: "kpi.streetsWithoutStation", definition: "kpi.streetsWithoutStation.definition", format: "count" },
  { field: "gridsWithoutWorker", label: "kpi.gridsWithoutWorker", definition: "kpi.gridsWithoutWorker.definition", format: "count" },
  { field: "unassignedCompounds", label: "kpi.unassignedCompounds", definition: "kpi.unassignedCompounds.definition", format: "count" },
  { field: "unlocatedHouseholds", label: "kpi.unlocatedHouseholds", definition: "kpi.unlocatedHouseholds.definition", format: "count" },
];

export interface KpiPanelProps {
  unit: UnitReport | undefined;
  /** Message shown instead of the figures (still computing, or failed). */
  status?: string;
  /** The area the figures are for, shown after the heading. */
  scope?: string;
}

export function KpiPanel({ unit, status, scope }: KpiPanelProps) {
  const t = useTranslate();
  return (
    <section className="panel kpi-panel" aria-label={t("kpi.title")} data-testid="kpi-panel">
      <h2>
        {t("kpi.title")}
        {scope ? ` · ${scope}` : ""}
      </h2>
      {status ? <p className="kpi-status">{status}</p> : null}
      <dl>
        {KPIS.map((kpi) => (
          <div key={kpi.field} className="kpi" title={t(kpi.definition)} data-kpi={kpi.field}>
            <dt>{t(kpi.label)}</dt>
            <dd>{unit ? formatIndicatorValue(unit[kpi.field], kpi.format) : "…"}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
