// The coverage engine on the hand fixture (tests/support/engine-fixtures.ts): model problems, every
// total and share for named units, the service-distance boundary and the report shape. Every
// expected number here was worked out by hand from the fixture's description.
import { describe, expect, it } from "vitest";
import { LAYER_NAMES, LAYER_PROPERTIES } from "../data/contract.ts";
import { analyze, analyzeModel, reportOf } from "./analysis.ts";
import { haversineMetres } from "./geo.ts";
import { DEFAULT_THRESHOLDS, sharesOf, TOTAL_FIELDS, zeroTotals, type Shares, type Totals } from "./indicators.ts";
import { totalsWith } from "../../tests/support/engine-checks.ts";
import { CODES, fixtureLayers, STATION_AT_SERVICE_DISTANCE } from "../../tests/support/engine-fixtures.ts";

const layers = fixtureLayers();
const analysis = analyze(layers);
const { model, rollup, access } = analysis;

function indexOf(rows: ReadonlyArray<{ code?: string; id?: string }>, key: string): number {
  const index = rows.findIndex((row) => (row.code ?? row.id) === key);
  if (index < 0) throw new Error(`no row ${key}`);
  return index;
}
const compoundIndex = (id: string) => indexOf(model.compounds, id);
const communityTotals = (code: string) => rollup.communities[indexOf(model.communities, code)] as Totals;
const streetTotals = (code: string) => rollup.streets[indexOf(model.streets, code)] as Totals;
const gridTotals = (id: string) => rollup.grids[indexOf(model.grids, id)] as Totals;

describe("the hand fixture", () => {
  it("has properties that satisfy the data contract, so only references and geometry are bad", () => {
    for (const layer of LAYER_NAMES) {
      for (const feature of layers[layer].features) expect(LAYER_PROPERTIES[layer].safeParse(feature.properties).success).toBe(true);
    }
  });

  it("is deep-frozen, so a function that mutates its input throws", () => {
    const first = layers.compounds.features[0];
    expect(Object.isFrozen(first?.properties)).toBe(true);
    expect(Object.isFrozen(first?.geometry)).toBe(true);
    expect(() => {
      (layers.compounds.features as unknown[]).push(null);
    }).toThrow(TypeError);
  });
});

describe("buildModel problems", () => {
  const expected = [
    ["grids", "GOUT", "outside-parent"],
    ["grids", "GX", "unknown-parent"],
    ["compounds", "K05", "grid-in-other-community"],
    ["compounds", "K06", "outside-parent"],
    ["compounds", "KX", "unknown-parent"],
    ["compounds", "K08", "duplicate"],
    ["stations", "ST3", "no-coordinates"],
    ["stations", "ST4", "unknown-parent"],
    ["stations", "ST5", "no-coordinates"],
    ["compounds", "KP", "no-coordinates"],
  ] as const;

  it.each(expected)("reports %s %s as %s", (layer, id, kind) => {
    expect(model.problems).toContainEqual(expect.objectContaining({ layer, id, kind }));
  });

  it("reports nothing else: not K10 on its community's edge, nor K07 in the detached part of a MultiPolygon", () => {
    const found = model.problems.map((problem) => [problem.layer, problem.id, problem.kind].join(" ")).toSorted();
    expect(found).toEqual(expected.map((row) => row.join(" ")).toSorted());
  });

  it("leaves out rows that cannot be placed and keeps the first of duplicates", () => {
    expect(model.compounds.map((row) => row.id)).toEqual(["K01", "K02", "K03", "K04", "K05", "K06", "K07", "K08", "K09", "K10"]);
    expect(model.compounds[compoundIndex("K08")]?.households).toBe(400);
    expect(model.grids.map((row) => row.id)).toEqual(["G11a", "G11b", "G12a", "G12b", "G21a", "G21b", "GOUT"]);
    expect(model.stations.map((row) => row.id)).toEqual(["ST1", "ST2"]);
  });

  it("counts a compound assigned to another community's grid in its own community but in no grid", () => {
    const k05 = model.compounds[compoundIndex("K05")];
    expect(k05?.gridIndex).toBe(-1);
    expect(k05?.communityIndex).toBe(indexOf(model.communities, CODES.communityHoled));
    // G21a holds K08 only.
    expect(gridTotals("G21a").compounds).toBe(1);
    expect(gridTotals("G21a").compoundHouseholds).toBe(400);
  });

  it("keeps a grid drawn outside its community under the community its code names (reported, not dropped)", () => {
    const gout = model.grids[indexOf(model.grids, "GOUT")];
    expect(gout?.communityIndex).toBe(indexOf(model.communities, CODES.communityPlain));
    expect(communityTotals(CODES.communityPlain).grids).toBe(3);
  });
});

