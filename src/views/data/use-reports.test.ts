import { describe, expect, it } from "vitest";
import { unitReport } from "../../domain/analysis.ts";
import { zeroTotals } from "../../domain/indicators.ts";
import { manifestSchema } from "../../data/contract.ts";
import kunmingManifest from "../../../public/data/kunming/manifest.json";
import { areaReportOf, readsTableEarly, type ExplorerReports } from "./use-reports.ts";

// NBS 2023 codes of Yunnan, Kunming, Wuhua district, its Huashan sub-district and one community; zero figures.
const prefecture = unitReport("prefecture", "5301", "昆明市", "53", zeroTotals());
const district = unitReport("district", "530102", "五华区", "5301", zeroTotals());
const street = unitReport("street", "530102001", "华山街道", "530102", zeroTotals());
const community = unitReport("community", "530102001001", "西仓坡社区", "530102001", zeroTotals());
const engine: ExplorerReports = Object.freeze({ prefectures: [prefecture], districts: [district], streets: [street], communities: [community] });
/** A tiled dataset's indicators file: no prefecture or community lists. */
const indicatorsFile: ExplorerReports = Object.freeze({ districts: [district], streets: [street] });

describe("areaReportOf", () => {
  it.each([
    { layer: "prefectures", id: "5301", expected: prefecture },
    { layer: "districts", id: "530102", expected: district },
    { layer: "streets", id: "530102001", expected: street },
    { layer: "communities", id: "530102001001", expected: community },
    { layer: "districts", id: "530103", expected: undefined },
    { layer: "grids", id: "530102001001-G01", expected: undefined },
  ] as const)("finds the $layer report of $id in the engine's reports", ({ layer, id, expected }) => {
    expect(areaReportOf(engine, { layer, id })).toBe(expected);
  });

  it("has no prefecture or community report in an indicators file, but its districts and streets", () => {
    expect(areaReportOf(indicatorsFile, { layer: "prefectures", id: "5301" })).toBeUndefined();
    expect(areaReportOf(indicatorsFile, { layer: "communities", id: "530102001001" })).toBeUndefined();
    expect(areaReportOf(indicatorsFile, { layer: "streets", id: "530102001" })).toBe(street);
  });

  it("has nothing without a selection or before any report", () => {
    expect(areaReportOf(engine, null)).toBeUndefined();
    expect(areaReportOf(undefined, { layer: "districts", id: "530102" })).toBeUndefined();
  });
});

describe("readsTableEarly", () => {
  // The committed city demo's manifest (GeoJSON layers), and as `npm run tiles` writes it.
  const geojson = manifestSchema.parse(kunmingManifest);
  const tiled = { ...geojson, tiles: "tiles.pmtiles", indicators: "indicators.json", attributes: "attributes.bin.gz" };
  const province = { ...tiled, area: { name: "云南省", nameEn: "Yunnan", level: "province" as const, code: "53" } };

  it("reads a province's table while the map draws", () => {
    expect(readsTableEarly(province)).toBe(true);
  });

  it("leaves a city's table, and any dataset without one, until the map is drawn", () => {
    expect(readsTableEarly(tiled)).toBe(false);
    expect(readsTableEarly(geojson)).toBe(false);
    expect(readsTableEarly({ ...province, attributes: undefined })).toBe(false);
  });
});
