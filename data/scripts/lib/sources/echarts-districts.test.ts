import { describe, expect, it } from "vitest";
import { edgeLengthMetres } from "../geometry/border-owner.ts";
import { gcj02ToWgs84, readEchartsDistricts } from "./echarts-districts.ts";

const ring = [
  [102.6, 24.6],
  [102.7, 24.6],
  [102.7, 24.7],
  [102.6, 24.6],
];
const source = {
  type: "FeatureCollection",
  features: [
    { type: "Feature", id: "530122", properties: { name: "晋宁区" }, geometry: { type: "Polygon", coordinates: [ring] } },
    { type: "Feature", id: "530102", properties: { name: "五华区" }, geometry: { type: "MultiPolygon", coordinates: [[ring], [ring]] } },
  ],
};
const names = new Map([
  ["530115", "晋宁区"],
  ["530102", "五华区"],
]);

describe("gcj02ToWgs84", () => {
  // AMap's GCJ-02 coordinates sit about 360-410 m south-east of WGS84 around Kunming.
  it("moves a Kunming point by a few hundred metres to the north-west", () => {
    const [lon = 0, lat = 0] = gcj02ToWgs84([102.7, 25.04]);
    const shift = edgeLengthMetres([102.7, 25.04], [lon, lat]);
    expect(shift).toBeGreaterThan(200);
    expect(shift).toBeLessThan(700);
    expect(lon).toBeLessThan(102.7);
    expect(lat).toBeGreaterThan(25.04);
  });
});

describe("readEchartsDistricts", () => {
  it("re-keys old codes, takes NBS names and counts vertices", () => {
    const districts = readEchartsDistricts(source, names);
    expect(districts.map((d) => [d.code, d.name, d.sourceCode])).toEqual([
      ["530115", "晋宁区", "530122"],
      ["530102", "五华区", "530102"],
    ]);
    expect(districts[1]?.geometry.type).toBe("MultiPolygon");
    expect(districts[1]?.vertices).toBe(8);
  });

  it.each([
    ["an unknown code", { features: [{ id: "530199", properties: { name: "x" }, geometry: { type: "Polygon", coordinates: [ring] } }] }, /No NBS name/],
    ["a point geometry", { features: [{ id: "530102", properties: { name: "x" }, geometry: { type: "Point", coordinates: [1, 2] } }] }, /geometry type/],
    ["something else", [1, 2], /FeatureCollection/],
  ])("rejects %s", (_label, json, pattern) => {
    expect(() => readEchartsDistricts(json, names)).toThrow(pattern);
  });
});
