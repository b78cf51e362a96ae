// 考核督导 in the explorer: the date the map, KPIs and gap list show (a timeline over the dated
// records), each target's status and progress with the units behind it, the change since the
// last meeting, and the 双报到 arcs. Every status is written out, never colour alone.
import { useContext, useEffect, useState } from "react";
import type { TargetLevel } from "../../data/contract.ts";
import { addDays, daysBetween } from "../../domain/as-of.ts";
import type { DateDiff } from "../../domain/date-diff.ts";
import { formatIndicatorValue } from "../../domain/indicator-format.ts";
import { INDICATORS, type ReportIndicatorId } from "../../domain/indicator-registry.ts";
import type { TargetReport, TargetStatus, UnitStatus } from "../../domain/targets.ts";
import type { Bbox } from "../../domain/model.ts";
import { AREA_INDICATORS } from "../../layers/choropleth.ts";
import { useTargetProgress, useTargets, useTimeline } from "../data/engine-client.ts";
import { LanguageContext, useTranslate, type MessageKey } from "../i18n/i18n.ts";
import { indicatorLabel } from "../shared/indicator-text.ts";
import type { ProgrammeView } from "./programme-view.ts";
import { ProgressCurve } from "./ProgressCurve.tsx";

export interface ProgrammesPanelProps {
  /** The dataset (undated) and the engine URL of the date shown. */
  manifestUrl: string;
  engineUrl: string;
  enabled: boolean;
  /** The dataset's own 数据截至 date: the timeline's end. */
  dataAsOf: string;
  areaCode: string;
  view: ProgrammeView;
  onViewChange: (view: ProgrammeView) => void;
  diff: DateDiff | undefined;
  diffPending: boolean;
  arcCount: number | null;
  synthetic: boolean;
  onChooseUnit: (unit: { level: TargetLevel; code: string; name: string; bbox: Bbox | null }) => void;
  onExportChanges: (() => void) | undefined;
}

const STATUS_KEYS: Record<TargetStatus, MessageKey> = {
  met: "programmes.status.met",
  warning: "programmes.status.warning",
  missed: "programmes.status.missed",
  unknown: "programmes.status.unknown",
};

/** The indicators a comparison can be made by: those the map can fill areas with, then the rest of the registry's shares and counts. */
const COMPARABLE: readonly ReportIndicatorId[] = [...AREA_INDICATORS, "stationCoverage", "certifiedRate"];

export function ProgrammesPanel(props: ProgrammesPanelProps) {
  const t = useTranslate();
  const { view, onViewChange, enabled, dataAsOf } = props;
  const timeline = useTimeline(props.manifestUrl, enabled);
  const targets = useTargets(props.engineUrl, props.areaCode, enabled);
  const [open, setOpen] = useState<string | null>(null);
  const shown = view.asOf ?? dataAsOf;
  const from = timeline.data?.from ?? dataAsOf;
  const span = Math.max(0, daysBetween(from, dataAsOf));
  // The slider moves a local date; the view (and the engine) follow once it rests.
  const [dragging, setDragging] = useState<string | null>(null);
  useEffect(() => {
    if (dragging === null) return;
    const timer = setTimeout(() => {
      onViewChange({ ...view, asOf: dragging >= dataAsOf ? null : dragging });
      setDragging(null);
    }, 350);
    return () => clearTimeout(timer);
  }, [dragging, view, onViewChange, dataAsOf]);
  const sliderDate = dragging ?? shown;
  const setDate = (date: string) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(date)) onViewChange({ ...view, asOf: date >= dataAsOf ? null : date });
  };
  return (
    <section className="panel programmes-panel" aria-label={t("programmes.title")} data-testid="programmes-panel">
      <h2>{t("programmes.title")}</h2>
      <div className="programmes-date">
        <label>
          {t("programmes.asOf")}
          <input
            type="range"
            min={0}
            max={span}
            step={1}
            value={Math.max(0, daysBetween(from, sliderDate))}
            disabled={!enabled || span === 0}
            aria-valuetext={sliderDate}
            data-testid="as-of-slider"
            onChange={(event) => setDragging(addDays(from, Number(event.target.value)))}
          />
        </label>
        <input
          type="date"
          value={sliderDate}
          min={from}
          max={dataAsOf}
          disabled={!enabled}
          aria-label={t("programmes.asOf")}
          data-testid="as-of-date"
          onChange={(event) => setDate(event.target.value)}
        />
        {view.asOf ? (
          <>
            <p className="programmes-note" data-testid="as-of-note">
              {t("programmes.asOf.past", { date: view.asOf })}
            </p>
            <button type="button" onClick={() => onViewChange({ ...view, asOf: null })}>
              {t("programmes.asOf.reset")} ({dataAsOf})
            </button>
          </>
        ) : (
          <p className="programmes-note">{`${t("programmes.asOf.now")}: ${dataAsOf}`}</p>
        )}
      </div>
      <h3>{t("programmes.targets")}</h3>
      {targets.data && targets.data.reports.length === 0 && targets.data.problems.length === 0 ? (
        <p className="programmes-note">{t("programmes.noTargets")}</p>
      ) : null}
      {!targets.data && enabled ? <p className="programmes-note">{t("programmes.computing")}</p> : null}
      {targets.data?.problems.map((problem) => (
        <p key={problem} className="programmes-problem" role="alert">
          {problem}
        </p>
      ))}
      <ul className="programmes-targets">
        {targets.data?.reports.map((report) => (
          <TargetItem
            key={report.target.id}
            report={report}
            open={open === report.target.id}
            onToggle={() => setOpen(open === report.target.id ? null : report.target.id)}
            engineUrl={props.engineUrl}
            areaCode={props.areaCode}
            enabled={enabled}
            onChooseUnit={props.onChooseUnit}
          />
        ))}
      </ul>
      {props.synthetic ? <p className="programmes-note synthetic-note">{t("programmes.synthetic")}</p> : null}
      <Compare {...props} shown={shown} from={from} />
      <label className="programmes-arcs">
        <input type="checkbox" checked={view.arcs} disabled={!enabled} onChange={(event) => onViewChange({ ...view, arcs: event.target.checked })} />
        {t("programmes.arcs")}
        {view.arcs && props.arcCount !== null
          ? ` · ${props.arcCount === 0 ? t("programmes.arcs.none") : t("programmes.arcs.count", { count: props.arcCount.toLocaleString() })}`
          : ""}
      </label>
    </section>
  );
}

