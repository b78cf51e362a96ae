import { describe, expect, it } from "vitest";
import type { Bbox } from "./model.ts";
import { deepFreeze } from "../../tests/support/deep-freeze.ts";
import { tourStops, type TourAreas } from "./tour-stops.ts";

const box = (west: number): Bbox => [west, 25, west + 0.5, 25.5];
const area = (code: string, name: string, west: number) => ({ code, name, bbox: box(west) });

// Hand-made, every level listed out of code order: two prefectures (the second with two counties),
// one county with two townships, one township with two communities.
const areas = deepFreeze({
  prefectures: [area("5329", "大理州", 100), area("5301", "昆明市", 102)],
  districts: [
    { ...area("530112", "西山区", 102.5), prefectureIndex: 1 },
    { ...area("532901", "大理市", 100), prefectureIndex: 0 },
    { ...area("530102", "五华区", 102.7), prefectureIndex: 1 },
  ],
  streets: [
    { ...area("530102002", "护国街道", 102.75), districtIndex: 2 },
    { ...area("530102001", "华山街道", 102.7), districtIndex: 2 },
  ],
  communities: [
    { ...area("530102001002", "钱局街社区", 102.72), streetIndex: 1 },
    { ...area("530102001001", "翠湖社区", 102.7), streetIndex: 1 },
  ],
}) as unknown as TourAreas;

const codes = (tour: string | null, source: TourAreas = areas) => tourStops(source, tour).map((stop) => `${stop.layer}:${stop.code}`);

describe("tourStops", () => {
  it("tours each prefecture, then its counties, when the dataset has several prefectures", () => {
    expect(codes(null)).toEqual(["prefectures:5301", "districts:530102", "districts:530112", "prefectures:5329", "districts:532901"]);
    expect(codes("prefectures")).toEqual(codes(null));
  });

  it("gives each stop its name and bounding box", () => {
    expect(tourStops(areas, null)[0]).toEqual({ layer: "prefectures", code: "5301", name: "昆明市", bbox: [102, 25, 102.5, 25.5] });
  });

  it("tours the streets of a single-prefecture dataset (a city)", () => {
    const city = { ...areas, prefectures: areas.prefectures.slice(1) };
    expect(codes(null, city)).toEqual(["streets:530102001", "streets:530102002"]);
  });

  it.each([
    ["districts", ["districts:530102", "districts:530112", "districts:532901"]],
    ["streets", ["streets:530102001", "streets:530102002"]],
    ["5301", ["districts:530102", "districts:530112"]],
    ["530102", ["streets:530102001", "streets:530102002"]],
    ["530102001", ["communities:530102001001", "communities:530102001002"]],
  ])("tours %s as the link says", (tour, expected) => {
    expect(codes(tour)).toEqual(expected);
  });

  it("falls back to the default tour for a code with no unit or no children", () => {
    expect(codes("530102999")).toEqual(codes(null));
    expect(codes("530112")).toEqual(codes(null));
  });

  it("has no stops for an empty dataset", () => {
    expect(tourStops({ prefectures: [], districts: [], streets: [], communities: [] }, null)).toEqual([]);
  });
});
