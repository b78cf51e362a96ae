import { describe, expect, it } from "vitest";
import type { Polygon, Position } from "geojson";
import { polygonCountyFor } from "./divisions.ts";
import { CODE_CHANGES } from "./echarts-districts.ts";
import { validityIssues } from "../geometry/validity.ts";
import {
  CENSUS_2020,
  CENSUS_HOUSEHOLDS,
  PREFECTURE_SHAPE_FILES,
  PROVINCE_RESIDENTS,
  assignCounty,
  censusTotal,
  dropSmallHoles,
  nameStem,
  rekeyTable,
  removeSpikes,
  townshipKind,
} from "./yunnan-sources.ts";

const box = (x0: number, y0: number, x1: number, y1: number): Position[] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

describe("townshipKind", () => {
  it.each([
    ["华山街道", "街道"],
    ["马金铺街道", "街道"],
    ["杨林镇", "镇"],
    ["六街镇", "镇"],
    ["双龙乡", "乡"],
    ["团街彝族乡", "乡"],
    ["九龙民族乡", "乡"],
    ["勐撒农场", "其他"],
    ["临沧监狱", "其他"],
    ["文山高新技术产业开发区", "其他"],
    ["云南省花卉示范园区", "其他"],
  ])("%s is %s", (name, kind) => {
    expect(townshipKind(name)).toBe(kind);
  });
});

describe("rekeyTable", () => {
  const nbs = new Map([
    ["530115", "晋宁区"],
    ["530304", "马龙区"],
    ["530302", "麒麟区"],
    ["532302", "禄丰市"],
    ["532301", "楚雄市"],
  ]);

  it("re-keys through CODE_CHANGES and by name stem, and reports renames", () => {
    const table = rekeyTable(
      [
        { code: "530122", name: "晋宁县" },
        { code: "530321", name: "马龙县" },
        { code: "530302", name: "麒麟区" },
        { code: "532399", name: "禄丰县" },
        { code: "532301", name: "楚雄县" },
      ],
      nbs,
      { "530122": "530115", "530321": "530304" },
    );
    expect(table).toEqual([
      { sourceCode: "530122", sourceName: "晋宁县", code: "530115", name: "晋宁区", rule: "table" },
      { sourceCode: "530321", sourceName: "马龙县", code: "530304", name: "马龙区", rule: "table" },
      { sourceCode: "532399", sourceName: "禄丰县", code: "532302", name: "禄丰市", rule: "name" },
      { sourceCode: "532301", sourceName: "楚雄县", code: "532301", name: "楚雄市", rule: "rename" },
    ]);
  });

  it("fails on a table entry whose names disagree and on an unmatched code", () => {
    expect(() => rekeyTable([{ code: "530122", name: "呈贡县" }], nbs, { "530122": "530115" })).toThrow(/names differ/);
    expect(() => rekeyTable([{ code: "530399", name: "富源县" }], nbs, {})).toThrow(/0 NBS candidates/);
  });

  it("does not hand out a code that another source county already has", () => {
    expect(() =>
      rekeyTable(
        [
          { code: "530302", name: "麒麟区" },
          { code: "530399", name: "麒麟县" },
        ],
        nbs,
        {},
      ),
    ).toThrow(/0 NBS candidates/);
  });

  it("has the five 2016-2021 changes, each keeping its name stem", () => {
    expect(CODE_CHANGES).toEqual({ "530122": "530115", "530321": "530304", "530422": "530481", "530630": "530681", "532331": "532302" });
    expect(nameStem("澄江县")).toBe(nameStem("澄江市"));
    expect(nameStem("石林彝族自治县")).toBe("石林彝族自治");
  });
});

describe("assignCounty", () => {
  const polygons = new Map([
    ["530102", "五华区"],
    ["530127", "嵩明县"],
    ["530922", "云县"],
    ["532801", "景洪市"],
  ]);

  it("keeps Kunming's hand decisions and the NBS county elsewhere", () => {
    expect(assignCounty({ code: "530127403", name: "云南省花卉示范园区", countyCode: "530127" }, polygons)).toEqual({
      code: "530127",
      rule: "Kunming decision",
    });
    expect(assignCounty({ code: "530922401", name: "临沧监狱", countyCode: "530922" }, polygons)).toEqual({ code: "530922", rule: "NBS county" });
  });

  it("assigns a unit of a county without polygon by the county named in it", () => {
    expect(assignCounty({ code: "532871401", name: "景洪工业园区", countyCode: "532871" }, polygons)).toEqual({ code: "532801", rule: "name" });
    expect(() => assignCounty({ code: "532871402", name: "某开发区", countyCode: "532871" }, polygons)).toThrow(/no polygon/);
  });

  it("still refuses a Kunming zone without a decision", () => {
    expect(() => polygonCountyFor("530102499", "530102", new Set(polygons.keys()))).toThrow(/no district decision/);
  });
});

describe("geometry helpers", () => {
  it("removes the tip of a zero-width spike and nothing else", () => {
    // A notch into the left side whose bottom has a spike to the west, as 会泽县 had after rounding.
    const ring = [
      [0, 0],
      [0.01, 0],
      [0.01, 0.01],
      [0, 0.01],
      [0, 0.006],
      [0.004, 0.005],
      [0.002, 0.0050001],
      [0.006, 0.0049999],
      [0, 0.003],
      [0, 0],
    ];
    const polygon: Polygon = { type: "Polygon", coordinates: [ring] };
    expect(validityIssues(polygon)).not.toEqual([]);
    const { geometry, removed } = removeSpikes(polygon);
    expect(removed).toEqual([[0.002, 0.0050001]]);
    expect(validityIssues(geometry)).toEqual([]);
    expect(removeSpikes({ type: "Polygon", coordinates: [box(0, 0, 1, 1)] }).removed).toEqual([]);
  });

  it("drops holes below the limit only", () => {
    const polygon: Polygon = {
      type: "Polygon",
      coordinates: [box(100, 25, 100.1, 25.1), box(100.01, 25.01, 100.0101, 25.0101).toReversed(), box(100.05, 25.05, 100.07, 25.07).toReversed()],
    };
    const { geometry, droppedKm2 } = dropSmallHoles(polygon, 0.01);
    expect(droppedKm2).toHaveLength(1);
    expect(geometry.type === "Polygon" ? geometry.coordinates.length : 0).toBe(2);
  });
});

describe("tables", () => {
  it("names one shape file per prefecture", () => {
    expect(Object.keys(PREFECTURE_SHAPE_FILES)).toHaveLength(16);
    expect(CENSUS_2020.map((r) => r.code)).toEqual(Object.keys(PREFECTURE_SHAPE_FILES));
  });

  it("adds the census rows up to the provincial total", () => {
    expect(censusTotal()).toBe(PROVINCE_RESIDENTS);
    expect(CENSUS_HOUSEHOLDS.map((r) => r.code)).toEqual(["53", "5301"]);
  });
});