function TargetItem(props: {
  report: TargetReport;
  open: boolean;
  onToggle: () => void;
  engineUrl: string;
  areaCode: string;
  enabled: boolean;
  onChooseUnit: ProgrammesPanelProps["onChooseUnit"];
}) {
  const t = useTranslate();
  const { report } = props;
  const { target, tally } = report;
  const known = tally.met + tally.warning + tally.missed;
  const format = INDICATORS[report.indicator].format;
  const progress = useTargetProgress(props.engineUrl, props.open ? target.id : null, props.areaCode, props.enabled);
  const laggards = report.units.filter((unit) => unit.status === "missed" || unit.status === "warning").slice(0, 8);
  const title = (useContext(LanguageContext) === "en" ? target.titleEn : undefined) ?? target.title;
  return (
    <li className="programmes-target" data-target={target.id}>
      <button type="button" className="programmes-target-head" aria-expanded={props.open} onClick={props.onToggle}>
        <span className="programmes-target-title">{title}</span>
        <span className="programmes-target-level">
          {t(`programmes.target.level.${target.level}`)} · {indicatorLabel(t, report.indicator)} {INDICATORS[report.indicator].better === "higher" ? "≥" : "≤"}{" "}
          {formatIndicatorValue(target.threshold, format)}
        </span>
      </button>
      <StatusBar tally={tally} />
      <p className="programmes-target-done" data-testid="target-done">
        {t("programmes.target.done", {
          met: tally.met.toLocaleString(),
          known: known.toLocaleString(),
          share: tally.share === null ? "—" : formatIndicatorValue(tally.share, "share"),
        })}
        {tally.unknown > 0 ? ` · ${t("programmes.target.unknown", { count: tally.unknown.toLocaleString() })}` : ""}
        {" · "}
        {report.daysLeft >= 0 ? t("programmes.target.daysLeft", { days: report.daysLeft }) : t("programmes.target.overdue", { days: -report.daysLeft })}
      </p>
      {props.open ? (
        <div className="programmes-target-body">
          {progress.data ? (
            <ProgressCurve target={target} points={progress.data} label={t("programmes.target.curve", { title })} />
          ) : (
            <p className="programmes-note">{t("programmes.computing")}</p>
          )}
          <h4>{laggards.length > 0 ? t("programmes.target.laggards") : t("programmes.target.allMet")}</h4>
          <ol className="programmes-laggards">
            {laggards.map((unit) => (
              <li key={unit.code}>
                <button type="button" onClick={() => props.onChooseUnit({ level: target.level, code: unit.code, name: unit.name, bbox: unit.bbox })}>
                  <StatusLabel status={unit.status} /> {unit.name} · {formatIndicatorValue(unit.value, format)}
                  {unit.distance !== null && unit.distance > 0
                    ? ` (${t("programmes.target.short", { value: formatIndicatorValue(unit.distance, format) })})`
                    : ""}
                </button>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </li>
  );
}

function StatusLabel({ status }: { status: UnitStatus["status"] }) {
  const t = useTranslate();
  return <span className={`status-label status-${status}`}>{t(STATUS_KEYS[status])}</span>;
}

/** The tally as a stacked bar with each part's name and count written under it. */
function StatusBar({ tally }: { tally: TargetReport["tally"] }) {
  const t = useTranslate();
  const total = tally.met + tally.warning + tally.missed + tally.unknown;
  const parts = (["met", "warning", "missed", "unknown"] as const).filter((status) => tally[status] > 0);
  return (
    <div className="status-bar-wrap">
      <div className="status-bar" aria-hidden="true">
        {parts.map((status) => (
          <span key={status} className={`status-${status}`} style={{ width: `${(tally[status] / Math.max(total, 1)) * 100}%` }} />
        ))}
      </div>
      <p className="status-bar-legend">
        {parts.map((status) => (
          <span key={status} className="status-bar-item">
            <span className={`status-swatch status-${status}`} aria-hidden="true" />
            {t(STATUS_KEYS[status])} {tally[status].toLocaleString()}
          </span>
        ))}
      </p>
    </div>
  );
}

function Compare(props: ProgrammesPanelProps & { shown: string; from: string }) {
  const t = useTranslate();
  const { view, onViewChange, diff } = props;
  const compare = view.compare;
  const defaultFrom = () => {
    const before = addDays(props.shown, -90);
    return before < props.from ? props.from : before;
  };
  return (
    <div className="programmes-compare">
      <label>
        <input
          type="checkbox"
          checked={compare !== null}
          disabled={!props.enabled}
          data-testid="compare-toggle"
          onChange={(event) =>
            onViewChange({ ...view, compare: event.target.checked ? { from: defaultFrom(), level: "streets", indicator: "partyBranchCoverage" } : null })
          }
        />
        {t("programmes.compare")}
      </label>
      {compare ? (
        <>
          <div className="programmes-compare-controls">
            <label>
              {t("programmes.compare.from")}
              <input
                type="date"
                value={compare.from}
                min={props.from}
                max={props.shown}
                data-testid="compare-from"
                onChange={(event) =>
                  /^\d{4}-\d{2}-\d{2}$/.test(event.target.value) && onViewChange({ ...view, compare: { ...compare, from: event.target.value } })
                }
              />
            </label>
            <label>
              {t("programmes.compare.level")}
              <select
                value={compare.level}
                onChange={(event) =>
                  onViewChange({ ...view, compare: { ...compare, level: event.target.value === "communities" ? "communities" : "streets" } })
                }
              >
                <option value="streets">{t("programmes.target.level.street")}</option>
                <option value="communities">{t("programmes.target.level.community")}</option>
              </select>
            </label>
            <label>
              {t("programmes.compare.indicator")}
              <select
                value={compare.indicator}
                onChange={(event) =>
                  onViewChange({ ...view, compare: { ...compare, indicator: COMPARABLE.find((id) => id === event.target.value) ?? compare.indicator } })
                }
              >
                {COMPARABLE.map((id) => (
                  <option key={id} value={id}>
                    {indicatorLabel(t, id)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {diff ? (
            <>
              <p className="programmes-compare-summary" data-testid="compare-summary">
                {diff.from} → {diff.to}:{" "}
                {t("programmes.compare.summary", {
                  newGap: diff.counts["new-gap"],
                  worse: diff.counts.worse,
                  improved: diff.counts.improved,
                  same: diff.counts.same,
                })}
                {" · "}
                {t("programmes.compare.gapsAdded", { count: diff.gapsAdded.length.toLocaleString() })} ·{" "}
                {t("programmes.compare.gapsRemoved", { count: diff.gapsRemoved.length.toLocaleString() })}
              </p>
              <ol className="programmes-changes" data-testid="compare-list">
                {diff.units
                  .filter((unit) => unit.kind !== "same" && unit.kind !== "unknown")
                  .slice(0, 10)
                  .map((unit) => (
                    <li key={unit.code}>
                      <button
                        type="button"
                        onClick={() =>
                          props.onChooseUnit({ level: compare.level === "streets" ? "street" : "community", code: unit.code, name: unit.name, bbox: unit.bbox })
                        }
                      >
                        <span className={`change-label change-${unit.kind}`}>{t(`programmes.change.${unit.kind}`)}</span> {unit.name}:
                        {formatIndicatorValue(unit.before, INDICATORS[diff.indicator].format)} →{" "}
                        {formatIndicatorValue(unit.after, INDICATORS[diff.indicator].format)}
                        {unit.newGaps > 0 ? ` (+${unit.newGaps})` : ""}
                      </button>
                    </li>
                  ))}
              </ol>
              {props.onExportChanges ? (
                <button type="button" onClick={props.onExportChanges} data-testid="compare-export">
                  {t("programmes.compare.export")}
                </button>
              ) : null}
            </>
          ) : props.diffPending ? (
            <p className="programmes-note">{t("programmes.computing")}</p>
          ) : null}
          <button type="button" onClick={() => onViewChange({ ...view, compare: null })}>
            {t("programmes.compare.off")}
          </button>
        </>
      ) : null}
    </div>
  );
}