/**
 * Every unit of the hand fixture is a 小区 whose status is known: each "known" denominator equals
 * the count it goes with. Expected totals below list the rest.
 */
const known = (nonZero: Partial<Totals>): Totals =>
  totalsWith({
    estates: nonZero.compounds ?? 0,
    partyBranchKnown: nonZero.compounds ?? 0,
    partyBranchKnownHouseholds: nonZero.compoundHouseholds ?? 0,
    redPropertyKnown: nonZero.compounds ?? 0,
    ownersCommitteeKnown: nonZero.compounds ?? 0,
    bigPartyCommitteeKnown: nonZero.communities ?? 0,
    ...nonZero,
  });

describe("totals", () => {
  const west = known({
    compounds: 7,
    compoundHouseholds: 1500,
    buildings: 31,
    compoundsWithPartyBranch: 4,
    householdsWithPartyBranch: 900,
    redPropertyCompounds: 2,
    ownersCommitteeCompounds: 3,
    unassignedCompounds: 2,
    unassignedHouseholds: 320,
    stationAccessHouseholds: 700,
    compoundsBeyondService: 5,
    communities: 2,
    households: 4500,
    population: 12000,
    partyMembers: 290,
    dualRegisteredMembers: 90,
    bigPartyCommittees: 1,
    partyCommittees: 1,
    partyGeneralBranches: 1,
    grids: 5,
    workers: 5,
    gridHouseholds: 2850,
    buildingLeaders: 7,
    gridsWithoutWorker: 1,
    overloadedGrids: 1,
    gridsWithoutBuildingLeaders: 1,
    streets: 1,
    stations: 1,
    socialWorkers: 5,
    residentCommittees: 2,
    unlocatedHouseholds: 3000,
    targetStreets: 1,
    targetStreetsCovered: 1,
    servingStations: 1,
  });
  const east = known({
    compounds: 3,
    compoundHouseholds: 1100,
    buildings: 22,
    compoundsWithPartyBranch: 1,
    householdsWithPartyBranch: 400,
    redPropertyCompounds: 2,
    ownersCommitteeCompounds: 1,
    stationAccessHouseholds: 400,
    compoundsBeyondService: 2,
    communities: 2,
    households: 2000,
    population: 6500,
    partyMembers: 70,
    dualRegisteredMembers: 10,
    bigPartyCommittees: 1,
    partyBranches: 1,
    communitiesPartyOrgUnknown: 1,
    grids: 2,
    workers: 2,
    gridHouseholds: 950,
    buildingLeaders: 2,
    gridsWithoutBuildingLeaders: 1,
    streets: 1,
    streetsWithoutStation: 1,
    rooms: 1,
    socialWorkers: 2,
    residentCommittees: 1,
    villageCommittees: 1,
    unlocatedHouseholds: 900,
    targetStreets: 1,
  });
  const city = known({
    compounds: 10,
    compoundHouseholds: 2600,
    buildings: 53,
    compoundsWithPartyBranch: 5,
    householdsWithPartyBranch: 1300,
    redPropertyCompounds: 4,
    ownersCommitteeCompounds: 4,
    unassignedCompounds: 2,
    unassignedHouseholds: 320,
    stationAccessHouseholds: 1100,
    compoundsBeyondService: 7,
    communities: 4,
    households: 6500,
    population: 18500,
    partyMembers: 360,
    dualRegisteredMembers: 100,
    bigPartyCommittees: 2,
    partyCommittees: 1,
    partyGeneralBranches: 1,
    partyBranches: 1,
    communitiesPartyOrgUnknown: 1,
    grids: 7,
    workers: 7,
    gridHouseholds: 3800,
    buildingLeaders: 9,
    gridsWithoutWorker: 1,
    overloadedGrids: 1,
    gridsWithoutBuildingLeaders: 2,
    streets: 2,
    streetsWithoutStation: 1,
    stations: 1,
    rooms: 1,
    socialWorkers: 7,
    residentCommittees: 3,
    villageCommittees: 1,
    unlocatedHouseholds: 3900,
    targetStreets: 2,
    targetStreetsCovered: 1,
    servingStations: 1,
  });
  const rows: Array<[string, () => Totals | undefined, Totals]> = [
    ["city (KX, KP, the second K08, GX, ST3, ST4 and ST5 left out)", () => rollup.city, city],
    ["prefecture 5301", () => rollup.prefectures[0], city],
    ["district 530102", () => rollup.districts[0], city],
    ["street 530102001 (station ST1)", () => streetTotals(CODES.streetWest), west],
    ["street 530102002 (only room ST2; ST3 has no geometry)", () => streetTotals(CODES.streetEast), east],
    [
      "community 翠湖 C11 (with GOUT)",
      () => communityTotals(CODES.communityPlain),
      known({
        compounds: 4,
        compoundHouseholds: 1070,
        buildings: 23,
        compoundsWithPartyBranch: 2,
        householdsWithPartyBranch: 550,
        redPropertyCompounds: 1,
        ownersCommitteeCompounds: 2,
        unassignedCompounds: 1,
        unassignedHouseholds: 120,
        stationAccessHouseholds: 700,
        compoundsBeyondService: 2,
        communities: 1,
        households: 3000,
        population: 8000,
        partyMembers: 200,
        dualRegisteredMembers: 60,
        bigPartyCommittees: 1,
        partyCommittees: 1,
        grids: 3,
        workers: 4,
        gridHouseholds: 2400,
        buildingLeaders: 6,
        overloadedGrids: 1,
        residentCommittees: 1,
        unlocatedHouseholds: 1930,
      }),
    ],
    [
      "community 钱局街 C12 (MultiPolygon with hole)",
      () => communityTotals(CODES.communityHoled),
      known({
        compounds: 3,
        compoundHouseholds: 430,
        buildings: 8,
        compoundsWithPartyBranch: 2,
        householdsWithPartyBranch: 350,
        redPropertyCompounds: 1,
        ownersCommitteeCompounds: 1,
        unassignedCompounds: 1,
        unassignedHouseholds: 200,
        compoundsBeyondService: 3,
        communities: 1,
        households: 1500,
        population: 4000,
        partyMembers: 90,
        dualRegisteredMembers: 30,
        partyGeneralBranches: 1,
        grids: 2,
        workers: 1,
        gridHouseholds: 450,
        buildingLeaders: 1,
        gridsWithoutWorker: 1,
        gridsWithoutBuildingLeaders: 1,
        residentCommittees: 1,
        unlocatedHouseholds: 1070,
      }),
    ],
    [
      "community 文庙 C21 (room ST2)",
      () => communityTotals(CODES.communityEast),
      known({
        compounds: 3,
        compoundHouseholds: 1100,
        buildings: 22,
        compoundsWithPartyBranch: 1,
        householdsWithPartyBranch: 400,
        redPropertyCompounds: 2,
        ownersCommitteeCompounds: 1,
        stationAccessHouseholds: 400,
        compoundsBeyondService: 2,
        communities: 1,
        households: 2000,
        population: 6500,
        partyMembers: 70,
        dualRegisteredMembers: 10,
        bigPartyCommittees: 1,
        partyBranches: 1,
        grids: 2,
        workers: 2,
        gridHouseholds: 950,
        buildingLeaders: 2,
        gridsWithoutBuildingLeaders: 1,
        rooms: 1,
        socialWorkers: 2,
        villageCommittees: 1,
        unlocatedHouseholds: 900,
      }),
    ],
    [
      "community 新村 C22 (empty)",
      () => communityTotals(CODES.communityEmpty),
      known({ communities: 1, communitiesPartyOrgUnknown: 1, residentCommittees: 1 }),
    ],
    [
      "grid G11a (K02; 1500 households, 1 worker)",
      () => gridTotals("G11a"),
      known({
        compounds: 1,
        compoundHouseholds: 250,
        buildings: 5,
        compoundsWithPartyBranch: 1,
        householdsWithPartyBranch: 250,
        ownersCommitteeCompounds: 1,
        compoundsBeyondService: 1,
        grids: 1,
        workers: 1,
        gridHouseholds: 1500,
        buildingLeaders: 2,
        overloadedGrids: 1,
      }),
    ],
    [
      "grid G11b (K01 at 1000 m, K03)",
      () => gridTotals("G11b"),
      known({
        compounds: 2,
        compoundHouseholds: 700,
        buildings: 16,
        compoundsWithPartyBranch: 1,
        householdsWithPartyBranch: 300,
        redPropertyCompounds: 1,
        ownersCommitteeCompounds: 1,
        stationAccessHouseholds: 700,
        grids: 1,
        workers: 2,
        gridHouseholds: 800,
        buildingLeaders: 3,
      }),
    ],
    [
      "grid G12a (K06 in the hole; no worker)",
      () => gridTotals("G12a"),
      known({
        compounds: 1,
        compoundHouseholds: 80,
        buildings: 1,
        compoundsBeyondService: 1,
        grids: 1,
        gridHouseholds: 300,
        gridsWithoutWorker: 1,
        gridsWithoutBuildingLeaders: 1,
      }),
    ],
    [
      "grid G21b (exactly 500 households per worker: not overloaded)",
      () => gridTotals("G21b"),
      known({
        compounds: 2,
        compoundHouseholds: 700,
        buildings: 14,
        redPropertyCompounds: 1,
        compoundsBeyondService: 2,
        grids: 1,
        workers: 1,
        gridHouseholds: 500,
        gridsWithoutBuildingLeaders: 1,
      }),
    ],
    ["grid GOUT (outside its community)", () => gridTotals("GOUT"), known({ grids: 1, workers: 1, gridHouseholds: 100, buildingLeaders: 1 })],
  ];

  it.each(rows)("%s", (_label, actual, expected) => {
    expect(actual()).toEqual(expected);
  });

  it("has exactly the TOTAL_FIELDS as keys", () => {
    expect(Object.keys(rollup.city).toSorted()).toEqual([...TOTAL_FIELDS].toSorted());
  });
});

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

