// Site suggestions (greedy maximal coverage): the obvious site first, households never counted
// twice, each pick the best available, and the picks agree with what-if.
import { describe, expect, it } from "vitest";
import { analyze, analyzeModel, type Analysis } from "./analysis.ts";
import { haversineMetres } from "./geo.ts";
import { buildModel } from "./model.ts";
import { suggestSites, type SiteSuggestion } from "./suggest-sites.ts";
import { deepFreeze } from "../../tests/support/deep-freeze.ts";
import { demoLayers } from "../../tests/support/demo-layers.ts";
import { seededRandom } from "../../tests/support/engine-checks.ts";
import { siteFixtureLayers, square, SITE_FIXTURE, type FixtureFeature } from "../../tests/support/engine-fixtures.ts";
import { applyScenario } from "./what-if.ts";

const siteFixture = deepFreeze(analyze(siteFixtureLayers()));

function compoundAt(analysis: Analysis, id: string): [number, number] {
  const compound = analysis.model.compounds.find((row) => row.id === id);
  if (!compound) throw new Error(`no compound ${id}`);
  return [compound.longitude, compound.latitude];
}

/** Uncovered compounds with households, as the engine's candidates: index, place, households. */
function uncoveredOf(analysis: Analysis) {
  const radius = analysis.thresholds.serviceDistanceMetres;
  return analysis.model.compounds.flatMap((compound, index) =>
    (analysis.access.distance[index] ?? Infinity) > radius && compound.households > 0
      ? [{ index, longitude: compound.longitude, latitude: compound.latitude, households: compound.households }]
      : [],
  );
}

/** For each suggestion, what it newly covers given the ones before it, counted naively. */
function naiveNewlyCovered(analysis: Analysis, suggestions: readonly SiteSuggestion[]): Array<[number, number]> {
  const radius = analysis.thresholds.serviceDistanceMetres;
  const covered = new Set<number>();
  return suggestions.map((site) => {
    let households = 0;
    let compounds = 0;
    for (const compound of uncoveredOf(analysis)) {
      if (covered.has(compound.index) || haversineMetres(site.longitude, site.latitude, compound.longitude, compound.latitude) > radius) continue;
      covered.add(compound.index);
      households += compound.households;
      compounds += 1;
    }
    return [households, compounds];
  });
}

/** For each suggestion, the best gain any candidate site had at that point (all-pairs). */
function naiveBestGains(analysis: Analysis, suggestions: readonly SiteSuggestion[]): number[] {
  const radius = analysis.thresholds.serviceDistanceMetres;
  const uncovered = uncoveredOf(analysis);
  const covered = new Set<number>();
  return suggestions.map((site) => {
    let best = 0;
    for (const candidate of uncovered) {
      let gain = 0;
      for (const other of uncovered) {
        if (!covered.has(other.index) && haversineMetres(candidate.longitude, candidate.latitude, other.longitude, other.latitude) <= radius)
          gain += other.households;
      }
      best = Math.max(best, gain);
    }
    for (const other of uncovered) if (haversineMetres(site.longitude, site.latitude, other.longitude, other.latitude) <= radius) covered.add(other.index);
    return best;
  });
}

function accessGainOfBuilding(analysis: Analysis, suggestions: readonly SiteSuggestion[]): number {
  const after = applyScenario(analysis, {
    edits: suggestions.map((site) => ({ type: "add" as const, id: `SUGGESTED-${site.rank}`, longitude: site.longitude, latitude: site.latitude })),
  });
  return after.rollup.city.stationAccessHouseholds - analysis.rollup.city.stationAccessHouseholds;
}

const sumOf = (suggestions: readonly SiteSuggestion[]) => suggestions.reduce((sum, site) => sum + site.newlyCoveredHouseholds, 0);

