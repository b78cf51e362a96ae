// Roll-up consistency: children sum to parents for every field at every level, on the hand
// fixture and on the demo dataset (public/data/kunming).
import { describe, expect, it } from "vitest";
import { analyzeModel } from "./analysis.ts";
import { DEFAULT_THRESHOLDS, type Thresholds } from "./indicators.ts";
import { buildModel, type EngineLayers } from "./model.ts";
import { demoLayers } from "../../tests/support/demo-layers.ts";
import { rollupInconsistencies } from "../../tests/support/engine-checks.ts";
import { fixtureLayers } from "../../tests/support/engine-fixtures.ts";

const thresholdCases: Array<[string, Thresholds]> = [
  ["default thresholds", DEFAULT_THRESHOLDS],
  ["500 m, 300 households per worker", { serviceDistanceMetres: 500, householdsPerWorker: 300 }],
  ["3000 m, 800 households per worker", { serviceDistanceMetres: 3000, householdsPerWorker: 800 }],
];

describe.each<[string, () => EngineLayers]>([
  ["hand fixture", fixtureLayers],
  ["demo dataset", demoLayers],
])("roll-up of the %s", (_label, load) => {
  const model = buildModel(load());

  it.each(thresholdCases)("sums children to parents with %s", (_name, thresholds) => {
    const analysis = analyzeModel(model, thresholds);
    expect(rollupInconsistencies(model, analysis.access, thresholds, analysis.rollup)).toEqual([]);
  });

  it("sums children to parents with no stations at all", () => {
    const analysis = analyzeModel({ ...model, stations: [] });
    expect(rollupInconsistencies(analysis.model, analysis.access, analysis.thresholds, analysis.rollup)).toEqual([]);
    // Development zones (其他) are outside the 社工站 target: they are not counted as missing one.
    expect(analysis.rollup.city.streetsWithoutStation).toBe(model.streets.filter((street) => street.stationTarget).length);
  });

  it("counts every linked row exactly once in the city", () => {
    const { city } = analyzeModel(model).rollup;
    expect(city.compounds).toBe(model.compounds.length);
    expect(city.grids).toBe(model.grids.length);
    expect(city.communities).toBe(model.communities.length);
    expect(city.streets).toBe(model.streets.length);
    expect(city.stations + city.rooms).toBe(model.stations.length);
    expect(city.compoundHouseholds).toBe(model.compounds.reduce((sum, row) => sum + row.households, 0));
    expect(city.stationAccessHouseholds).toBeLessThanOrEqual(city.compoundHouseholds);
  });
});

describe("the consistency check itself", () => {
  it("notices a parent that does not match its children", () => {
    const model = buildModel(fixtureLayers());
    const analysis = analyzeModel(model);
    const broken = {
      ...analysis.rollup,
      streets: analysis.rollup.streets.map((totals, index) => (index === 0 ? { ...totals, workers: totals.workers + 1 } : totals)),
    };
    expect(rollupInconsistencies(model, analysis.access, analysis.thresholds, broken)).toEqual([
      "district 530102 workers: 7 but children give 8",
      "street 530102001 workers: 6 but children give 5",
    ]);
  });
});
