// What-if errors, input checks and before/after diffs on the hand fixture.
import { describe, expect, it } from "vitest";
import { analyzeModel } from "./analysis.ts";
import { DEFAULT_THRESHOLDS } from "./indicators.ts";
import { buildModel } from "./model.ts";
import { deepFreeze } from "../../tests/support/deep-freeze.ts";
import { randomStationEdits, seededRandom } from "../../tests/support/engine-checks.ts";
import { CODES, fixtureLayers } from "../../tests/support/engine-fixtures.ts";
import { applyScenario, diffAnalyses, ScenarioError, type Scenario, type StationEdit } from "./what-if.ts";

const fixtureModel = buildModel(fixtureLayers());
const fixtureBase = deepFreeze(analyzeModel(fixtureModel));

describe("ScenarioError", () => {
  it.each<[string, StationEdit[], RegExp]>([
    ["adding an existing id", [{ type: "add", id: "ST1", longitude: 102.72, latitude: 25.01 }], /ST1 already exists/],
    [
      "adding the same new id twice",
      [
        { type: "add", id: "N", longitude: 102.72, latitude: 25.01 },
        { type: "add", id: "N", longitude: 102.73, latitude: 25.01 },
      ],
      /N already exists/,
    ],
    ["removing an unknown id", [{ type: "remove", id: "NOPE" }], /NOPE does not exist/],
    ["removing a station the model left out (no geometry)", [{ type: "remove", id: "ST3" }], /ST3 does not exist/],
    ["moving an unknown id", [{ type: "move", id: "NOPE", longitude: 102.72, latitude: 25.01 }], /NOPE does not exist/],
    [
      "removing twice",
      [
        { type: "remove", id: "ST2" },
        { type: "remove", id: "ST2" },
      ],
      /ST2 does not exist/,
    ],
    [
      "moving a removed station",
      [
        { type: "remove", id: "ST1" },
        { type: "move", id: "ST1", longitude: 102.72, latitude: 25.01 },
      ],
      /ST1 does not exist/,
    ],
  ])("is thrown for %s", (_label, edits, message) => {
    expect(() => applyScenario(fixtureBase, { edits })).toThrow(ScenarioError);
    expect(() => applyScenario(fixtureBase, { edits })).toThrow(message);
  });
});

describe("applyScenario input checks", () => {
  it("rejects non-finite coordinates with a ScenarioError, as buildModel rejects stations without usable coordinates", () => {
    const edits: StationEdit[] = [
      { type: "add", id: "N1", longitude: Number.NaN, latitude: 25.01 },
      { type: "add", id: "N2", longitude: 102.72, latitude: Infinity },
      { type: "move", id: "ST1", longitude: 102.72, latitude: Number.NaN },
    ];
    for (const edit of edits) expect(() => applyScenario(fixtureBase, { edits: [edit] }), `${edit.type} ${edit.id}`).toThrow(ScenarioError);
  });
});

const fields = (diff: ReturnType<typeof diffAnalyses>) => diff.city.map((change) => [change.field, change.before, change.after, change.delta]);

