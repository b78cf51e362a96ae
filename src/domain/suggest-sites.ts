// Where would N new stations help most? Greedy maximal coverage: repeatedly place a station at
// the candidate site that brings the most still-uncovered households within the service
// distance. Candidates are the uncovered compounds themselves. Lazy evaluation (gains only
// shrink as sites are chosen) keeps it to a few re-evaluations per pick.
import KDBush from "kdbush";
import TinyQueue from "tinyqueue";
import type { Analysis } from "./analysis.ts";
import { boxAround, haversineMetres } from "./geo.ts";
import { streetHouseholds } from "./gaps.ts";
import { streetsWithServingStation } from "./indicators.ts";
import { locatorsOf } from "./street-locator.ts";

export interface SiteSuggestion {
  rank: number;
  longitude: number;
  latitude: number;
  /** Households brought within the service distance by this site, given the sites before it. */
  newlyCoveredHouseholds: number;
  newlyCoveredCompounds: number;
  streetCode: string | null;
  streetName: string | null;
  /** "coverage": placed to give a township of the 社工站 target its first serving station; "reach": the best remaining site. */
  purpose: "coverage" | "reach";
}

export interface SuggestOptions {
  /** Complete the coverage first: one site in every target township without a serving station, largest first, before the rest. */
  coverageFirst?: boolean;
}

export function suggestSites(analysis: Analysis, count: number, options: SuggestOptions = {}): SiteSuggestion[] {
  const { model, access, thresholds } = analysis;
  const radius = thresholds.serviceDistanceMetres;
  const uncovered: number[] = [];
  model.compounds.forEach((compound, index) => {
    if ((access.distance[index] ?? Infinity) > radius && compound.households > 0) uncovered.push(index);
  });
  if (count <= 0) return [];
  const suggestions: SiteSuggestion[] = [];
  const { streets } = locatorsOf(model);
  const covered = new Uint8Array(uncovered.length);

  const index = new KDBush(Math.max(1, uncovered.length));
  for (const compoundIndex of uncovered) {
    const compound = model.compounds[compoundIndex];
    index.add(compound?.longitude ?? 0, compound?.latitude ?? 0);
  }
  // KDBush needs at least one point; this one is never a candidate.
  if (uncovered.length === 0) index.add(0, -90);
  index.finish();

  const reachAround = (longitude: number, latitude: number): number[] => {
    const [west, south, east, north] = boxAround(longitude, latitude, radius);
    return index.range(west, south, east, north).filter((candidate) => {
      const other = model.compounds[uncovered[candidate] as number];
      return other !== undefined && haversineMetres(longitude, latitude, other.longitude, other.latitude) <= radius;
    });
  };
  const reach = (site: number): number[] => {
    const centre = model.compounds[uncovered[site] as number];
    return centre ? reachAround(centre.longitude, centre.latitude) : [];
  };
  const take = (longitude: number, latitude: number, purpose: SiteSuggestion["purpose"], streetIndex: number) => {
    const reached = reachAround(longitude, latitude).filter((candidate) => !covered[candidate]);
    let households = 0;
    for (const candidate of reached) {
      covered[candidate] = 1;
      households += model.compounds[uncovered[candidate] as number]?.households ?? 0;
    }
    const street = model.streets[streetIndex];
    suggestions.push({
      rank: suggestions.length + 1,
      longitude,
      latitude,
      newlyCoveredHouseholds: households,
      newlyCoveredCompounds: reached.length,
      streetCode: street?.code ?? null,
      streetName: street?.name ?? null,
      purpose,
    });
  };

  if (options.coverageFirst) {
    // Townships of the target without a serving station, most households first (code order on ties).
    const serving = streetsWithServingStation(model);
    const households = streetHouseholds(model);
    const missing = model.streets.flatMap((street, streetIndex) => (street.stationTarget && !serving[streetIndex] ? [streetIndex] : []));
    missing.sort((a, b) => (households[b] ?? 0) - (households[a] ?? 0) || (model.streets[a]?.code ?? "").localeCompare(model.streets[b]?.code ?? ""));
    const unitsByStreet = new Map<number, number[]>();
    model.compounds.forEach((compound, compoundIndex) => {
      const streetIndex = model.communities[compound.communityIndex]?.streetIndex ?? -1;
      const list = unitsByStreet.get(streetIndex);
      if (list) list.push(compoundIndex);
      else unitsByStreet.set(streetIndex, [compoundIndex]);
    });
    for (const streetIndex of missing) {
      if (suggestions.length >= count) break;
      const street = model.streets[streetIndex];
      if (!street) continue;
      // The township's own unit that brings the most households within reach; its centre when it has none.
      let best: { longitude: number; latitude: number; gain: number } = { longitude: street.longitude, latitude: street.latitude, gain: -1 };
      for (const compoundIndex of unitsByStreet.get(streetIndex) ?? []) {
        const unit = model.compounds[compoundIndex];
        if (!unit) continue;
        let gain = 0;
        for (const candidate of reachAround(unit.longitude, unit.latitude))
          if (!covered[candidate]) gain += model.compounds[uncovered[candidate] as number]?.households ?? 0;
        if (gain > best.gain) best = { longitude: unit.longitude, latitude: unit.latitude, gain };
      }
      take(best.longitude, best.latitude, "coverage", streetIndex);
    }
  }
  if (uncovered.length === 0) return suggestions;
  const gainOf = (site: number) => {
    let households = 0;
    for (const candidate of reach(site)) if (!covered[candidate]) households += model.compounds[uncovered[candidate] as number]?.households ?? 0;
    return households;
  };

  interface Entry {
    site: number;
    gain: number;
    round: number;
  }
  // Ties broken by site index so the result is deterministic.
  const queue = new TinyQueue<Entry>(
    uncovered.map((_, site) => ({ site, gain: gainOf(site), round: 0 })),
    (a, b) => b.gain - a.gain || a.site - b.site,
  );
  let round = 0;
  while (suggestions.length < count && queue.length > 0) {
    const top = queue.pop() as Entry;
    if (top.round !== round) {
      queue.push({ site: top.site, gain: gainOf(top.site), round });
      continue;
    }
    if (top.gain <= 0) break;
    const centre = model.compounds[uncovered[top.site] as number];
    if (!centre) break;
    take(centre.longitude, centre.latitude, "reach", streets.locate(centre.longitude, centre.latitude));
    round += 1;
  }
  return suggestions;
}
