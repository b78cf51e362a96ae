// What the 考核督导 panel puts on the map, kept in the URL's view part (a permalink reopens it).
import type { ReportIndicatorId } from "../../domain/indicator-registry.ts";
import type { AreaLevel } from "../../layers/choropleth.ts";

export interface ProgrammeView {
  /** The date shown (the map, KPIs and gap list as of it); null: the dataset's own date. */
  asOf: string | null;
  /** Change since an earlier date ("the last meeting"), by an indicator at a level; null: not comparing. */
  compare: { from: string; level: AreaLevel; indicator: ReportIndicatorId } | null;
  /** The 双报到 arcs are drawn. */
  arcs: boolean;
}

export const DEFAULT_PROGRAMME_VIEW: ProgrammeView = { asOf: null, compare: null, arcs: false };