describe("diffAnalyses", () => {
  it("reports the changed city fields and the gaps closed by a station at K09", () => {
    const after = applyScenario(fixtureBase, { edits: [{ type: "add", id: "N1", longitude: 102.755, latitude: 25.005, socialWorkers: 3 }] });
    const diff = diffAnalyses(fixtureBase, after);
    expect(fields(diff)).toEqual([
      ["stationAccessHouseholds", 1100, 1700, 600],
      ["compoundsBeyondService", 7, 6, -1],
      ["targetStreetsCovered", 1, 2, 1],
      ["streetsWithoutStation", 1, 0, -1],
      ["stations", 1, 2, 1],
      ["servingStations", 1, 2, 1],
      ["socialWorkers", 7, 10, 3],
      // Reach over all 6,500 households, and over the 2,600 on the map.
      ["stationAccessRate", 1100 / 6500, 1700 / 6500, 1700 / 6500 - 1100 / 6500],
      ["stationAccessRateLocated", 1100 / 2600, 1700 / 2600, 1700 / 2600 - 1100 / 2600],
      ["stationCoverage", 0.5, 1, 0.5],
    ]);
    expect(diff.gapsAdded).toEqual([]);
    expect(diff.gapsRemoved.map((gap) => gap.id)).toEqual(["street-no-station:530102002", "compound-beyond-service:K09"]);
  });

  it("reports the gaps opened by removing the only street station ST1", () => {
    const after = applyScenario(fixtureBase, { edits: [{ type: "remove", id: "ST1" }] });
    const diff = diffAnalyses(fixtureBase, after);
    expect(fields(diff).map(([field]) => field)).toEqual([
      "stationAccessHouseholds",
      "compoundsBeyondService",
      "targetStreetsCovered",
      "streetsWithoutStation",
      "stations",
      "servingStations",
      "socialWorkers",
      "stationAccessRate",
      "stationAccessRateLocated",
      "stationCoverage",
    ]);
    expect(after.rollup.city).toMatchObject({
      stationAccessHouseholds: 400,
      compoundsBeyondService: 9,
      streetsWithoutStation: 2,
      stations: 0,
      socialWorkers: 2,
    });
    expect(diff.gapsAdded.map((gap) => [gap.id, gap.score])).toEqual([
      ["street-no-station:530102001", 13_500],
      ["compound-beyond-service:K03", 1200],
      ["compound-beyond-service:K01", 900],
    ]);
    expect(diff.gapsRemoved).toEqual([]);
  });

  it("lists removed and added gaps in rank order, as the gap list does", () => {
    // A station between K04, K05 and K09's neighbourhoods closes gaps of different scores.
    const after = applyScenario(fixtureBase, {
      edits: [
        { type: "add", id: "N1", longitude: 102.716, latitude: 25.027 },
        { type: "add", id: "N2", longitude: 102.755, latitude: 25.005 },
      ],
    });
    const removed = diffAnalyses(fixtureBase, after).gapsRemoved.map((gap) => gap.id);
    expect(removed).toEqual(["street-no-station:530102002", "compound-beyond-service:K09", "compound-beyond-service:K05", "compound-beyond-service:K04"]);
  });

  it("agrees with a plain comparison of the two gap lists for random scenarios, incremental or not", () => {
    const random = seededRandom(77);
    const somewhere = (): [number, number] => [102.695 + random() * 0.07, 24.985 + random() * 0.05];
    for (let run = 0; run < 60; run += 1) {
      const edits = randomStationEdits(random, fixtureModel.stations, 1 + Math.floor(random() * 5), somewhere, `G${run}`);
      const scenario: Scenario = run % 4 === 0 ? { edits, thresholds: { serviceDistanceMetres: 800 + Math.floor(random() * 800) } } : { edits };
      const after = applyScenario(fixtureBase, scenario);
      const diff = diffAnalyses(fixtureBase, after);
      const beforeIds = new Set(fixtureBase.gaps.map((gap) => gap.id));
      const afterIds = new Set(after.gaps.map((gap) => gap.id));
      expect(diff.gapsAdded.map((gap) => gap.id).toSorted()).toEqual(
        after.gaps
          .filter((gap) => !beforeIds.has(gap.id))
          .map((gap) => gap.id)
          .toSorted(),
      );
      expect(diff.gapsRemoved.map((gap) => gap.id).toSorted()).toEqual(
        fixtureBase.gaps
          .filter((gap) => !afterIds.has(gap.id))
          .map((gap) => gap.id)
          .toSorted(),
      );
    }
  });

  it("reports nothing for a scenario that changes nothing", () => {
    const after = applyScenario(fixtureBase, { edits: [{ type: "move", id: "ST2", longitude: 102.74, latitude: 25.01 }] });
    expect(diffAnalyses(fixtureBase, after)).toEqual({ city: [], gapsAdded: [], gapsRemoved: [] });
  });

  it("does not report a share that is null both before and after", () => {
    const layers = fixtureLayers();
    const model = buildModel({ ...layers, grids: { features: [] } });
    const before = analyzeModel(model, DEFAULT_THRESHOLDS);
    expect(before.rollup.city.workers).toBe(0);
    const after = applyScenario(before, { edits: [{ type: "add", id: "N1", longitude: 102.755, latitude: 25.005 }] });
    const changed = diffAnalyses(before, after).city.map((change) => change.field);
    expect(changed).not.toContain("householdsPerWorker");
    expect(changed).toContain("stationAccessHouseholds");
  });
});

describe("placing what-if stations", () => {
  it("puts a station added at K09 in the east street", () => {
    const after = applyScenario(fixtureBase, { edits: [{ type: "add", id: "N1", longitude: 102.755, latitude: 25.005 }] });
    const added = after.model.stations.find((row) => row.id === "N1");
    expect(after.model.streets[added?.streetIndex ?? -1]?.code).toBe(CODES.streetEast);
  });
});
