// 考核督导 on the wall: each target with how many units meet it out of those with data (the
// denominator named), a stacked status bar with its counts written out, the days to the
// deadline, and the three units furthest behind. The figures are the engine's (evaluateTarget).
import { formatIndicatorValue } from "../../domain/indicator-format.ts";
import { TARGET_STATUSES, type TargetReport } from "../../domain/targets.ts";
import type { TargetsResult } from "../../workers/engine-api.ts";
import { formatNumber, useTranslate, type Language } from "../i18n/i18n.ts";
import { formatDistance, knownUnits, laggardsOf, targetFormat } from "./wall-targets.ts";

export interface WallTargetsProps {
  /** Undefined while the engine evaluates. */
  targets: TargetsResult | undefined;
  /** Why the targets file could not be used, when it could not. */
  failure: string | null;
  /** The manifest says the attributes are synthetic: so are the targets' figures. */
  synthetic: boolean;
  /** The target whose laggards the tour visits, marked. */
  toured: string | null;
  language: Language;
}

const LAGGARDS_SHOWN = 3;

export function WallTargets({ targets, failure, synthetic, toured, language }: WallTargetsProps) {
  const t = useTranslate();
  return (
    <section className="wall-panel wall-targets" data-testid="wall-targets">
      <header>
        <h2>{t("wall.targets.title")}</h2>
        {synthetic ? <p className="wall-targets-synthetic">{t("programmes.synthetic")}</p> : null}
      </header>
      {failure ? <p className="wall-muted">{t("wall.targets.failed", { message: failure })}</p> : null}
      {targets ? (
        <ol className="wall-target-list">
          {targets.reports.map((report) => (
            <WallTarget key={report.target.id} report={report} toured={report.target.id === toured} language={language} />
          ))}
        </ol>
      ) : failure ? null : (
        <p className="wall-muted">{t("wall.targets.pending")}</p>
      )}
      {targets?.problems.map((problem) => (
        <p key={problem} className="wall-muted">
          {t("wall.targets.problem", { message: problem })}
        </p>
      ))}
    </section>
  );
}

function WallTarget({ report, toured, language }: { report: TargetReport; toured: boolean; language: Language }) {
  const t = useTranslate();
  const { target, tally } = report;
  const level = t(`programmes.target.level.${target.level}`);
  const known = knownUnits(report);
  const numbers = (value: number) => formatNumber(language, value);
  const format = targetFormat(report);
  const laggards = laggardsOf(report).slice(0, LAGGARDS_SHOWN);
  const counts = TARGET_STATUSES.map((status) => ({
    status,
    count: tally[status],
    label: t("wall.targets.bar", { status: t(`programmes.status.${status}`), count: numbers(tally[status]) }),
  }));
  return (
    <li
      className={toured ? "wall-target is-current" : "wall-target"}
      data-target={target.id}
      data-met={tally.met}
      data-known={known}
      data-unknown={tally.unknown}
    >
      <h3>{language === "en" ? (target.titleEn ?? target.title) : target.title}</h3>
      <p className="wall-muted">
        {level} ·{" "}
        {report.daysLeft >= 0
          ? t("programmes.target.daysLeft", { days: numbers(report.daysLeft) })
          : t("programmes.target.overdue", { days: numbers(-report.daysLeft) })}
      </p>
      <p className="wall-target-done">
        {known > 0
          ? t("wall.targets.done", { met: numbers(tally.met), known: numbers(known), level, share: formatIndicatorValue(tally.share, "share") })
          : t("wall.targets.noneKnown", { level })}
      </p>
      <div className="wall-target-bar" role="img" aria-label={counts.map((entry) => entry.label).join(", ")}>
        {counts.map((entry) => (entry.count > 0 ? <span key={entry.status} className={`is-${entry.status}`} style={{ flexGrow: entry.count }} /> : null))}
      </div>
      <ul className="wall-target-counts">
        {counts.map((entry) => (
          <li key={entry.status} data-status={entry.status}>
            <i className={`wall-status-swatch is-${entry.status}`} />
            {entry.label}
          </li>
        ))}
      </ul>
      {tally.unknown > 0 && known > 0 ? <p className="wall-muted">{t("wall.targets.unknown", { count: numbers(tally.unknown) })}</p> : null}
      {laggards.length > 0 ? (
        <ol className="wall-target-laggards" aria-label={t("wall.targets.laggards")}>
          {laggards.map((unit) => (
            <li key={unit.code} data-code={unit.code} data-status={unit.status}>
              <span className="wall-rank-name">{unit.name}</span>
              <span className={`wall-status-text is-${unit.status}`}>{t(`programmes.status.${unit.status}`)}</span>
              <span>
                {t(format === "share" ? "wall.targets.short.share" : "wall.targets.short.other", { distance: formatDistance(unit.distance, format, language) })}
              </span>
            </li>
          ))}
        </ol>
      ) : known > 0 ? (
        <p className="wall-muted">{t("programmes.target.allMet")}</p>
      ) : null}
    </li>
  );
}
