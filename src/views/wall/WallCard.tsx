// The card of what the wall is showing: the tour's stop with its figures, or a feature someone
// clicked with its own fields. Personal names are masked unless the URL says otherwise.
import type { LayerName } from "../../data/contract.ts";
import type { UnitReport } from "../../domain/analysis.ts";
import { CARD_FIELDS, fieldLabel, formatField, levelLabel } from "../shared/field-labels.ts";
import { useTranslate, type Language, type MessageKey } from "../i18n/i18n.ts";
import { formatIndicatorValue } from "../../domain/indicator-format.ts";
import { maskPersonalFields, PERSONAL_FIELDS } from "./mask-name.ts";
import type { TargetReport, UnitStatus } from "../../domain/targets.ts";
import { formatTargetValue, targetFormat } from "./wall-targets.ts";

export interface WallFocus {
  layer: LayerName;
  id: string;
  name: string;
  properties: Record<string, unknown>;
}

export interface WallCardProps {
  focus: WallFocus;
  /** The unit's indicators, when it is an area the engine reports on. */
  report: UnitReport | undefined;
  gaps: number | undefined;
  /** The stop's place in the tour (1-based), or null for a clicked feature. */
  progress: { index: number; count: number } | null;
  maskNames: boolean;
  language: Language;
  /** On a laggards tour: the target and this unit's standing against it. */
  target?: { report: TargetReport; unit: UnitStatus } | undefined;
}

const FIGURES: ReadonlyArray<{ field: keyof UnitReport; label: MessageKey; format: "share" | "count" }> = [
  { field: "compounds", label: "wall.card.compounds", format: "count" },
  { field: "compoundHouseholds", label: "wall.card.households", format: "count" },
  { field: "partyBranchCoverage", label: "kpi.partyBranchCoverage", format: "share" },
  { field: "stationAccessRate", label: "kpi.stationAccessRate", format: "share" },
  { field: "gridsWithoutWorker", label: "kpi.gridsWithoutWorker", format: "count" },
];

export function WallCard({ focus, report, gaps, progress, maskNames, language, target }: WallCardProps) {
  const t = useTranslate();
  const hasPersonal = (PERSONAL_FIELDS[focus.layer] ?? []).some((field) => typeof focus.properties[field] === "string");
  const properties = maskNames ? maskPersonalFields(focus.layer, focus.properties) : focus.properties;
  return (
    <section className="wall-panel wall-card" aria-label={focus.name} data-testid="wall-card" data-layer={focus.layer} data-code={focus.id}>
      <header>
        <h2>{focus.name}</h2>
        <span className="wall-chip">{progress ? t("wall.tour.progress", { index: progress.index, count: progress.count }) : t("wall.card.selected")}</span>
      </header>
      <p className="wall-muted">{levelLabel(focus.layer, language)}</p>
      {target ? <WallCardTarget report={target.report} unit={target.unit} language={language} /> : null}
      {report ? (
        <dl className="wall-card-figures">
          {FIGURES.map((figure) => (
            <div key={figure.field} data-kpi={figure.field}>
              <dt>{t(figure.label)}</dt>
              <dd>{formatIndicatorValue(report[figure.field], figure.format)}</dd>
            </div>
          ))}
          <div data-kpi="gaps">
            <dt>{t("wall.card.gaps")}</dt>
            <dd>{gaps === undefined ? "…" : formatIndicatorValue(gaps, "count")}</dd>
          </div>
        </dl>
      ) : (
        <dl className="wall-card-fields">
          {CARD_FIELDS[focus.layer].map((field) => (
            <div key={field}>
              <dt>{fieldLabel(field, language)}</dt>
              <dd data-field={field}>{formatField(properties[field], language, field, properties)}</dd>
            </div>
          ))}
        </dl>
      )}
      {hasPersonal && maskNames ? <p className="wall-muted wall-card-note">{t("wall.card.masked")}</p> : null}
    </section>
  );
}

/** The unit against the toured target: its value beside the threshold, and its status in words. */
function WallCardTarget({ report, unit, language }: { report: TargetReport; unit: UnitStatus; language: Language }) {
  const t = useTranslate();
  const format = targetFormat(report);
  const title = language === "en" ? (report.target.titleEn ?? report.target.title) : report.target.title;
  return (
    <div className="wall-card-target" data-testid="wall-card-target" data-status={unit.status}>
      <p>{t("wall.card.target", { title })}</p>
      <dl>
        <div>
          <dt>{t("wall.card.value")}</dt>
          <dd data-value>{formatTargetValue(unit.value, format, language)}</dd>
        </div>
        <div>
          <dt>{t("wall.card.threshold")}</dt>
          <dd data-threshold>{formatTargetValue(report.target.threshold, format, language)}</dd>
        </div>
        <div>
          <dt>{t("wall.card.status")}</dt>
          <dd className={`wall-status-text is-${unit.status}`}>{t(`programmes.status.${unit.status}`)}</dd>
        </div>
      </dl>
    </div>
  );
}