describe("service distance boundary (1000 m)", () => {
  const k01 = model.compounds[compoundIndex("K01")];
  const k02 = model.compounds[compoundIndex("K02")];

  it("has K01's centroid exactly 1000 m from ST1 and K02's 1001 m (fixture premise)", () => {
    expect([k01?.longitude, k01?.latitude]).toEqual([102.7075, 25.023]);
    expect(haversineMetres(k01?.longitude ?? 0, k01?.latitude ?? 0, ...STATION_AT_SERVICE_DISTANCE)).toBe(1000);
    expect(access.distance[compoundIndex("K01")]).toBe(1000);
    expect(access.distance[compoundIndex("K02")]).toBeCloseTo(1001, 6);
    expect(k02).toBeDefined();
  });

  it("counts a compound exactly at the service distance as served, and one 1 m further as not", () => {
    // G11b holds K01 and K03 (300 m); G11a holds K02.
    expect(gridTotals("G11b").stationAccessHouseholds).toBe(700);
    expect(gridTotals("G11a").stationAccessHouseholds).toBe(0);
    expect(gridTotals("G11a").compoundsBeyondService).toBe(1);
    expect(analysis.gaps.some((gap) => gap.id === "compound-beyond-service:K01")).toBe(false);
    expect(analysis.gaps.some((gap) => gap.id === "compound-beyond-service:K02")).toBe(true);
  });

  it("no longer serves K01 when the service distance is the next float below 1000", () => {
    const shorter = analyzeModel(model, { ...DEFAULT_THRESHOLDS, serviceDistanceMetres: 1000 - 2 ** -43 });
    expect(shorter.rollup.grids[indexOf(model.grids, "G11b")]?.stationAccessHouseholds).toBe(400);
    expect(shorter.gaps.some((gap) => gap.id === "compound-beyond-service:K01")).toBe(true);
  });

  it("serves K02 once the service distance is 1002 m", () => {
    const longer = analyzeModel(model, { ...DEFAULT_THRESHOLDS, serviceDistanceMetres: 1002 });
    expect(longer.rollup.city.stationAccessHouseholds).toBe(1100 + 250);
  });
});

