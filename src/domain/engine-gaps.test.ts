// The ranked gap list on the hand fixture: order, ids, scores, severities and filters.
// Scores are households × weight × intensity (intensity = distance / 1000 m, rounded to 0.01).
import { describe, expect, it } from "vitest";
import { analyze, analyzeModel } from "./analysis.ts";
import { explainScore, filterGaps, severityOf, type Gap, type GapKind } from "./gaps.ts";
import { DEFAULT_THRESHOLDS } from "./indicators.ts";
import { CODES, fixtureLayers } from "../../tests/support/engine-fixtures.ts";

const analysis = analyze(fixtureLayers());
const { gaps, model } = analysis;
const byId = (id: string) => gaps.find((gap) => gap.id === id);
const ids = (list: readonly Gap[]) => list.map((gap) => gap.id);

describe("gap ranking", () => {
  const ranked = [
    ["street-no-station:530102002", 6000, "high"],
    ["grid-overloaded:G11a", 1500, "high"],
    ["compound-beyond-service:K09", 966, "medium"],
    ["community-unlocated:530102001001", 965, "medium"],
    // Equal scores fall back to the id: "compound-…" sorts before "grid-…".
    ["compound-no-party-branch:K09", 600, "medium"],
    ["grid-no-worker:G12a", 600, "medium"],
    ["community-unlocated:530102001002", 535, "medium"],
    ["community-unlocated:530102002001", 450, "medium"],
    ["compound-no-party-branch:K03", 400, "medium"],
    ["compound-beyond-service:K05", 380, "low"],
    ["compound-beyond-service:K07", 319.5, "low"],
    ["compound-unassigned:K05", 300, "low"],
    ["compound-beyond-service:K02", 250, "low"],
    ["compound-beyond-service:K04", 194.4, "low"],
    ["compound-unassigned:K04", 180, "low"],
    ["compound-beyond-service:K10", 150, "low"],
    ["compound-beyond-service:K06", 121.6, "low"],
    ["compound-no-party-branch:K04", 120, "low"],
    ["compound-no-party-branch:K10", 100, "low"],
    ["compound-no-party-branch:K06", 80, "low"],
  ] as const;

  it("lists every gap once, ranked by score then id, with hand-computed scores and severities", () => {
    expect(gaps.map((gap) => [gap.id, gap.score, gap.severity])).toEqual(ranked);
  });

  it.each([
    // id, households, value (rounded metres), intensity
    ["compound-beyond-service:K02", 250, 1001, 1],
    ["compound-beyond-service:K04", 120, 1621, 1.62],
    ["compound-beyond-service:K05", 200, 1905, 1.9],
    ["compound-beyond-service:K06", 80, 1521, 1.52],
    ["compound-beyond-service:K07", 150, 2128, 2.13],
    ["compound-beyond-service:K09", 600, 1611, 1.61],
    ["compound-beyond-service:K10", 100, 1501, 1.5],
  ] as const)("%s: %d households at %d m, intensity %s", (id, households, value, intensity) => {
    expect(byId(id)).toMatchObject({ kind: "compound-beyond-service", level: "compound", households, value, intensity });
  });

  it("measures overload as households above the standard, and places each gap in its units", () => {
    expect(byId("grid-overloaded:G11a")).toMatchObject({
      level: "grid",
      unitId: "G11a",
      households: 1000,
      value: 1500,
      intensity: 1,
      districtCode: CODES.district,
      streetCode: CODES.streetWest,
      communityCode: CODES.communityPlain,
    });
    expect(byId("street-no-station:530102002")).toMatchObject({
      level: "street",
      unitId: CODES.streetEast,
      unitName: "护国街道",
      households: 2000,
      value: null,
      districtCode: CODES.district,
      streetCode: CODES.streetEast,
      communityCode: null,
    });
    expect(byId("compound-unassigned:K05")).toMatchObject({ communityCode: CODES.communityHoled, streetCode: CODES.streetWest, households: 200 });
  });

  it("has no gap for a grid at exactly the households-per-worker standard, one as soon as the standard is lower", () => {
    expect(byId("grid-overloaded:G21b")).toBeUndefined();
    const stricter = analyzeModel(model, { ...DEFAULT_THRESHOLDS, householdsPerWorker: 499 });
    expect(stricter.gaps.find((gap) => gap.id === "grid-overloaded:G21b")).toMatchObject({ households: 1, score: 1.5, value: 500 });
    expect(stricter.rollup.city.overloadedGrids).toBe(2);
  });

  it("weighs a compound with no station at all at three times, with no measured value", () => {
    const none = analyzeModel({ ...model, stations: [] });
    expect(none.gaps.find((gap) => gap.id === "compound-beyond-service:K01")).toMatchObject({ value: null, intensity: 3, score: 900 });
    expect(ids(filterGaps(none.gaps, { kinds: ["street-no-station"] }))).toEqual(["street-no-station:530102001", "street-no-station:530102002"]);
    expect(none.rollup.city.stationAccessHouseholds).toBe(0);
    expect(none.rollup.city.compoundsBeyondService).toBe(10);
  });

  it("explains a score in words that match it", () => {
    expect(explainScore(byId("compound-beyond-service:K07") as Gap)).toBe("150 × 1 × 2.13 = 320");
    expect(explainScore(byId("street-no-station:530102002") as Gap)).toBe("2,000 × 3 = 6,000");
  });
});

