// 考核督导 on the hand fixture (tests/support/engine-fixtures.ts): the dataset as of an earlier date,
// target statuses at their boundary values, and the change between two dates. Every expected
// figure is worked out from the fixture's description.
import { describe, expect, it } from "vitest";
import type { Target } from "../data/contract.ts";
import { parseTargetsFile } from "../data/programme-files.ts";
import { DataError } from "../data/validate.ts";
import { analyze, analyzeModel } from "./analysis.ts";
import { addDays, daysBetween, earliestRecord, modelAsOf, sampleDates } from "./as-of.ts";
import { diffDates } from "./date-diff.ts";
import { modelFromTables, modelToTables } from "./model-table.ts";
import { decodeTables, encodeTables } from "../data/columnar.ts";
import { CODES, fixtureLayers, type FixtureLayers } from "../../tests/support/engine-fixtures.ts";
import { distanceTo, evaluateTarget, plannedShare, statusOf, TargetError, targetIndicator, warningLine } from "./targets.ts";

const AS_OF = "2026-10-31";

/** The fixture with dated records: K01's branch from 2022-01-02, K02's undated; G11b staffed from 2023-05-01. */
function datedLayers(): FixtureLayers {
  const layers = structuredClone(fixtureLayers()) as FixtureLayers;
  for (const feature of layers.compounds.features) {
    if (feature.properties.id === "K01") feature.properties.partyBranchSince = "2022-01-02";
  }
  for (const feature of layers.grids.features) {
    if (feature.properties.id === "G11b") feature.properties.staffedOn = "2023-05-01";
  }
  return layers;
}

const base = analyze(datedLayers(), undefined, AS_OF);
const at = (date: string) => analyzeModel(modelAsOf(base.model, date), base.thresholds);
const indexOf = (rows: ReadonlyArray<{ code?: string; id?: string }>, key: string) => rows.findIndex((row) => (row.code ?? row.id) === key);

describe("the dataset as of a date", () => {
  it("does not count a station opened the day after (ST1 opened 2021-03-01)", () => {
    const street = indexOf(base.model.streets, CODES.streetWest);
    expect(at("2021-02-28").rollup.streets[street]?.targetStreetsCovered).toBe(0);
    expect(at("2021-03-01").rollup.streets[street]?.targetStreetsCovered).toBe(1);
    expect(at("2021-02-28").rollup.streets[street]?.servingStations).toBe(0);
  });

  it("takes a party branch away before its date, and makes an undated one unknown before the dataset's date", () => {
    const k01 = indexOf(base.model.compounds, "K01");
    const k02 = indexOf(base.model.compounds, "K02");
    expect(modelAsOf(base.model, "2022-01-01").compounds[k01]?.partyBranch).toBe(false);
    expect(modelAsOf(base.model, "2022-01-02").compounds[k01]?.partyBranch).toBe(true);
    expect(modelAsOf(base.model, "2022-01-02").compounds[k02]?.partyBranch).toBeNull();
    expect(modelAsOf(base.model, AS_OF).compounds[k02]?.partyBranch).toBe(true);
    // C11: K01 and K02 have branches on the dataset's date (2 of 4 known); on 2022-01-01 K01 has none and K02 is unknown: 0 of 3.
    const c11 = indexOf(base.model.communities, CODES.communityPlain);
    expect(base.rollup.communities[c11]).toMatchObject({ partyBranchKnown: 4, compoundsWithPartyBranch: 2 });
    expect(at("2022-01-01").rollup.communities[c11]).toMatchObject({ partyBranchKnown: 3, compoundsWithPartyBranch: 0 });
  });

  it("counts a grid as unstaffed before its staffing date, and an undated staffed grid as staffed", () => {
    const g11b = indexOf(base.model.grids, "G11b");
    const g11a = indexOf(base.model.grids, "G11a");
    expect(at("2023-04-30").rollup.grids[g11b]).toMatchObject({ workers: 0, gridsWithoutWorker: 1 });
    expect(at("2023-05-01").rollup.grids[g11b]).toMatchObject({ workers: 2, gridsWithoutWorker: 0 });
    expect(at("2019-01-01").rollup.grids[g11a]?.workers).toBe(1);
  });

  it("is the model itself on its own date or later, and reaches back to the earliest dated record", () => {
    expect(modelAsOf(base.model, AS_OF)).toBe(base.model);
    expect(modelAsOf(base.model, "2030-01-01")).toBe(base.model);
    expect(earliestRecord(base.model)).toBe("2021-03-01");
  });

  it("keeps the dated fields through the attribute table", () => {
    const { tables, meta } = modelToTables(base.model);
    const model = modelFromTables(decodeTables(encodeTables(tables, meta), "t.bin"), "t.bin");
    expect(model.compounds[indexOf(model.compounds, "K01")]?.partyBranchSince).toBe("2022-01-02");
    expect(model.grids[indexOf(model.grids, "G11b")]?.staffedOn).toBe("2023-05-01");
    expect(model.grids[indexOf(model.grids, "G11a")]?.staffedOn).toBeNull();
  });

  it("counts days and spreads sample dates with both ends", () => {
    expect(daysBetween("2021-06-30", "2021-07-01")).toBe(1);
    expect(addDays("2021-02-28", 1)).toBe("2021-03-01");
    expect(sampleDates("2021-01-01", "2021-01-03", 12)).toEqual(["2021-01-01", "2021-01-02", "2021-01-03"]);
    const samples = sampleDates("2020-01-01", "2021-01-01", 5);
    expect(samples).toHaveLength(5);
    expect([samples[0], samples.at(-1)]).toEqual(["2020-01-01", "2021-01-01"]);
  });
});

