// The card of a selected unit: its own fields and, for areas, its rolled-up indicators.
import type { Manifest } from "../../data/contract.ts";
import type { UnitReport } from "../../domain/analysis.ts";
import { explainScore, type Gap } from "../../domain/gaps.ts";
import type { PickedFeature } from "../map/map-adapter.ts";
import { CARD_FIELDS, fieldLabel, formatField, levelLabel } from "../shared/field-labels.ts";
import { formatNumber, useTranslate, type Language } from "../i18n/i18n.ts";
import { KpiPanel } from "./KpiPanel.tsx";

export interface DetailCardProps {
  selected: PickedFeature;
  /** Indicators of the unit when it is an area the engine reports on. */
  report: UnitReport | undefined;
  language: Language;
  onClose: () => void;
  /** The unit's own gaps (streets, grids, compounds), from the engine; undefined while unknown. */
  gaps?: readonly Gap[] | undefined;
  /** The manifest's synthetic layers: the card says what of this unit is made up. */
  synthetic?: Manifest["synthetic"] | undefined;
}

type SyntheticKey = "card.synthetic.both" | "card.synthetic.geometry" | "card.synthetic.attributes" | "card.synthetic.rollup";

/** What of the selected unit is synthetic: its geometry, its own figures, or the figures rolled up into it. */
export function syntheticKey(layer: PickedFeature["layer"], synthetic: Manifest["synthetic"] | undefined, hasReport: boolean): SyntheticKey | null {
  if (!synthetic) return null;
  const geometry = (synthetic.geometry as readonly string[]).includes(layer);
  const attributes = (synthetic.attributes as readonly string[]).includes(layer);
  if (geometry && attributes) return "card.synthetic.both";
  if (geometry) return "card.synthetic.geometry";
  if (attributes) return "card.synthetic.attributes";
  return hasReport && synthetic.attributes.length > 0 ? "card.synthetic.rollup" : null;
}

export function DetailCard({ selected, report, language, onClose, gaps, synthetic }: DetailCardProps) {
  const t = useTranslate();
  const note = syntheticKey(selected.layer, synthetic, report !== undefined);
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
      {note ? (
        <p className="detail-synthetic" data-testid="card-synthetic">
          {t(note)}
        </p>
      ) : null}
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
                  · {t("card.score")} {formatNumber(language, gap.score)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
