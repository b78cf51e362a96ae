// The coverage engine on the hand fixture (tests/support/engine-fixtures.ts): model problems, the
// service-distance boundary and the report shape. Every expected number here was worked out by
// hand from the fixture's description; the totals and shares of named units are checked in
// engine-totals.test.ts and engine-shares.test.ts.
import { describe, expect, it } from "vitest";
import { LAYER_NAMES, LAYER_PROPERTIES } from "../data/contract.ts";
import { analyze, analyzeModel, reportOf } from "./analysis.ts";
import { haversineMetres } from "./geo.ts";
import { DEFAULT_THRESHOLDS, sharesOf, TOTAL_FIELDS, zeroTotals } from "./indicators.ts";
import { indexOf, unitLookups } from "../../tests/support/engine-checks.ts";
import { CODES, fixtureLayers, STATION_AT_SERVICE_DISTANCE } from "../../tests/support/engine-fixtures.ts";

const layers = fixtureLayers();
const analysis = analyze(layers);
const { model, rollup, access } = analysis;
const { compoundIndex, communityTotals, gridTotals } = unitLookups(model, rollup);

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