const coverage: Target = {
  id: "t",
  title: "t",
  indicator: "partyBranchCoverage",
  level: "community",
  threshold: 0.8,
  warning: 0.7,
  start: "2020-01-01",
  deadline: "2026-12-31",
};
const grids: Target = {
  id: "g",
  title: "g",
  indicator: "gridsWithoutWorker",
  level: "community",
  threshold: 0,
  warning: 1,
  start: "2020-01-01",
  deadline: "2025-12-31",
};

describe("a unit's status against a target", () => {
  it("meets a higher-is-better threshold at exactly the threshold, warns down to the warning line inclusive", () => {
    expect(statusOf(0.8, coverage, "partyBranchCoverage")).toBe("met");
    expect(statusOf(0.7999, coverage, "partyBranchCoverage")).toBe("warning");
    expect(statusOf(0.7, coverage, "partyBranchCoverage")).toBe("warning");
    expect(statusOf(0.6999, coverage, "partyBranchCoverage")).toBe("missed");
    expect(statusOf(null, coverage, "partyBranchCoverage")).toBe("unknown");
  });

  it("reads a lower-is-better count the other way", () => {
    expect(statusOf(0, grids, "gridsWithoutWorker")).toBe("met");
    expect(statusOf(1, grids, "gridsWithoutWorker")).toBe("warning");
    expect(statusOf(2, grids, "gridsWithoutWorker")).toBe("missed");
    expect(distanceTo(3, grids, "gridsWithoutWorker")).toBe(3);
    expect(distanceTo(0.65, coverage, "partyBranchCoverage")).toBeCloseTo(0.15, 12);
    expect(distanceTo(0.9, coverage, "partyBranchCoverage")).toBe(0);
  });

  it("puts the default warning line ten points short for a share and a tenth short otherwise", () => {
    expect(warningLine({ threshold: 0.8 }, "partyBranchCoverage")).toBeCloseTo(0.7, 12);
    expect(warningLine({ threshold: 500 }, "householdsPerWorker")).toBe(550);
    expect(warningLine({ threshold: 2 }, "registeredUnitsPerCommunity")).toBeCloseTo(1.8, 12);
  });

  it("refuses an indicator the registry does not have, naming the ones it has", () => {
    expect(() => targetIndicator({ id: "x", indicator: "happiness" })).toThrow(TargetError);
    expect(() => targetIndicator({ id: "x", indicator: "happiness" })).toThrow(/partyBranchCoverage/);
    expect(() => targetIndicator({ id: "x", indicator: "gapCount" })).toThrow(TargetError);
  });

  it("gives each community its status, the furthest behind first and unknown last", () => {
    const report = evaluateTarget(base, coverage);
    // C11 2/4 = 0.5 missed; C12 2/3 warned; C21 (K08, K10 known: see the fixture) and the empty C22 unknown.
    const byCode = Object.fromEntries(report.units.map((unit) => [unit.code, unit.status]));
    expect(byCode[CODES.communityPlain]).toBe("missed");
    expect(byCode[CODES.communityEmpty]).toBe("unknown");
    expect(report.units.at(-1)?.status).toBe("unknown");
    expect(report.units[0]?.status).toBe("missed");
    expect(report.tally.met + report.tally.warning + report.tally.missed + report.tally.unknown).toBe(base.model.communities.length);
    expect(report.daysLeft).toBe(daysBetween(AS_OF, "2026-12-31"));
  });

  it("plans a straight course from the start (0) to the deadline (1)", () => {
    expect(plannedShare(coverage, "2020-01-01")).toBe(0);
    expect(plannedShare(coverage, "2026-12-31")).toBe(1);
    expect(plannedShare(coverage, "2030-01-01")).toBe(1);
    expect(plannedShare(coverage, "2019-01-01")).toBe(0);
  });
});

