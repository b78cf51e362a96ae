// The card of a selected unit: its own fields and, for areas, its rolled-up indicators.
import type { UnitReport } from "../domain/analysis.ts";
import { explainScore, type Gap } from "../domain/gaps.ts";
import type { PickedFeature } from "./map/map-adapter.ts";
import { CARD_FIELDS, fieldLabel, formatField, levelLabel } from "./field-labels.ts";
import { useTranslate, type Language } from "./i18n.ts";
import { KpiPanel } from "./KpiPanel.tsx";

export interface DetailCardProps {
  selected: PickedFeature;
  /** Indicators of the unit when it is an area the engine reports on. */
  report: UnitReport | undefined;
  language: Language;
  onClose: () => void;
  /** The unit's own gaps (streets, grids, compounds), from the engine; undefined while unknown. */
  gaps?: readonly Gap[] | undefined;
}

export function DetailCard({ selected, report, language, onClose, gaps }: DetailCardProps) {
  const t = useTranslate();
  return (
    <section className="panel detail-card" aria-label={selected.name} data-testid="detail-card">
      <header>
        <div>
          <h2>{selected.name}</h2>
          <span className="detail-level">{levelLabel(selected.layer, language)}</span>
        </div>
        <button type="button" className="detail-close" onClick={onClose} aria-label={t("close")}>
          ×
        </button>
      </header>
      <dl className="detail-fields">
        {CARD_FIELDS[selected.layer].map((field) => (
          <div key={field}>
            <dt>{fieldLabel(field, language)}</dt>
            <dd data-field={field}>{formatField(selected.properties[field], language, field, selected.properties)}</dd>
          </div>
        ))}
      </dl>
      {report ? <KpiPanel unit={report} /> : null}
      {gaps ? (
        <div className="detail-gaps" data-testid="detail-gaps">
          <h3>{t("card.gaps", { count: gaps.length })}</h3>
          {gaps.length === 0 ? <p className="kpi-status">{t("card.noGaps")}</p> : null}
          <ul>
            {gaps.map((gap) => (
              <li key={gap.id} className={`gap-${gap.severity}`}>
                <span className="gap-severity">{t(`severity.${gap.severity}`)}</span> {t(`gap.${gap.kind}`)}
                <span className="gap-reason" title={explainScore(gap)}>
                  {" "}
                  · {t("card.score")} {gap.score.toLocaleString("zh-CN")}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
