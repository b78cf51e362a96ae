// Where would N new stations help most? Greedy maximal coverage: repeatedly place a station at
// the candidate site that brings the most still-uncovered households within the service
// distance. Candidates are the uncovered compounds themselves. Lazy evaluation (gains only
// shrink as sites are chosen) keeps it to a few re-evaluations per pick.
import KDBush from "kdbush";
import TinyQueue from "tinyqueue";
import type { Analysis } from "./analysis.ts";
import { boxAround, haversineMetres } from "./geo.ts";
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
}

export function suggestSites(analysis: Analysis, count: number): SiteSuggestion[] {
  const { model, access, thresholds } = analysis;
  const radius = thresholds.serviceDistanceMetres;
  const uncovered: number[] = [];
  model.compounds.forEach((compound, index) => {
    if ((access.distance[index] ?? Infinity) > radius && compound.households > 0) uncovered.push(index);
  });
  if (uncovered.length === 0 || count <= 0) return [];

  const index = new KDBush(uncovered.length);
  for (const compoundIndex of uncovered) {
    const compound = model.compounds[compoundIndex];
    index.add(compound?.longitude ?? 0, compound?.latitude ?? 0);
  }
  index.finish();
  const covered = new Uint8Array(uncovered.length);

  const reach = (site: number): number[] => {
    const centre = model.compounds[uncovered[site] as number];
    if (!centre) return [];
    const [west, south, east, north] = boxAround(centre.longitude, centre.latitude, radius);
    return index.range(west, south, east, north).filter((candidate) => {
      const other = model.compounds[uncovered[candidate] as number];
      return other !== undefined && haversineMetres(centre.longitude, centre.latitude, other.longitude, other.latitude) <= radius;
    });
  };
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
  const suggestions: SiteSuggestion[] = [];
  const { streets } = locatorsOf(model);
  let round = 0;
  while (suggestions.length < count && queue.length > 0) {
    const top = queue.pop() as Entry;
    if (top.round !== round) {
      queue.push({ site: top.site, gain: gainOf(top.site), round });
      continue;
    }
    if (top.gain <= 0) break;
    const reached = reach(top.site).filter((candidate) => !covered[candidate]);
    for (const candidate of reached) covered[candidate] = 1;
    const centre = model.compounds[uncovered[top.site] as number];
    if (!centre) break;
    const street = model.streets[streets.locate(centre.longitude, centre.latitude)];
    suggestions.push({
      rank: suggestions.length + 1,
      longitude: centre.longitude,
      latitude: centre.latitude,
      newlyCoveredHouseholds: top.gain,
      newlyCoveredCompounds: reached.length,
      streetCode: street?.code ?? null,
      streetName: street?.name ?? null,
    });
    round += 1;
  }
  return suggestions;
}