describe("severityOf", () => {
  it.each([
    [1_000_000, "high"],
    [1500, "high"],
    [1499.9, "medium"],
    [400, "medium"],
    [399.9, "low"],
    [0, "low"],
  ] as const)("%d is %s", (score, severity) => {
    expect(severityOf(score)).toBe(severity);
  });
});

describe("filterGaps", () => {
  it.each<[string, readonly GapKind[], readonly string[]]>([
    ["grid kinds", ["grid-no-worker", "grid-overloaded"], ["grid-overloaded:G11a", "grid-no-worker:G12a"]],
    ["unassigned compounds", ["compound-unassigned"], ["compound-unassigned:K05", "compound-unassigned:K04"]],
    ["no kind at all", [], []],
  ])("by kind: %s", (_label, kinds, expected) => {
    expect(ids(filterGaps(gaps, { kinds }))).toEqual(expected);
  });

  it.each<[string, string, readonly string[]]>([
    ["district", CODES.district, ids(gaps)],
    [
      "east street",
      CODES.streetEast,
      [
        "street-no-station:530102002",
        "compound-beyond-service:K09",
        "compound-no-party-branch:K09",
        "community-unlocated:530102002001",
        "compound-beyond-service:K10",
        "compound-no-party-branch:K10",
      ],
    ],
    [
      "community with the hole",
      CODES.communityHoled,
      [
        "grid-no-worker:G12a",
        "community-unlocated:530102001002",
        "compound-beyond-service:K05",
        "compound-beyond-service:K07",
        "compound-unassigned:K05",
        "compound-beyond-service:K06",
        "compound-no-party-branch:K06",
      ],
    ],
    ["empty community", CODES.communityEmpty, []],
    ["unknown code", "530199", []],
  ])("by area: %s", (_label, areaCode, expected) => {
    expect(ids(filterGaps(gaps, { areaCode }))).toEqual(expected);
  });

  it.each<[string, string, readonly string[]]>([
    ["a compound with two gaps", "K09", ["compound-beyond-service:K09", "compound-no-party-branch:K09"]],
    ["a street", "530102002", ["street-no-station:530102002"]],
    ["a unit without gaps", "K01", []],
  ])("by unit: %s", (_label, unitId, expected) => {
    expect(ids(filterGaps(gaps, { unitId }))).toEqual(expected);
  });

  it("combines kind and area, and keeps everything with an empty filter", () => {
    expect(ids(filterGaps(gaps, { kinds: ["compound-no-party-branch"], areaCode: CODES.communityPlain }))).toEqual([
      "compound-no-party-branch:K03",
      "compound-no-party-branch:K04",
    ]);
    expect(filterGaps(gaps, {})).toEqual(gaps);
  });
});
