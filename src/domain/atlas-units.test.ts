import type { Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import type { Analysis } from "./analysis.ts";
import { atlasUnits, type AtlasArea, type AtlasScope } from "./atlas-units.ts";
import { zeroTotals } from "./indicators.ts";
import type { Bbox } from "./model.ts";
import { deepFreeze } from "../../tests/support/deep-freeze.ts";
import { rectangle } from "../../tests/support/engine-fixtures.ts";

const area = (code: string, name: string, west: number, size: number) => {
  const bbox: Bbox = [west, 25, west + size, 25 + size];
  return { code, name, bbox, geometry: rectangle(...bbox) as Polygon };
};

// Hand-made: one prefecture, two counties, three townships listed out of code order, two communities.
const analysis = deepFreeze({
  model: {
    prefectures: [area("5301", "昆明市", 102, 2)],
    districts: [
      { ...area("530102", "五华区", 102.6, 0.3), prefectureIndex: 0 },
      { ...area("530103", "盘龙区", 102.8, 0.2), prefectureIndex: 0 },
    ],
    streets: [
      { ...area("530102002", "华山街道", 102.7, 0.1), districtIndex: 0 },
      { ...area("530102001", "龙翔街道", 102.6, 0.1), districtIndex: 0 },
      { ...area("530103001", "护国街道", 102.8, 0.1), districtIndex: 1 },
    ],
    communities: [
      { ...area("530102002001", "甲社区", 102.7, 0.05), streetIndex: 0 },
      { ...area("530103001001", "乙社区", 102.8, 0.05), streetIndex: 2 },
    ],
  },
  rollup: {
    districts: [zeroTotals(), zeroTotals()],
    streets: [{ ...zeroTotals(), compounds: 3 }, { ...zeroTotals(), compounds: 7 }, zeroTotals()],
    communities: [zeroTotals(), zeroTotals()],
  },
}) as unknown as Pick<Analysis, "model" | "rollup">;

describe("atlas units", () => {
  it("lists the townships of a county in code order, with outline, bounds and figures", () => {
    const units = atlasUnits(analysis, "streets", { layer: "districts", code: "530102" });
    expect(units.map((unit) => unit.code)).toEqual(["530102001", "530102002"]);
    [102.6, 25, 102.7, 25.1].forEach((value, index) => expect(units[0]?.bbox[index]).toBeCloseTo(value, 9));
    expect(units[0]?.geometry.type).toBe("Polygon");
    expect(units[0]?.report).toMatchObject({ level: "street", name: "龙翔街道", parentCode: "530102", compounds: 7 });
  });

  it.each<[string, AtlasArea, AtlasScope, number]>([
    ["the whole dataset by county", { layer: null, code: null }, "districts", 2],
    ["a prefecture by county", { layer: "prefectures", code: "5301" }, "districts", 2],
    ["the whole dataset by township", { layer: null, code: null }, "streets", 3],
    ["a township", { layer: "streets", code: "530103001" }, "streets", 1],
    ["a county's communities", { layer: "districts", code: "530103" }, "communities", 1],
    ["a township's communities", { layer: "streets", code: "530102002" }, "communities", 1],
    ["a community's township", { layer: "communities", code: "530102002001" }, "streets", 1],
    ["a community's county", { layer: "communities", code: "530102002001" }, "districts", 1],
    ["an empty county", { layer: "districts", code: "530199" }, "streets", 0],
    ["a selected compound (the whole dataset)", { layer: "compounds", code: "c-1" }, "streets", 3],
  ])("%s", (_label, where, scope, count) => {
    expect(atlasUnits(analysis, scope, where)).toHaveLength(count);
  });
});
