// What-if planning. The property: for any sequence of station edits, the incremental
// applyScenario gives exactly what analyzeModel gives from scratch on the edited model (built
// here independently: same model, final station list placed by a naive point-in-polygon loop).
import { describe, expect, it } from "vitest";
import { analyzeModel, type Analysis } from "./analysis.ts";
import { gapPage, type Gap, type GapFilter } from "./gaps.ts";
import { haversineMetres } from "./geo.ts";
import { TOTAL_FIELDS, type Rollup } from "./indicators.ts";
import { buildModel, type Model, type StationRow } from "./model.ts";
import { deepFreeze } from "../../tests/support/deep-freeze.ts";
import { demoLayers } from "../../tests/support/demo-layers.ts";
import { locateNaively, randomStationEdits as randomEdits, seededRandom } from "../../tests/support/engine-checks.ts";
import { fixtureLayers } from "../../tests/support/engine-fixtures.ts";
import { prepareScenarios, scenarioGapPage } from "./scenario-pages.ts";
import { applyScenario, type Scenario, type StationEdit } from "./what-if.ts";

/** The station list after `edits`, computed without the engine's what-if code. */
function referenceStations(model: Model, edits: readonly StationEdit[]): StationRow[] {
  const rows = new Map(model.stations.map((row) => [row.id, row]));
  const place = (row: StationRow, longitude: number, latitude: number): StationRow => ({
    ...row,
    longitude,
    latitude,
    streetIndex: locateNaively(model.streets, longitude, latitude),
    communityIndex: row.level === "社区" ? locateNaively(model.communities, longitude, latitude) : -1,
  });
  for (const edit of edits) {
    if (edit.type === "remove") {
      rows.delete(edit.id);
      continue;
    }
    const row: StationRow = rows.get(edit.id) ?? {
      id: edit.id,
      name: edit.id,
      level: (edit.type === "add" && edit.level) || "街道",
      socialWorkers: (edit.type === "add" && edit.socialWorkers) || 0,
      // A planned station serves from the data date on, staffed or not.
      openedOn: model.asOf,
      longitude: 0,
      latitude: 0,
      streetIndex: -1,
      communityIndex: -1,
      planned: true,
    };
    rows.set(edit.id, place(row, edit.longitude, edit.latitude));
  }
  return [...rows.values()];
}

function rollupDifferences(actual: Rollup, expected: Rollup): string[] {
  const found: string[] = [];
  const levels = ["prefectures", "districts", "streets", "communities", "grids"] as const;
  const units = [
    ["city", 0, actual.city, expected.city] as const,
    ...levels.flatMap((level) => expected[level].map((totals, index) => [level, index, actual[level][index], totals] as const)),
  ];
  if (levels.some((level) => actual[level].length !== expected[level].length)) found.push("unit counts differ");
  for (const [level, index, got, want] of units) {
    for (const field of TOTAL_FIELDS) if (got?.[field] !== want[field]) found.push(`${level}[${index}].${field}: ${got?.[field]}, expected ${want[field]}`);
  }
  return found.slice(0, 20);
}

/** Gap lists compared in order, every field (arrays element by element); the first differences. */
function gapDifferences(actual: readonly Gap[], expected: readonly Gap[]): string[] {
  const found: string[] = [];
  if (actual.length !== expected.length) found.push(`${actual.length} gaps, expected ${expected.length}`);
  expected.forEach((want, index) => {
    const got = actual[index];
    for (const key of Object.keys(want) as Array<keyof Gap>) {
      const a = got?.[key];
      const b = want[key];
      const same = Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((value, at) => value === b[at]) : a === b;
      if (!same) found.push(`#${index} ${want.id} ${key}: ${JSON.stringify(a)}, expected ${JSON.stringify(b)}`);
    }
  });
  return found.slice(0, 20);
}

function stationSummary(rows: readonly StationRow[]) {
  return rows
    .map(({ id, level, socialWorkers, longitude, latitude, streetIndex, communityIndex }) => ({
      id,
      level,
      socialWorkers,
      longitude,
      latitude,
      streetIndex,
      communityIndex,
    }))
    .toSorted((a, b) => (a.id < b.id ? -1 : 1));
}

/** Applies the scenario and checks it against a from-scratch analysis; returns both. */
function expectSameAsScratch(base: Analysis, baseStations: StationRow[], scenario: Scenario) {
  const distances = Array.from(base.access.distance);
  const result = applyScenario(base, scenario);
  expect(Array.from(base.access.distance), "base access left unchanged").toEqual(distances);
  const stations = referenceStations({ ...base.model, stations: baseStations }, scenario.edits);
  const scratch = analyzeModel({ ...base.model, stations }, { ...base.thresholds, ...scenario.thresholds });
  expect(stationSummary(result.model.stations)).toEqual(stationSummary(stations));
  expect(rollupDifferences(result.rollup, scratch.rollup)).toEqual([]);
  expect(gapDifferences(result.gaps, scratch.gaps)).toEqual([]);
  expect(Array.from(result.access.distance)).toEqual(Array.from(scratch.access.distance));
  const wrongNearest = result.model.compounds.flatMap((compound, index) => {
    const nearest = result.access.nearest[index] ?? -1;
    const station = result.model.stations[nearest];
    const distance = station ? haversineMetres(compound.longitude, compound.latitude, station.longitude, station.latitude) : Infinity;
    return distance === result.access.distance[index] ? [] : [`${compound.id}: nearest ${nearest}`];
  });
  expect(wrongNearest.slice(0, 10)).toEqual([]);
  return { result: deepFreeze(result), stations };
}

