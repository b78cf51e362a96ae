import { describe, expect, it } from "vitest";
import { decodeTables, encodeTables } from "../data/columnar.ts";
import { analyzeModel, reportOf } from "./analysis.ts";
import { buildModel } from "./model.ts";
import { accessFromTables, modelFromTables, modelToTables } from "./model-table.ts";
import { locatorsOf } from "./street-locator.ts";
import { demoLayers } from "../../tests/support/demo-layers.ts";

const strip = <T extends { geometry?: unknown; bbox?: unknown }>(rows: readonly T[], box: boolean) =>
  rows.map(({ geometry: _geometry, bbox, ...rest }) => (box ? { ...rest, bbox } : rest));

const plain = (gaps: ReturnType<typeof analyzeModel>["gaps"]) => gaps.map(({ bbox: _bbox, ...gap }) => gap);

describe("the model as an attribute table", () => {
  const model = buildModel(demoLayers(), "2026-10-31");
  const { tables, meta } = modelToTables(model);
  const bytes = encodeTables(tables, meta);
  const back = modelFromTables(decodeTables(bytes, "attributes.bin"), "attributes.bin");

  it("keeps every row's fields, parents and centroid; units keep their box to a metre and lose their outline", () => {
    expect(back.asOf).toBe("2026-10-31");
    expect(back.problems).toEqual(model.problems);
    expect(back.prefectures).toEqual(model.prefectures);
    for (const layer of ["districts", "streets", "communities", "grids", "compounds", "stations"] as const) {
      const exactBox = layer !== "grids" && layer !== "compounds";
      expect(strip(back[layer] as ReadonlyArray<{ geometry?: unknown }>, exactBox)).toEqual(
        strip(model[layer] as ReadonlyArray<{ geometry?: unknown }>, exactBox),
      );
    }
    const drift = model.compounds.flatMap((unit, index) => unit.bbox.map((value, side) => Math.abs(value - (back.compounds[index]?.bbox[side] ?? Number.NaN))));
    expect(Math.max(...drift)).toBeLessThan(1e-5);
  });

  it("gives the same indicators and gaps as the model it was written from", () => {
    const before = reportOf(analyzeModel(model), "昆明市");
    const after = reportOf(analyzeModel(back), "昆明市");
    expect(after.city).toEqual(before.city);
    expect(after.streets).toEqual(before.streets);
    // Gaps carry their unit's box to fly to: the same but for a unit box's last float bits.
    expect(plain(analyzeModel(back).gaps)).toEqual(plain(analyzeModel(model).gaps));
  });

  it("places a point in the same township and community from the simplified outlines", () => {
    const [original, read] = [locatorsOf(model), locatorsOf(back)];
    const misses = model.compounds.filter(
      (unit) => read.communities.locate(unit.longitude, unit.latitude) !== original.communities.locate(unit.longitude, unit.latitude),
    );
    // Simplification moves borders by at most ~30 m: only units right at a border may differ.
    expect(misses.length / model.compounds.length).toBeLessThan(0.01);
    const township = model.stations.filter(
      (station) => read.streets.locate(station.longitude, station.latitude) !== original.streets.locate(station.longitude, station.latitude),
    );
    expect(township.length / model.stations.length).toBeLessThan(0.01);
  });

  it("carries the station access it was written with, which the engine then need not compute", () => {
    const analysis = analyzeModel(model);
    const written = modelToTables(model, analysis.access);
    const decoded = decodeTables(encodeTables(written.tables, written.meta), "attributes.bin");
    const access = accessFromTables(decoded, "attributes.bin");
    expect(access?.distance).toEqual(analysis.access.distance);
    expect(access?.nearest).toEqual(analysis.access.nearest);
    const read = modelFromTables(decoded, "attributes.bin");
    expect(reportOf(analyzeModel(read, undefined, access), "昆明市").city).toEqual(reportOf(analysis, "昆明市").city);
    expect(accessFromTables(decodeTables(bytes, "attributes.bin"), "attributes.bin")).toBeUndefined();
  });

  it("rejects an access column that names a station the table does not have", () => {
    const analysis = analyzeModel(model);
    const nearest = Int32Array.from(analysis.access.nearest, (index, row) => (row === 0 ? model.stations.length : index));
    const written = modelToTables(model, { distance: analysis.access.distance, nearest });
    expect(() => accessFromTables(decodeTables(encodeTables(written.tables, written.meta), "a.bin"), "a.bin")).toThrow(
      /a\.bin: compounds\.nearestStation names station/,
    );
  });

  it("is compact: a fraction of the GeoJSON it replaces", () => {
    expect(bytes.length).toBeLessThan(6_000_000);
  });
});
