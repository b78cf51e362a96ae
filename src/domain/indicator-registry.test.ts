import { describe, expect, it } from "vitest";
import {
  definitionValues,
  formattedValue,
  INDICATOR_IDS,
  INDICATORS,
  indicatorValue,
  type IndicatorSpec,
  type ReportIndicatorId,
} from "./indicator-registry.ts";
import { DEFAULT_THRESHOLDS, indicatorsOf, zeroTotals } from "./indicators.ts";

const entries: IndicatorSpec[] = INDICATOR_IDS.map((id) => INDICATORS[id]);
const empty = Object.freeze(indicatorsOf(zeroTotals()));

describe("the indicator registry", () => {
  it("has one entry per id, under its own id", () => {
    expect(Object.keys(INDICATORS)).toEqual([...INDICATOR_IDS]);
    for (const id of INDICATOR_IDS) expect(INDICATORS[id].id).toBe(id);
  });

  it("reads fields the engine reports; only the gap count comes from elsewhere", () => {
    const unread = entries.filter((entry) => entry.field === null || !(entry.field in empty)).map((entry) => entry.id);
    expect(unread).toEqual(["gapCount"]);
  });

  it("gives every share a fraction that is missing, not zero, over an empty unit", () => {
    const shares = entries.filter((entry) => entry.format === "share");
    expect(shares.map((entry) => entry.id)).toEqual([
      "partyBranchCoverage",
      "redPropertyRate",
      "stationAccessRate",
      "stationCoverage",
      "withoutSocialOrgRate",
      "certifiedRate",
    ]);
    for (const entry of shares) expect(indicatorValue(empty, entry.id as ReportIndicatorId)).toBeNull();
  });

  it("says which way is better: coverage up, gaps and load down", () => {
    const higher = entries.filter((entry) => entry.better === "higher").map((entry) => entry.id);
    expect(higher).toEqual([
      "partyBranchCoverage",
      "redPropertyRate",
      "stationAccessRate",
      "stationCoverage",
      "dualRegisteredMembers",
      "dualRegisteredPer100Households",
      "registeredUnitsPerCommunity",
      "bigPartyCommitteeMemberUnits",
      "workersVolunteersPer1000",
      "certifiedRate",
    ]);
  });

  it("names what a ratio is per", () => {
    expect(entries.filter((entry) => entry.format === "ratio").map((entry) => [entry.id, entry.counts, entry.per])).toEqual([
      ["householdsPerWorker", "households", "worker"],
      ["dualRegisteredPer100Households", "members", "100 households"],
      ["registeredUnitsPerCommunity", "units", "community"],
      ["workersVolunteersPer1000", "people", "1,000 residents"],
    ]);
  });

  it.each([
    [800, "800"],
    [1000, "1,000"],
    [2500, "2,500"],
  ])("fills the station-access definition with a service distance of %s m", (metres, written) => {
    expect(definitionValues("stationAccessRate", { ...DEFAULT_THRESHOLDS, serviceDistanceMetres: metres })).toEqual({ metres: written });
  });

  it("fills the households-per-worker definition with the standard in force; others take no values", () => {
    expect(definitionValues("householdsPerWorker", { ...DEFAULT_THRESHOLDS, householdsPerWorker: 400 })).toEqual({ standard: "400" });
    expect(definitionValues("partyBranchCoverage", DEFAULT_THRESHOLDS)).toEqual({});
  });

  it("reads a unit's value, a count of zero being a value", () => {
    const unit = indicatorsOf({ ...zeroTotals(), compounds: 4, partyBranchKnown: 4, compoundsWithPartyBranch: 3 });
    expect(indicatorValue(unit, "partyBranchCoverage")).toBe(0.75);
    expect(indicatorValue(unit, "gridsWithoutWorker")).toBe(0);
    expect(indicatorValue(unit, "householdsPerWorker")).toBeNull();
    expect([formattedValue(unit, "partyBranchCoverage"), formattedValue(unit, "gridsWithoutWorker"), formattedValue(unit, "householdsPerWorker")]).toEqual([
      "75.0%",
      "0",
      "—",
    ]);
  });
});