const fixtureModel = buildModel(fixtureLayers());
const fixtureBase = deepFreeze(analyzeModel(fixtureModel));

describe("applyScenario equals a from-scratch analysis", () => {
  it("for hand-picked sequences: move an added station, remove a moved one, move twice, add then remove", () => {
    const scenarios: StationEdit[][] = [
      [
        { type: "add", id: "A", longitude: 102.72, latitude: 25.02 },
        { type: "move", id: "A", longitude: 102.755, latitude: 25.005 },
      ],
      [
        { type: "move", id: "ST1", longitude: 102.722, latitude: 25.024 },
        { type: "remove", id: "ST1" },
      ],
      [
        { type: "move", id: "ST2", longitude: 102.75, latitude: 25.02 },
        { type: "move", id: "ST2", longitude: 102.705, latitude: 24.995 },
      ],
      [
        { type: "add", id: "B", longitude: 102.7, latitude: 25.0, level: "社区", socialWorkers: 4 },
        { type: "remove", id: "B" },
      ],
      [
        { type: "remove", id: "ST1" },
        { type: "remove", id: "ST2" },
      ],
      [{ type: "move", id: "ST1", longitude: 102.9, latitude: 25.5 }],
    ];
    const access = scenarios.map((edits) => expectSameAsScratch(fixtureBase, fixtureModel.stations, { edits }).result.rollup.city.stationAccessHouseholds);
    expect(access).toEqual([1700, 400, 850, 1100, 0, 400]);
  });

  it("for 150 random sequences on the hand fixture, and again on top of each result", () => {
    const random = seededRandom(20_210_401);
    const somewhere = (): [number, number] => [102.695 + random() * 0.07, 24.985 + random() * 0.05];
    let changedAccess = 0;
    for (let run = 0; run < 150; run += 1) {
      const edits = randomEdits(random, fixtureModel.stations, 1 + Math.floor(random() * 6), somewhere, `R${run}`);
      const first = expectSameAsScratch(fixtureBase, fixtureModel.stations, { edits });
      const more = randomEdits(random, first.result.model.stations, 1 + Math.floor(random() * 4), somewhere, `S${run}`);
      const second = expectSameAsScratch(first.result, first.stations, { edits: more });
      if (second.result.rollup.city.stationAccessHouseholds !== first.result.rollup.city.stationAccessHouseholds) changedAccess += 1;
    }
    // The edits must matter, or the comparison proves little.
    expect(changedAccess).toBeGreaterThan(50);
  });

  it("for 50 random sequences on the hand fixture analysed with other thresholds (1500 m, 300 per worker)", () => {
    const base = deepFreeze(analyzeModel(fixtureModel, { serviceDistanceMetres: 1500, householdsPerWorker: 300 }));
    const random = seededRandom(1500);
    const somewhere = (): [number, number] => [102.695 + random() * 0.07, 24.985 + random() * 0.05];
    let changedAccess = 0;
    for (let run = 0; run < 50; run += 1) {
      const edits = randomEdits(random, fixtureModel.stations, 1 + Math.floor(random() * 6), somewhere, `T${run}`);
      const { result } = expectSameAsScratch(base, fixtureModel.stations, { edits });
      if (result.rollup.city.stationAccessHouseholds !== base.rollup.city.stationAccessHouseholds) changedAccess += 1;
    }
    expect(changedAccess).toBeGreaterThan(15);
  });

  it("for 5 random sequences on the demo dataset, and again on top of each result", () => {
    const model = buildModel(demoLayers());
    const base = deepFreeze(analyzeModel(model));
    const random = seededRandom(530_100);
    const somewhere = (): [number, number] => {
      const compound = model.compounds[Math.floor(random() * model.compounds.length)];
      return [(compound?.longitude ?? 102.7) + (random() - 0.5) * 0.04, (compound?.latitude ?? 25) + (random() - 0.5) * 0.04];
    };
    const access: number[] = [];
    for (let run = 0; run < 5; run += 1) {
      const edits = randomEdits(random, model.stations, 2 + Math.floor(random() * 8), somewhere, `D${run}`);
      const first = expectSameAsScratch(base, model.stations, { edits });
      const more = randomEdits(random, first.result.model.stations, 1 + Math.floor(random() * 5), somewhere, `E${run}`);
      access.push(
        first.result.rollup.city.stationAccessHouseholds,
        expectSameAsScratch(first.result, first.stations, { edits: more }).result.rollup.city.stationAccessHouseholds,
      );
    }
    expect(new Set([base.rollup.city.stationAccessHouseholds, ...access]).size).toBeGreaterThan(5);
  });

  it("for an empty scenario: the base analysis again", () => {
    const result = applyScenario(fixtureBase, { edits: [] });
    expect(result.rollup).toEqual(fixtureBase.rollup);
    expect(result.gaps).toEqual(fixtureBase.gaps);
  });
});

