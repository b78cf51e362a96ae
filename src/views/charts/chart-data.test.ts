// The charts' pure transforms: children of an area, ranking with missing values, bin widths and
// the households-per-worker histogram. Fixtures are hand-made and frozen; expected counts are
// worked out by hand in the comments.
import { describe, expect, it } from "vitest";
import type { UnitReport } from "../../domain/analysis.ts";
import type { GridLoad } from "../../domain/area-breakdown.ts";
import { indicatorsOf, zeroTotals, type Totals } from "../../domain/indicators.ts";
import { binStep, childrenOf, loadHistogram, rankUnits, shortName } from "./chart-data.ts";

function unit(level: UnitReport["level"], code: string, parentCode: string | null, totals: Partial<Totals> = {}): UnitReport {
  return Object.freeze({ code, name: `单位${code}`, level, parentCode, ...indicatorsOf({ ...zeroTotals(), ...totals }) });
}

const reports = Object.freeze({
  districts: Object.freeze([unit("district", "530102", null), unit("district", "530103", null)]),
  streets: Object.freeze([unit("street", "530102001", "530102"), unit("street", "530102002", "530102"), unit("street", "530103001", "530103")]),
  communities: Object.freeze([unit("community", "530102001001", "530102001"), unit("community", "530102002001", "530102002")]),
});

describe("childrenOf", () => {
  it.each([
    ["the dataset", undefined, ["530102", "530103"]],
    ["a district", "530102", ["530102001", "530102002"]],
    ["a street", "530102001", ["530102001001"]],
    ["a community (its grids are not units here)", "530102001001", []],
    ["an unknown code", "999", []],
  ])("lists the children of %s", (_label, areaCode, expected) => {
    expect(childrenOf(reports, areaCode).map((child) => child.code)).toEqual(expected);
  });

  it("has no communities for a tiled dataset that has not loaded them", () => {
    expect(childrenOf({ districts: reports.districts, streets: reports.streets }, "530102001")).toEqual([]);
  });
});

describe("rankUnits", () => {
  const units = Object.freeze([
    unit("street", "A", "D", { compounds: 4, partyBranchKnown: 4, redPropertyKnown: 4, compoundsWithPartyBranch: 1 }), // 25%
    unit("street", "B", "D"), // no compounds: missing, not 0%
    unit("street", "C", "D", { compounds: 2, partyBranchKnown: 2, redPropertyKnown: 2, compoundsWithPartyBranch: 2 }), // 100%
    unit("street", "D", "D", { compounds: 5, partyBranchKnown: 5, redPropertyKnown: 5, compoundsWithPartyBranch: 0 }), // 0%
    unit("street", "E", "D", { compounds: 8, partyBranchKnown: 8, redPropertyKnown: 8, compoundsWithPartyBranch: 2 }), // 25%, ties with A
  ]);

  it("puts the largest first, ties in code order, missing values last and still missing", () => {
    const ranked = rankUnits(units, (candidate) => candidate.partyBranchCoverage);
    expect(ranked.map((item) => [item.code, item.value])).toEqual([
      ["C", 1],
      ["A", 0.25],
      ["E", 0.25],
      ["D", 0],
      ["B", null],
    ]);
  });

  it("treats a non-finite value as missing and handles no units", () => {
    expect(rankUnits(units.slice(0, 1), () => Number.NaN)[0]?.value).toBeNull();
    expect(rankUnits([], () => 1)).toEqual([]);
  });
});

describe("shortName", () => {
  it.each([
    ["五华区", "五华区"],
    ["翠湖西路社区居民委员会", "翠湖西路社区"],
    ["小河村民委员会", "小河村"],
    ["翠湖社区居委会", "翠湖社区"],
    ["大村村委会", "大村村"],
    ["寻甸回族彝族自治县", "寻甸回族彝…"],
  ])("cuts %s to %s", (name, expected) => expect(shortName(name)).toBe(expected));
});

describe("binStep", () => {
  it.each([
    // tickStep(0, 1600, 12) = 100, which divides 500.
    [1600, 500, 100],
    // tickStep(0, 2000, 12) = 200 does not divide 500; half of it does.
    [2000, 500, 100],
    [600, 500, 50],
    [1600, 400, 100],
  ])("picks a bin width for values up to %s with the standard %s: %s", (upper, standard, expected) => {
    expect(binStep(upper, standard)).toBe(expected);
  });
});

const load = (code: string, households: number, workers: number): GridLoad => Object.freeze({ code, households, workers });

describe("loadHistogram", () => {
  it("bins households per worker, counts grids without a worker apart and overloads by the engine's rule", () => {
    // Ratios 120, 450, 500 (exactly the standard: not overloaded), 501, 950; two grids without a worker.
    const loads = Object.freeze([
      load("a", 120, 1),
      load("b", 900, 2),
      load("c", 500, 1),
      load("d", 501, 1),
      load("e", 1900, 2),
      load("f", 300, 0),
      load("g", 0, 0),
    ]);
    const histogram = loadHistogram(loads, 500);
    expect(histogram.grids).toBe(7);
    expect(histogram.withoutWorker).toBe(2);
    expect(histogram.overloaded).toBe(2);
    // Largest 950 -> step 100 (tickStep(0, 950, 12) = 100), domain 0-1000: ten bins.
    expect(histogram.domainMax).toBe(1000);
    expect(histogram.bins).toHaveLength(10);
    expect(histogram.bins.reduce((sum, group) => sum + group.count, 0)).toBe(5);
    const countAt = (from: number) => histogram.bins.find((group) => group.from === from)?.count;
    expect([countAt(100), countAt(400), countAt(500), countAt(900)]).toEqual([1, 1, 2, 1]);
    expect(histogram.bins.filter((group) => group.atOrPastStandard).map((group) => group.from)).toEqual([500, 600, 700, 800, 900]);
    expect(histogram.bins.some((group) => group.overflow)).toBe(false);
  });

  it("gathers loads past four times the standard into one last bin", () => {
    const histogram = loadHistogram(Object.freeze([load("a", 100, 1), load("b", 2000, 1), load("c", 9000, 1)]), 500);
    // Capped at 2000: step 100 (200 halved to divide 500), domain 0-2100; 2000 and 9000 share the last bin.
    expect(histogram.domainMax).toBe(2100);
    const last = histogram.bins.at(-1);
    expect(last).toMatchObject({ from: 2000, to: 2100, count: 2, overflow: true });
  });

  it("draws an empty distribution with the standard inside it when there are no staffed grids", () => {
    const histogram = loadHistogram(Object.freeze([load("a", 300, 0)]), 500);
    expect(histogram.bins.every((group) => group.count === 0)).toBe(true);
    expect(histogram.domainMax).toBeGreaterThan(500);
    expect(histogram.withoutWorker).toBe(1);
    expect(histogram.overloaded).toBe(0);
  });
});
