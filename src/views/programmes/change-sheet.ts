// The meeting sheet's table: the units that changed between the two dates, new gaps first, in
// the map's change colours, each with its value on both dates.
import type { DateDiff } from "../../domain/date-diff.ts";
import { formatIndicatorValue } from "../../domain/indicator-format.ts";
import { INDICATORS } from "../../domain/indicator-registry.ts";
import { palette } from "../../layers/palette.ts";
import type { Translate } from "../i18n/i18n.ts";
import { indicatorLabel } from "../shared/indicator-text.ts";
import type { GapTableContent } from "../../export/panel-scene.ts";

const COLOUR = { "new-gap": palette.changeNewGap, worse: palette.changeWorse, improved: palette.changeImproved } as const;
const SEVERITY = { "new-gap": "high", worse: "medium", improved: "low" } as const;

export function changeSheet(diff: DateDiff, areaName: string, t: Translate): { title: string; table: GapTableContent } {
  const format = INDICATORS[diff.indicator].format;
  const changed = diff.units.filter((unit): unit is typeof unit & { kind: keyof typeof COLOUR } => unit.kind in COLOUR);
  return {
    title: t("programmes.compare.sheetTitle", { area: areaName, from: diff.from, to: diff.to }),
    table: {
      heading: `${t("programmes.compare")} · ${indicatorLabel(t, diff.indicator)}`,
      note: (listed) =>
        `${t("programmes.compare.summary", { newGap: diff.counts["new-gap"], worse: diff.counts.worse, improved: diff.counts.improved, same: diff.counts.same })} · ${t("programmes.compare.gapsAdded", { count: diff.gapsAdded.length })} · ${t("programmes.compare.gapsRemoved", { count: diff.gapsRemoved.length })} (${listed}/${changed.length})`,
      headers: ["#", t("programmes.compare.level"), t("snapshot.gaps.unit"), `${diff.from} → ${diff.to}`],
      rows: changed.map((unit, index) => ({
        rank: String(index + 1),
        kind: t(`programmes.change.${unit.kind}`) + (unit.newGaps > 0 ? ` +${unit.newGaps}` : ""),
        unit: unit.name,
        households: `${formatIndicatorValue(unit.before, format)} → ${formatIndicatorValue(unit.after, format)}`,
        severity: SEVERITY[unit.kind],
        colour: COLOUR[unit.kind],
      })),
      empty: t("programmes.change.same"),
    },
  };
}
