// Change since the last meeting: the same dataset on two dates, unit by unit. A unit improved or
// got worse by an indicator's better direction; a unit with a gap that the earlier date did not
// have shows as a new gap first, whatever its indicator did.
import type { TargetLevel } from "../data/contract.ts";
import type { Analysis } from "./analysis.ts";
import type { Gap } from "./gaps.ts";
import { INDICATORS, type ReportIndicatorId } from "./indicator-registry.ts";
import { levelUnits, valueOf } from "./targets.ts";
import { diffAnalyses } from "./what-if.ts";

export type ChangeKind = "new-gap" | "improved" | "worse" | "same" | "unknown";

export interface UnitChange {
  code: string;
  name: string;
  parentCode: string;
  before: number | null;
  after: number | null;
  /** after − before; null when either is unknown. */
  delta: number | null;
  kind: ChangeKind;
  /** Gaps of the unit (and its parts) on the later date that the earlier one did not have. */
  newGaps: number;
  /** Gaps the earlier date had and the later one does not. */
  closedGaps: number;
  bbox: [number, number, number, number] | null;
}

export interface DateDiff {
  from: string;
  to: string;
  indicator: ReportIndicatorId;
  level: TargetLevel;
  counts: Record<ChangeKind, number>;
  /** New gaps first, then the worst changes, then the best; unchanged and unknown last. */
  units: UnitChange[];
  gapsAdded: Gap[];
  gapsRemoved: Gap[];
}

/** Which unit of `level` a gap lies in: its code is the unit's code or begins with it (grids and units carry their community's code). */
function unitCodeOf(gap: Gap, level: TargetLevel): string {
  const length = { prefecture: 4, district: 6, street: 9, community: 12 }[level];
  return (gap.communityCode ?? (gap.streetCode || gap.districtCode)).slice(0, length);
}

export function diffDates(before: Analysis, after: Analysis, level: TargetLevel, indicator: ReportIndicatorId, withinArea = ""): DateDiff {
  const { gapsAdded, gapsRemoved } = diffAnalyses(before, after);
  const added = new Map<string, number>();
  const removed = new Map<string, number>();
  for (const gap of gapsAdded) added.set(unitCodeOf(gap, level), (added.get(unitCodeOf(gap, level)) ?? 0) + 1);
  for (const gap of gapsRemoved) removed.set(unitCodeOf(gap, level), (removed.get(unitCodeOf(gap, level)) ?? 0) + 1);
  const earlier = new Map(levelUnits(before, level).map((unit) => [unit.code, unit.totals]));
  const higher = INDICATORS[indicator].better === "higher";
  const units = levelUnits(after, level)
    .filter((unit) => unit.code.startsWith(withinArea))
    .map((unit): UnitChange => {
      const was = earlier.get(unit.code);
      const beforeValue = was ? valueOf(was, indicator) : null;
      const afterValue = valueOf(unit.totals, indicator);
      const delta = beforeValue === null || afterValue === null ? null : afterValue - beforeValue;
      const newGaps = added.get(unit.code) ?? 0;
      let kind: ChangeKind;
      if (newGaps > 0) kind = "new-gap";
      else if (delta === null) kind = "unknown";
      else if (Math.abs(delta) < 1e-12) kind = "same";
      else kind = delta > 0 === higher ? "improved" : "worse";
      return {
        code: unit.code,
        name: unit.name,
        parentCode: unit.parentCode,
        before: beforeValue,
        after: afterValue,
        delta,
        kind,
        newGaps,
        closedGaps: removed.get(unit.code) ?? 0,
        bbox: unit.bbox,
      };
    });
  const rank: Record<ChangeKind, number> = { "new-gap": 0, worse: 1, improved: 2, same: 3, unknown: 4 };
  const gain = (change: UnitChange) => (change.delta ?? 0) * (higher ? 1 : -1);
  units.sort(
    (a, b) =>
      rank[a.kind] - rank[b.kind] ||
      (a.kind === "new-gap" ? b.newGaps - a.newGaps : 0) ||
      (a.kind === "improved" ? gain(b) - gain(a) : gain(a) - gain(b)) ||
      (a.code < b.code ? -1 : 1),
  );
  const counts: Record<ChangeKind, number> = { "new-gap": 0, improved: 0, worse: 0, same: 0, unknown: 0 };
  for (const unit of units) counts[unit.kind] += 1;
  const inArea = (gap: Gap) => unitCodeOf(gap, "community").startsWith(withinArea);
  return {
    from: before.model.asOf,
    to: after.model.asOf,
    indicator,
    level,
    counts,
    units,
    gapsAdded: gapsAdded.filter(inArea),
    gapsRemoved: gapsRemoved.filter(inArea),
  };
}
