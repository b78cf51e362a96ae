// The ranked gap list (缺口清单) of the area shown: what to fix first, why it ranks where it
// does (hover an item for its score), and a click to go there. Exports as CSV or XLSX; the XLSX
// writer and its zip library load only when that button is pressed.
import type { Manifest } from "../../../data/contract.ts";
import { syntheticNote } from "../../shared/source-lines.ts";
import { explainScore, GAP_KINDS, type Gap, type GapKind } from "../../../domain/gaps.ts";
import { engineClient, useGaps } from "../../data/engine-client.ts";
import { downloadText, gapsToCsv } from "./gap-export.ts";
import { downloadBlob } from "../../snapshot/download.ts";
import { useTranslate, type Language, type MessageKey } from "../../i18n/i18n.ts";
import "./gap-list-panel.css";
import { isEmptyPlan, scenarioOf, type WhatIfPlan } from "../../shared/what-if-plan.ts";

export interface GapListPanelProps {
  manifestUrl: string;
  /** District, street or community code; undefined for the whole dataset. */
  areaCode: string | undefined;
  areaName: string;
  /** False until the engine has the dataset (and always for tiled datasets, which ship no gaps). */
  enabled: boolean;
  /** True while the engine is still analysing: say so, rather than that there is no list. */
  computing: boolean;
  language: Language;
  /** Data-as-of date, part of the exported file's name. */
  asOf: string;
  kind: GapKind | "all";
  onKindChange: (kind: GapKind | "all") => void;
  onChoose: (gap: Gap) => void;
  /** The manifest's synthetic layers, named in the exports' notes. */
  synthetic?: Manifest["synthetic"];
  /** An active what-if plan: the list (and its exports) show the gaps as they would be. */
  plan?: WhatIfPlan | null;
}

export function GapListPanel({
  manifestUrl,
  areaCode,
  areaName,
  enabled,
  computing,
  language,
  asOf,
  kind,
  onKindChange,
  onChoose,
  synthetic,
  plan = null,
}: GapListPanelProps) {
  const t = useTranslate();
  const filter = { ...(areaCode ? { areaCode } : {}), ...(kind === "all" ? {} : { kinds: [kind] }) };
  const gaps = useGaps(manifestUrl, filter, enabled, plan);
  const scenario = plan && !isEmptyPlan(plan) ? scenarioOf(plan) : null;
  const exportCsv = async () => {
    const all = await engineClient(manifestUrl).gaps(filter, Number.MAX_SAFE_INTEGER, scenario);
    const note = synthetic ? syntheticNote(synthetic, t) : null;
    const notes = [`${t("asOf")} ${asOf}`, ...(note ? [note] : [])];
    downloadText(gapsToCsv(all.items, language, notes), `${t("gaps.title")}-${areaName}-${asOf}.csv`);
  };
  const exportXlsx = async () => {
    const [{ gapsToXlsx, XLSX_MIME }, all] = await Promise.all([
      import("./gap-workbook.ts"),
      engineClient(manifestUrl).gaps(filter, Number.MAX_SAFE_INTEGER, scenario),
    ]);
    const note = (synthetic ? syntheticNote(synthetic, t) : null) ?? undefined;
    const kindLabel = kind === "all" ? t("gaps.all") : t(`gap.${kind}` as MessageKey);
    const bytes = gapsToXlsx(all.items, { language, asOf, areaName, kindLabel, note });
    downloadBlob(new Blob([bytes], { type: XLSX_MIME }), `${t("gaps.title")}-${areaName}-${asOf}.xlsx`);
  };
  return (
    <section className="panel gap-panel" aria-label={t("gaps.title")} data-testid="gap-panel">
      <h2>
        {t("gaps.title")} · {areaName}
        {gaps.data ? <span className="count">{gaps.data.total.toLocaleString()}</span> : null}
      </h2>
      <select aria-label={t("gaps.kind")} value={kind} onChange={(event) => onKindChange(event.target.value as GapKind | "all")}>
        <option value="all">{t("gaps.all")}</option>
        {GAP_KINDS.map((gapKind) => (
          <option key={gapKind} value={gapKind}>
            {t(`gap.${gapKind}` as MessageKey)}
          </option>
        ))}
      </select>
      <div className="gap-exports">
        <button type="button" className="gap-export" disabled={!gaps.data} onClick={() => void exportCsv()}>
          {t("gaps.export")}
        </button>
        <button type="button" className="gap-export" disabled={!gaps.data} onClick={() => void exportXlsx()}>
          {t("gaps.exportXlsx")}
        </button>
      </div>
      {computing || (enabled && gaps.isPending) ? (
        <p className="gap-status">{t("kpi.computing")}</p>
      ) : !enabled ? (
        <p className="gap-status">{t("gaps.unavailable")}</p>
      ) : null}
      <ol className="gap-list">
        {gaps.data?.items.map((gap) => (
          <li key={gap.id}>
            <button type="button" className={`gap-item gap-${gap.severity}`} title={explainScore(gap)} onClick={() => onChoose(gap)}>
              <span className="gap-severity">{t(`severity.${gap.severity}` as MessageKey)}</span>
              <span className="gap-name">{gap.unitName}</span>
              <span className="gap-reason">{language === "zh" ? gap.reason : gap.reasonEn}</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
