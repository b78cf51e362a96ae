// Per-unit figures of an area that the engine summary does not carry: each grid's households and
// workers (for the households-per-worker distribution) and each unit's number of gaps. Pure; the
// engine worker re-exposes both so only these small arrays cross to the page.
import type { Gap } from "./gaps.ts";
import type { Model } from "./model.ts";

export interface GridLoad {
  /** The grid's id. */
  code: string;
  households: number;
  workers: number;
}

/** Every grid of the area (a district, street or community code; undefined for the whole dataset). */
export function gridLoadsIn(model: Model, areaCode?: string): GridLoad[] {
  const loads: GridLoad[] = [];
  for (const grid of model.grids) {
    if (areaCode) {
      const community = model.communities[grid.communityIndex];
      const street = community ? model.streets[community.streetIndex] : undefined;
      const district = street ? model.districts[street.districtIndex] : undefined;
      if (community?.code !== areaCode && street?.code !== areaCode && district?.code !== areaCode) continue;
    }
    loads.push({ code: grid.id, households: grid.households, workers: grid.workers });
  }
  return loads;
}

/** Gaps per prefecture, district, street and community code: each gap counts once in each unit it lies in. */
export function gapCountsByUnit(gaps: readonly Gap[]): Record<string, number> {
  // Counted in a Map: incrementing 16,000 keys of a plain object 900,000 times is several times slower.
  const counts = new Map<string, number>();
  const add = (code: string | null) => {
    if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
  };
  for (const gap of gaps) {
    add(gap.prefectureCode);
    add(gap.districtCode);
    add(gap.streetCode);
    add(gap.communityCode);
  }
  return Object.fromEntries(counts);
}