describe("reportOf", () => {
  const report = reportOf(analysis, "昆明市");

  it("labels every unit with code, name, level and parent code", () => {
    expect(report.city).toMatchObject({ code: "", name: "昆明市", level: "city", parentCode: null });
    expect(report.districts.map(({ code, name, level, parentCode }) => ({ code, name, level, parentCode }))).toEqual([
      { code: "530102", name: "五华区", level: "district", parentCode: CODES.prefecture },
    ]);
    expect(report.streets.map(({ code, level, parentCode }) => [code, level, parentCode])).toEqual([
      [CODES.streetWest, "street", CODES.district],
      [CODES.streetEast, "street", CODES.district],
    ]);
    expect(report.communities.map(({ code, name, level, parentCode }) => [code, name, level, parentCode])).toEqual([
      [CODES.communityPlain, "翠湖社区", "community", CODES.streetWest],
      [CODES.communityHoled, "钱局街社区", "community", CODES.streetWest],
      [CODES.communityEast, "文庙社区", "community", CODES.streetEast],
      [CODES.communityEmpty, "新村社区", "community", CODES.streetEast],
    ]);
  });

  it("carries totals and shares as flat camelCase fields", () => {
    expect(report.city).toMatchObject({ partyBranchCoverage: 0.5, stationAccessHouseholds: 1100, streetsWithoutStation: 1, householdsPerWorker: 3800 / 7 });
    expect(report.streets[1]).toMatchObject({ stationAccessHouseholds: 400, streetsWithoutStation: 1, rooms: 1 });
    expect(report.communities[3]).toMatchObject({
      partyBranchCoverage: null,
      stationAccessRate: null,
      communitiesPartyOrgUnknown: 1,
      communitiesWithoutPartyOrg: 0,
    });
    const fields = [...TOTAL_FIELDS, ...Object.keys(sharesOf(zeroTotals())), "code", "name", "level", "parentCode"].toSorted();
    for (const unit of [...report.streets, ...report.communities]) expect(Object.keys(unit).toSorted()).toEqual(fields);
    // Above township level the urban and rural figures come apart too.
    for (const unit of [report.city, ...report.prefectures, ...report.districts])
      expect(Object.keys(unit).toSorted()).toEqual([...fields, "byKind"].toSorted());
  });

  it("passes thresholds, gaps and problems through and survives a JSON round trip", () => {
    expect(report.thresholds).toEqual(DEFAULT_THRESHOLDS);
    expect(report.gaps).toBe(analysis.gaps);
    expect(report.problems).toHaveLength(10);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});