describe("the change between two dates", () => {
  it("shows the west street improved when ST1 opens, and its station gap closed", () => {
    const diff = diffDates(at("2021-02-28"), at("2021-03-01"), "street", "stationCoverage");
    const west = diff.units.find((unit) => unit.code === CODES.streetWest);
    expect(west).toMatchObject({ before: 0, after: 1, delta: 1, kind: "improved", newGaps: 0 });
    expect(west?.closedGaps).toBeGreaterThan(0);
    expect(diff.gapsRemoved.some((gap) => gap.kind === "street-no-station" && gap.unitId === CODES.streetWest)).toBe(true);
    expect(diff.counts.improved).toBeGreaterThanOrEqual(1);
  });

  it("shows a community worse, with new gaps first, when a grid loses its worker going forward", () => {
    // From 2023-05-01 back to 2023-04-30 G11b has no worker: read forwards, 2023-05-01 → later is better; reversed it is worse.
    const diff = diffDates(at("2023-05-01"), at("2023-04-30"), "community", "gridsWithoutWorker");
    const c11 = diff.units.find((unit) => unit.code === CODES.communityPlain);
    expect(c11).toMatchObject({ before: 0, after: 1, kind: "new-gap" });
    expect(diff.units[0]?.code).toBe(CODES.communityPlain);
    expect(diff.gapsAdded.some((gap) => gap.unitId === "G11b")).toBe(true);
  });

  it("calls an unchanged unit the same", () => {
    const diff = diffDates(base, base, "community", "partyBranchCoverage");
    expect(diff.counts["new-gap"] + diff.counts.improved + diff.counts.worse).toBe(0);
  });
});

describe("the targets file", () => {
  const file = { contract: 2, targets: [coverage] };
  it("reads a valid file", () => {
    expect(parseTargetsFile("targets.json", file)).toEqual([coverage]);
  });
  it("names the file and the field of a bad one", () => {
    expect(() => parseTargetsFile("targets.json", { contract: 2, targets: [{ ...coverage, threshold: "80%" }] })).toThrow(
      /targets\.json.*targets\.0\.threshold/,
    );
    expect(() => parseTargetsFile("targets.json", { contract: 2, targets: [coverage, coverage] })).toThrow(DataError);
    expect(() => parseTargetsFile("targets.json", { contract: 2, targets: [{ ...coverage, deadline: "2019-01-01" }] })).toThrow(/before the start/);
    expect(() => parseTargetsFile("targets.json", [])).toThrow(DataError);
  });
});
