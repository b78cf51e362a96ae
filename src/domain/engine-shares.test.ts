// Shares of named units on the hand fixture (tests/support/engine-fixtures.ts): every rate and
// ratio of the city, a street and three communities, written as the fractions they come from,
// and null (never 0) wherever the denominator is 0 or unknown.
import { describe, expect, it } from "vitest";
import { analyze } from "./analysis.ts";
import { sharesOf, zeroTotals, type Shares, type Totals } from "./indicators.ts";
import { totalsWith, unitLookups } from "../../tests/support/engine-checks.ts";
import { CODES, fixtureLayers } from "../../tests/support/engine-fixtures.ts";

const { model, rollup } = analyze(fixtureLayers());
const { communityTotals, streetTotals } = unitLookups(model, rollup);

/** Rounded to 12 decimals to absorb float noise; toEqual still tells null from 0. */
const rounded = (shares: Shares) =>
  Object.fromEntries(Object.entries(shares).map(([field, value]) => [field, value === null ? null : Number(value.toFixed(12))]));

/** The fixture records no 三社联动 or 双报到 figures: every share built on them is unknown, never zero. */
const NO_RESOURCES = {
  workersVolunteersPer1000: null,
  withoutSocialOrgRate: null,
  certifiedRate: null,
  registeredUnitsPerCommunity: null,
  communitiesWithoutRegisteredUnitKnown: null,
};

describe("shares", () => {
  const rows: Array<[string, () => Totals, Shares]> = [
    [
      "city",
      () => rollup.city,
      {
        partyBranchCoverage: 5 / 10,
        partyBranchCoverageHouseholds: 1300 / 2600,
        redPropertyRate: 4 / 10,
        ownersCommitteeRate: 4 / 10,
        bigPartyCommitteeRate: 2 / 4,
        dualRegisteredPer100Households: 100 / 65,
        householdsPerWorker: 3800 / 7,
        stationAccessRate: 1100 / 6500,
        stationAccessRateLocated: 1100 / 2600,
        locatedShare: 2600 / 6500,
        unassignedRate: 2 / 10,
        stationCoverage: 1 / 2,
        ...NO_RESOURCES,
      },
    ],
    [
      "street 530102002",
      () => streetTotals(CODES.streetEast),
      {
        partyBranchCoverage: 1 / 3,
        partyBranchCoverageHouseholds: 400 / 1100,
        redPropertyRate: 2 / 3,
        ownersCommitteeRate: 1 / 3,
        bigPartyCommitteeRate: 1 / 2,
        dualRegisteredPer100Households: 0.5,
        householdsPerWorker: 475,
        stationAccessRate: 400 / 2000,
        stationAccessRateLocated: 400 / 1100,
        locatedShare: 1100 / 2000,
        unassignedRate: 0,
        stationCoverage: 0,
        ...NO_RESOURCES,
      },
    ],
    [
      "community C11",
      () => communityTotals(CODES.communityPlain),
      {
        partyBranchCoverage: 2 / 4,
        partyBranchCoverageHouseholds: 550 / 1070,
        redPropertyRate: 1 / 4,
        ownersCommitteeRate: 2 / 4,
        bigPartyCommitteeRate: 1,
        dualRegisteredPer100Households: 2,
        householdsPerWorker: 600,
        stationAccessRate: 700 / 3000,
        stationAccessRateLocated: 700 / 1070,
        locatedShare: 1070 / 3000,
        unassignedRate: 1 / 4,
        stationCoverage: null,
        ...NO_RESOURCES,
      },
    ],
    [
      "community C12 (no household served: 0, not null)",
      () => communityTotals(CODES.communityHoled),
      {
        partyBranchCoverage: 2 / 3,
        partyBranchCoverageHouseholds: 350 / 430,
        redPropertyRate: 1 / 3,
        ownersCommitteeRate: 1 / 3,
        bigPartyCommitteeRate: 0,
        dualRegisteredPer100Households: 2,
        householdsPerWorker: 450,
        stationAccessRate: 0,
        stationAccessRateLocated: 0,
        locatedShare: 430 / 1500,
        unassignedRate: 1 / 3,
        stationCoverage: null,
        ...NO_RESOURCES,
      },
    ],
    [
      "community C22 (empty: null wherever the denominator is 0)",
      () => communityTotals(CODES.communityEmpty),
      {
        partyBranchCoverage: null,
        partyBranchCoverageHouseholds: null,
        redPropertyRate: null,
        ownersCommitteeRate: null,
        bigPartyCommitteeRate: 0,
        dualRegisteredPer100Households: null,
        householdsPerWorker: null,
        stationAccessRate: null,
        stationAccessRateLocated: null,
        locatedShare: null,
        unassignedRate: null,
        stationCoverage: null,
        ...NO_RESOURCES,
      },
    ],
  ];

  it.each(rows)("%s", (_label, totals, expected) => {
    expect(rounded(sharesOf(totals()))).toEqual(rounded(expected));
  });

  it("are all null for all-zero totals", () => {
    expect(Object.values(sharesOf(zeroTotals())).every((value) => value === null)).toBe(true);
  });

  it("divide by workers only when there are workers, even with households", () => {
    expect(sharesOf(totalsWith({ gridHouseholds: 300 })).householdsPerWorker).toBeNull();
  });
});