describe("suggestSites on the cluster fixture", () => {
  const suggestions = suggestSites(siteFixture, 10);

  it("puts the first site at the cluster centre M, covering M, N, E, S and W", () => {
    expect(suggestions[0]).toEqual({
      rank: 1,
      longitude: SITE_FIXTURE.centre[0],
      latitude: SITE_FIXTURE.centre[1],
      newlyCoveredHouseholds: 1100,
      newlyCoveredCompounds: 5,
      streetCode: "530181001",
      streetName: "连然街道",
      purpose: "reach",
    });
  });

  it("then covers V for 700, not 950 (E is already covered), then Z, then Y, and stops when nothing is left", () => {
    expect(suggestions.map((site) => [site.rank, site.newlyCoveredHouseholds, site.newlyCoveredCompounds])).toEqual([
      [1, 1100, 5],
      [2, 700, 1],
      [3, 600, 1],
      [4, 90, 1],
    ]);
    const second = suggestions[1] as SiteSuggestion;
    expect(haversineMetres(second.longitude, second.latitude, ...compoundAt(siteFixture, "V"))).toBeLessThanOrEqual(1000);
    // Sites at E and at V tie at 700; the earlier candidate (E) wins.
    expect([second.longitude, second.latitude]).toEqual(compoundAt(siteFixture, "E"));
    expect([suggestions[2]?.longitude, suggestions[2]?.latitude]).toEqual(compoundAt(siteFixture, "Z"));
    expect([suggestions[3]?.longitude, suggestions[3]?.latitude]).toEqual(compoundAt(siteFixture, "Y"));
  });

  it("returns as many sites as asked for, and none for zero", () => {
    expect(suggestSites(siteFixture, 2).map((site) => site.newlyCoveredHouseholds)).toEqual([1100, 700]);
    expect(suggestSites(siteFixture, 0)).toEqual([]);
  });

  it("never counts W2, already within 1000 m of station SS", () => {
    expect(sumOf(suggestions)).toBe(1100 + 700 + 600 + 90);
    expect(naiveNewlyCovered(siteFixture, suggestions)).toEqual(suggestions.map((site) => [site.newlyCoveredHouseholds, site.newlyCoveredCompounds]));
  });

  it("raises station access by exactly the households it promised when built as what-if stations", () => {
    expect(accessGainOfBuilding(siteFixture, suggestions)).toBe(2490);
  });
});

function randomAnalysis(seed: number): Analysis {
  const random = seededRandom(seed);
  const layers = siteFixtureLayers();
  const compounds: Array<FixtureFeature<"compounds">> = Array.from({ length: 120 + Math.floor(random() * 80) }, (_, index) => {
    // Clustered: most compounds near one of three centres, some anywhere.
    const centre = [
      [102.79, 25.09],
      [102.82, 25.12],
      [102.85, 25.08],
    ][Math.floor(random() * 3)] as [number, number];
    const spread = random() < 0.8 ? 0.012 : 0.09;
    const longitude = Math.min(102.865, Math.max(102.765, centre[0] + (random() - 0.5) * spread));
    const latitude = Math.min(25.155, Math.max(25.065, centre[1] + (random() - 0.5) * spread));
    return {
      type: "Feature",
      geometry: square(longitude, latitude, 0.0002),
      properties: {
        id: `R${index}`,
        name: `R${index}`,
        communityCode: "530181001001",
        gridId: "SG1",
        households: random() < 0.1 ? 0 : Math.floor(random() * 500),
        buildings: 1,
        partyBranch: true,
        redProperty: false,
        ownersCommittee: false,
      },
    };
  });
  return deepFreeze(analyzeModel(buildModel({ ...layers, compounds: { features: compounds } })));
}

describe.each([11, 22, 33, 44, 55])("suggestSites on random clustered compounds (seed %d)", (seed) => {
  const analysis = randomAnalysis(seed);
  const suggestions = suggestSites(analysis, 6);

  it("counts every newly covered household once, in rank order", () => {
    expect(suggestions.map((site) => site.rank)).toEqual(suggestions.map((_, index) => index + 1));
    expect(naiveNewlyCovered(analysis, suggestions)).toEqual(suggestions.map((site) => [site.newlyCoveredHouseholds, site.newlyCoveredCompounds]));
    const gains = suggestions.map((site) => site.newlyCoveredHouseholds);
    expect(gains).toEqual(gains.toSorted((a, b) => b - a));
  });

  it("picks the best available site each time", () => {
    expect(suggestions.map((site) => site.newlyCoveredHouseholds)).toEqual(naiveBestGains(analysis, suggestions));
  });

  it("agrees with what-if", () => {
    expect(accessGainOfBuilding(analysis, suggestions)).toBe(sumOf(suggestions));
  });
});

describe("suggestSites on the demo dataset", () => {
  const analysis = deepFreeze(analyzeModel(buildModel(demoLayers())));
  const suggestions = suggestSites(analysis, 10);

  it("suggests ten sites that never double-count households", () => {
    expect(suggestions).toHaveLength(10);
    expect(naiveNewlyCovered(analysis, suggestions)).toEqual(suggestions.map((site) => [site.newlyCoveredHouseholds, site.newlyCoveredCompounds]));
    expect(suggestions.every((site) => site.streetCode !== null)).toBe(true);
  });

  it("raises station access by the sum of newly covered households when built as what-if stations", () => {
    expect(accessGainOfBuilding(analysis, suggestions)).toBe(sumOf(suggestions));
  });
});
