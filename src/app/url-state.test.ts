import { describe, expect, it } from "vitest";
import { DEFAULT_VISIBILITY } from "../layers/visibility.ts";
import { DEFAULT_DATASET, parseUrl, serializeUrl, type UrlState } from "./url-state.ts";

const base: UrlState = Object.freeze({
  language: "zh",
  dataset: DEFAULT_DATASET,
  camera: null,
  visibility: { ...DEFAULT_VISIBILITY },
  selection: null,
  whatIf: { active: false, planned: [], moved: [], removed: [], serviceDistance: 1000 },
  gapKind: "all",
  colouring: "partyBranch",
  areaColouring: null,
  filters: { onlyGaps: false, area: null },
  shape: null,
  chartIndicator: "partyBranchCoverage",
  sandtable: false,
  programmes: { asOf: null, compare: null, arcs: false },
});

describe("url state", () => {
  it("ignores a malformed date or comparison instead of guessing", () => {
    expect(parseUrl("", "#asof=2021-13-45&cmp=2021-03-31:streets:happiness").programmes).toEqual({ asOf: null, compare: null, arcs: false });
    expect(parseUrl("", "#cmp=2021-03-31:districts:stationCoverage").programmes.compare).toBeNull();
  });

  it("defaults to Chinese, the demo dataset and every layer", () => {
    expect(parseUrl("", "")).toEqual(base);
  });

  it.each<[string, UrlState]>([
    ["default", base],
    ["english and a camera", { ...base, language: "en", camera: { zoom: 14.25, latitude: 25.04123, longitude: 102.71234 } }],
    ["another dataset", { ...base, dataset: "data/province/manifest.json" }],
    ["hidden layers", { ...base, visibility: { ...DEFAULT_VISIBILITY, grids: false, stations: false } }],
    ["a selected compound", { ...base, selection: { layer: "compounds", id: "530102001001-C003" } }],
    [
      "a what-if plan",
      {
        ...base,
        whatIf: {
          active: true,
          planned: [
            [102.71234, 25.04123],
            [102.8, 25.1],
          ],
          moved: [],
          removed: [],
          serviceDistance: 800,
        },
      },
    ],
    [
      "moved and removed stations",
      {
        ...base,
        whatIf: {
          active: true,
          planned: [],
          moved: [{ id: "530102001-S", position: [102.7, 25.05] }],
          removed: ["530102001006-R", "530102002-S"],
          serviceDistance: 1000,
        },
      },
    ],
    ["communities filled by station reach", { ...base, areaColouring: { level: "communities", indicator: "stationAccessRate" } }],
    ["a chart ranked by households per worker", { ...base, chartIndicator: "householdsPerWorker" }],
    [
      "a drawn shape",
      {
        ...base,
        shape: [
          [102.7, 25],
          [102.71, 25],
          [102.71, 25.01],
        ],
      },
    ],
    [
      "filters",
      {
        ...base,
        areaColouring: { level: "streets", indicator: "partyBranchCoverage" },
        filters: { onlyGaps: true, area: { comparison: "below", value: 0.6 } },
      },
    ],
    ["a gap filter", { ...base, gapKind: "grid-no-worker" }],
    ["compounds coloured by grid assignment", { ...base, colouring: "gridAssigned" }],
    [
      "an earlier date compared with the last meeting, and the 双报到 arcs",
      { ...base, programmes: { asOf: "2021-06-30", compare: { from: "2021-03-31", level: "streets", indicator: "stationCoverage" }, arcs: true } },
    ],
    ["the 3D sandtable, turned", { ...base, sandtable: true, camera: { zoom: 8.5, latitude: 25.04123, longitude: 102.71234, bearing: -32.5 } }],
  ])("round-trips %s", (_label, state) => {
    const { search, hash } = serializeUrl(state);
    expect(parseUrl(search, hash)).toEqual(state);
  });

  it("writes a readable hash", () => {
    const { hash } = serializeUrl({ ...base, camera: { zoom: 12, latitude: 25.04, longitude: 102.71 }, visibility: { ...DEFAULT_VISIBILITY, grids: false } });
    expect(hash).toBe("#map=12/25.04/102.71&layers=streets,communities,compounds,stations");
  });

  it("drops malformed planned stations and distances", () => {
    const state = parseUrl("", "#whatif=1&wi=102.7,25.0;abc,1;200,10&sd=5&gk=nonsense");
    expect(state.whatIf).toEqual({ active: true, planned: [[102.7, 25]], moved: [], removed: [], serviceDistance: 1000 });
    expect(state.gapKind).toBe("all");
  });

  it("keeps each station once in a plan: a removal wins over a move, the last move over earlier ones", () => {
    const state = parseUrl("", "#whatif=1&wm=s1@102.7,25;s2@102.7,25;s2@102.8,25.1&wr=s1,s3,s3");
    expect(state.whatIf.moved).toEqual([{ id: "s2", position: [102.8, 25.1] }]);
    expect(state.whatIf.removed).toEqual(["s1", "s3"]);
  });

  it("drops malformed moves, area colourings and filters", () => {
    const state = parseUrl("", "#wm=s1@abc;@1,2;s2@102.7,25&ac=roads:partyBranchCoverage&af=above:0.5");
    expect(state.whatIf.moved).toEqual([{ id: "s2", position: [102.7, 25] }]);
    expect(state.areaColouring).toBeNull();
    expect(state.filters.area).toBeNull();
  });

  it.each(["nothing", "roads:1", ":530102", "compounds:"])("ignores a malformed selection %s", (value) => {
    expect(parseUrl("", `#sel=${value}`).selection).toBeNull();
  });

  it("writes the bearing only when the map is turned", () => {
    expect(serializeUrl({ ...base, sandtable: true, camera: { zoom: 8, latitude: 25, longitude: 102, bearing: 30 } }).hash).toBe("#map=8/25/102/30&3d=1");
    expect(serializeUrl({ ...base, camera: { zoom: 8, latitude: 25, longitude: 102, bearing: 0.01 } }).hash).toBe("#map=8/25/102");
  });

  it.each(["12/abc/102", "99/25/102", "12/25", "12/95/102", "12/25/102/400", "12/25/102/10/5"])("ignores a malformed camera %s", (value) => {
    expect(parseUrl("", `#map=${value}`).camera).toBeNull();
  });
});
