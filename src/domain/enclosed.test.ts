import { describe, expect, it } from "vitest";
import { analyze } from "./analysis.ts";
import { summarizeEnclosed } from "./enclosed.ts";
import { fixtureLayers } from "../../tests/support/engine-fixtures.ts";

describe("summarizeEnclosed", () => {
  const analysis = analyze(fixtureLayers());
  const everything: Array<[number, number]> = [
    [-180, -85],
    [180, -85],
    [180, 85],
    [-180, 85],
  ];

  it("counts everything inside a shape around the whole dataset, agreeing with the roll-up", () => {
    const summary = summarizeEnclosed(analysis, everything);
    const city = analysis.rollup.city;
    expect(summary).toMatchObject({
      compounds: city.compounds,
      households: city.compoundHouseholds,
      compoundsWithPartyBranch: city.compoundsWithPartyBranch,
      compoundsBeyondService: city.compoundsBeyondService,
      stationAccessHouseholds: city.stationAccessHouseholds,
      grids: city.grids,
      workers: city.workers,
      stations: city.stations,
      rooms: city.rooms,
    });
    expect(summary.partyBranchCoverage).toBeCloseTo(city.compoundsWithPartyBranch / city.compounds);
  });

  it.each([
    {
      name: "fewer than three points",
      ring: [
        [0, 0],
        [1, 1],
      ] as Array<[number, number]>,
    },
    {
      name: "a shape far from the data",
      ring: [
        [0, 0],
        [0.001, 0],
        [0.001, 0.001],
      ] as Array<[number, number]>,
    },
  ])("encloses nothing for $name, with shares missing rather than zero", ({ ring }) => {
    const summary = summarizeEnclosed(analysis, ring);
    expect(summary.compounds).toBe(0);
    expect(summary.partyBranchCoverage).toBeNull();
    expect(summary.stationAccessRate).toBeNull();
  });
});
