// What the KPI panel shows: the whole dataset's indicators, the selected area's, or in what-if
// mode the plan's outcome for the whole dataset.
import type { UnitReport } from "../../domain/analysis.ts";

export interface KpiViewInput {
  /** The what-if plan's outcome for the whole dataset; undefined without a plan or with an empty one. */
  planned: UnitReport | undefined;
  /** The selected area (prefecture, county, township or community) and its report once known. */
  area: { name: string; report: UnitReport | undefined } | null;
  /** The whole dataset: its area's name and its report once known. */
  root: { name: string; report: UnitReport | undefined };
  /** Appended to the dataset's name over a plan's outcome ("after the plan"). */
  afterLabel: string;
}

export interface KpiView {
  unit: UnitReport | undefined;
  scope: string;
  /** A selected area's card already holds its KPIs; the panel would repeat them. */
  hidden: boolean;
}

export function kpiView({ planned, area, root, afterLabel }: KpiViewInput): KpiView {
  if (planned) return { unit: planned, scope: `${root.name} · ${afterLabel}`, hidden: false };
  if (area?.report) return { unit: area.report, scope: area.name, hidden: true };
  return { unit: root.report, scope: root.name, hidden: false };
}
