// What a sheet says, in the interface language: title, subtitle, dates, legend, KPIs, gap table
// and source note, from the explorer's state and the user's settings.
import type { Manifest } from "../../data/contract.ts";
import type { UnitReport } from "../../domain/analysis.ts";
import type { Gap } from "../../domain/gaps.ts";
import { formatCount } from "../../domain/gaps.ts";
import { formattedValue } from "../../domain/indicator-registry.ts";
import { palette } from "../../layers/palette.ts";
import type { Language, MessageKey } from "../i18n/i18n.ts";
import { indicatorLabel } from "../shared/indicator-text.ts";
import { KPI_INDICATORS } from "../shared/kpi-indicators.ts";
import type { LegendGroup } from "../shared/legend-items.ts";
import { sourceLines } from "../shared/source-lines.ts";
import type { SheetLegendGroup } from "../../export/legend-scene.ts";
import type { GapTableContent, KpiContent } from "../../export/panel-scene.ts";
import type { SheetContent } from "../../export/sheet-scene.ts";

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** What the user chose in the composer. */
export interface SheetSettings {
  title: string;
  subtitle: string;
  /** Map credit / 审图号 line; empty leaves it off. */
  credit: string;
  watermark: boolean;
  qr: boolean;
}

export function defaultTitle(areaName: string, t: Translate): string {
  return t("snapshot.defaultTitle", { area: areaName });
}

/** What the map shows, from the legend: "社工站 / 社工室、按小区党支部、网格…". */
export function defaultSubtitle(legend: readonly LegendGroup[], language: Language): string {
  return legend.map((group) => group.title).join(language === "zh" ? "、" : ", ");
}

export function kpiContent(areaName: string, report: UnitReport | undefined, t: Translate): KpiContent {
  return {
    heading: `${t("kpi.title")} · ${areaName}`,
    entries: KPI_INDICATORS.map((id) => ({ label: indicatorLabel(t, id), value: report ? formattedValue(report, id) : "—" })),
  };
}

/** An atlas page's gap table; null `gaps` when the engine has no list to give. */
export function gapTableContent(gaps: { total: number; items: readonly Gap[] } | null, t: Translate): GapTableContent {
  return {
    heading: t("gaps.title"),
    note: (listed) => (gaps ? t("snapshot.gaps.note", { total: formatCount(gaps.total), shown: listed }) : ""),
    headers: [t("snapshot.gaps.rank"), t("gaps.kind"), t("snapshot.gaps.unit"), t("snapshot.gaps.households")],
    rows: (gaps?.items ?? []).map((gap, index) => ({
      rank: String(index + 1),
      kind: t(`gap.${gap.kind}`),
      unit: gap.unitName,
      households: formatCount(gap.households),
      severity: gap.severity,
    })),
    empty: gaps ? t("snapshot.gaps.none") : t("snapshot.gaps.unavailable"),
  };
}

function basemapGroup(t: Translate): SheetLegendGroup {
  return {
    title: t("snapshot.legend.basemap"),
    items: [
      { label: t("snapshot.legend.districtLine"), colour: palette.districtLine, shape: "line" },
      { label: t("snapshot.legend.water"), colour: palette.water, shape: "fill" },
    ],
  };
}

const pad = (value: number) => String(value).padStart(2, "0");
export const formatDateTime = (date: Date) =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;

export interface SheetContentInput {
  settings: SheetSettings;
  manifest: Manifest;
  legend: readonly LegendGroup[];
  kpi: KpiContent;
  gaps: GapTableContent | null;
  qr: ReadonlyArray<ReadonlyArray<boolean>> | null;
  language: Language;
  t: Translate;
  madeOn: Date;
  paper: boolean;
  /** The earlier date the map shows (the 考核督导 timeline); the sheet says both dates. */
  viewDate?: string | null;
}

export function sheetContent(input: SheetContentInput): SheetContent {
  const { settings, manifest, t } = input;
  const lines = sourceLines(manifest, t, settings.credit.trim());
  return {
    language: input.language,
    title: settings.title,
    subtitle: settings.subtitle,
    asOf: input.viewDate ? t("programmes.sheet.asOf", { date: input.viewDate, asOf: manifest.asOf }) : `${t("asOf")} ${manifest.asOf}`,
    madeOn: t("snapshot.madeOn", { date: formatDateTime(input.madeOn) }),
    legendHeading: t("legend.title"),
    legend: [...input.legend, basemapGroup(t)],
    kpi: input.kpi,
    gaps: input.gaps,
    qr: settings.qr && input.qr ? { modules: input.qr, caption: t("snapshot.qrCaption") } : null,
    sources: [
      ...(lines.synthetic ? [{ text: lines.synthetic, emphasis: true }] : []),
      { text: lines.sources, emphasis: false },
      ...(lines.credit ? [{ text: lines.credit, emphasis: false }] : []),
    ],
    northLetter: t("snapshot.north"),
    showRatio: input.paper,
    watermark: settings.watermark ? t("snapshot.watermarkText") : null,
  };
}