describe("applyScenario with new thresholds", () => {
  it("recomputes everything for a longer service distance (1700 m: all but K05 and K07 served)", () => {
    const { result } = expectSameAsScratch(fixtureBase, fixtureModel.stations, { edits: [], thresholds: { serviceDistanceMetres: 1700 } });
    expect(result.thresholds).toEqual({ serviceDistanceMetres: 1700, householdsPerWorker: 500 });
    expect(result.rollup.city.stationAccessHouseholds).toBe(2250);
    expect(result.rollup.city.compoundsBeyondService).toBe(2);
    expect(result.gaps.filter((gap) => gap.kind === "compound-beyond-service").map((gap) => [gap.id, gap.score])).toEqual([
      ["compound-beyond-service:K05", 224],
      ["compound-beyond-service:K07", 187.5],
    ]);
  });

  it("recomputes overload for a new households-per-worker standard together with station edits", () => {
    const { result } = expectSameAsScratch(fixtureBase, fixtureModel.stations, {
      edits: [{ type: "add", id: "N1", longitude: 102.755, latitude: 25.005 }],
      thresholds: { householdsPerWorker: 400 },
    });
    expect(result.rollup.city.overloadedGrids).toBe(3);
    expect(result.rollup.city.stationAccessHouseholds).toBe(1700);
  });

  it("keeps the base value of a threshold given as undefined", () => {
    const result = applyScenario(fixtureBase, { edits: [], thresholds: { serviceDistanceMetres: undefined, householdsPerWorker: 400 } });
    expect(result.thresholds).toEqual({ serviceDistanceMetres: 1000, householdsPerWorker: 400 });
    expect(result.rollup.city.stationAccessHouseholds).toBe(1100);
  });
});

describe("scenarioGapPage", () => {
  it("gives the page and total that filtering the scenario's whole gap list gives, for every kind of filter", () => {
    const model = buildModel(demoLayers());
    const base = deepFreeze(analyzeModel(model));
    const random = seededRandom(530_200);
    const somewhere = (): [number, number] => {
      const compound = model.compounds[Math.floor(random() * model.compounds.length)];
      return [(compound?.longitude ?? 102.7) + (random() - 0.5) * 0.04, (compound?.latitude ?? 25) + (random() - 0.5) * 0.04];
    };
    const district = model.districts[0]?.code ?? "";
    const street = model.streets[3]?.code ?? "";
    const filters: GapFilter[] = [
      {},
      { areaCode: district },
      { areaCode: street, kinds: ["compound-beyond-service"] },
      { kinds: ["street-no-station", "grid-no-worker"] },
    ];
    let changedPages = 0;
    for (let run = 0; run < 6; run += 1) {
      const edits = randomEdits(random, model.stations, 1 + Math.floor(random() * 6), somewhere, `P${run}`);
      // The last run also changes the service distance: a full recomputation, paged the same way.
      const after = applyScenario(base, { edits, ...(run === 5 ? { thresholds: { serviceDistanceMetres: 800 } } : {}) });
      for (const filter of filters) {
        for (const limit of [1, 50, 100_000]) {
          const page = scenarioGapPage(base, after, filter, limit);
          expect(page).toEqual(gapPage(after.gaps, filter, limit));
          if (page.total !== gapPage(base.gaps, filter, limit).total) changedPages += 1;
        }
      }
    }
    expect(changedPages).toBeGreaterThan(5);
  });
});

describe("prepareScenarios", () => {
  it("readies edits without changing the analysis or what an edit then gives", () => {
    const model = buildModel(demoLayers());
    const unprepared = analyzeModel(model);
    const prepared = deepFreeze(analyzeModel(model));
    const gapsBefore = prepared.gaps.map((gap) => gap.id);
    prepareScenarios(prepared);
    expect(prepared.gaps.map((gap) => gap.id)).toEqual(gapsBefore);
    const compound = model.compounds[100];
    const edit: Scenario = { edits: [{ type: "add", id: "planned-1", longitude: compound?.longitude ?? 0, latitude: compound?.latitude ?? 0 }] };
    const [after, reference] = [applyScenario(prepared, edit), applyScenario(unprepared, edit)];
    expect(after.rollup.city).toEqual(reference.rollup.city);
    expect(scenarioGapPage(prepared, after, {}, 30)).toEqual(scenarioGapPage(unprepared, reference, {}, 30));
  });
});
