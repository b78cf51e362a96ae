// Pages of a what-if plan's gap list without building the list, and readying an analysis for
// station edits. Split from what-if.ts, which computes the plan itself.
import type { Analysis } from "./analysis.ts";
import { compareGaps, gapMatcher, type Gap, type GapFilter, type GapPage } from "./gaps.ts";
import { locatorsOf } from "./street-locator.ts";
import { applyScenario, diffAnalyses, gapIndexOf, type ScenarioAnalysis } from "./what-if.ts";

/**
 * Builds, ahead of the first station edit, what every edit of this analysis reuses: its gaps by
 * id, the count of all its gaps, and the locators that place a station in its township and
 * community. On a province that is a third of a second the first edit would otherwise take.
 */
export function prepareScenarios(base: Analysis): void {
  gapIndexOf(base);
  countMatching(base.gaps, {});
  locatorsOf(base.model);
  // Two edits planned and thrown away: the engine's edit path runs compiled from the first real one.
  for (const compound of [base.model.compounds[0], base.model.compounds.at(-1)]) {
    if (!compound) continue;
    const after = applyScenario(base, { edits: [{ type: "add", id: "prepare-what-if", longitude: compound.longitude, latitude: compound.latitude }] });
    diffAnalyses(base, after);
    scenarioGapPage(base, after, {}, 50);
  }
}

const baseCounts = new WeakMap<readonly Gap[], Map<string, number>>();

/** How many gaps of a ranked list pass a filter, counted once per list and filter. */
function countMatching(gaps: readonly Gap[], filter: GapFilter): number {
  let counts = baseCounts.get(gaps);
  if (!counts) baseCounts.set(gaps, (counts = new Map()));
  const key = JSON.stringify([filter.kinds ?? null, filter.areaCode ?? null, filter.unitId ?? null]);
  let count = counts.get(key);
  if (count === undefined) {
    const matches = gapMatcher(filter);
    count = 0;
    for (const gap of gaps) if (matches(gap)) count += 1;
    counts.set(key, count);
  }
  return count;
}

/**
 * A page of a scenario's gap list without building the list: the base list with the stale gaps
 * skipped, merged with the recomputed ones, up to `limit`; the total from the base's count for the
 * filter, corrected by what changed. A station edit touches a few hundred gaps of 10^5, so an edit
 * costs about as much as the page it shows. Equal to gapPage(after.gaps, …) (tested).
 */
export function scenarioGapPage(base: Analysis, after: ScenarioAnalysis, filter: GapFilter, limit: number): GapPage {
  const { stale, fresh } = after.changes;
  const matches = gapMatcher(filter);
  const index = gapIndexOf(base);
  let staleMatching = 0;
  for (const id of stale) {
    const gap = index.get(id);
    if (gap && matches(gap)) staleMatching += 1;
  }
  const freshMatching = fresh.filter(matches);
  const items: Gap[] = [];
  let freshIndex = 0;
  for (const gap of base.gaps) {
    if (items.length >= limit) break;
    if (stale.has(gap.id) || !matches(gap)) continue;
    for (let next = freshMatching[freshIndex]; next && items.length < limit && compareGaps(next, gap) < 0; next = freshMatching[freshIndex]) {
      items.push(next);
      freshIndex += 1;
    }
    if (items.length < limit) items.push(gap);
  }
  while (items.length < limit && freshIndex < freshMatching.length) items.push(freshMatching[freshIndex++] as Gap);
  return { total: countMatching(base.gaps, filter) - staleMatching + freshMatching.length, items };
}
