// The snapshot part of the URL, the permalink a sheet prints, the atlas's units and the export
// style's atlas focus.
import type { Polygon } from "geojson";
import type { StyleSpecification } from "maplibre-gl";
import { describe, expect, it } from "vitest";
import { atlasUnits } from "../../src/views/snapshot/atlas-units.ts";
import { exportStyle, focusFeatures } from "../../src/views/snapshot/export-style.ts";
import { parseSnapshotQuery, sheetPermalink, unitPermalink } from "../../src/views/snapshot/snapshot-query.ts";
import type { Layers } from "../../src/domain/dataset.ts";
import { deepFreeze } from "../../src/domain/test-fixtures.ts";

describe("snapshot query", () => {
  it.each([
    ["", null],
    ["?lang=en", null],
    ["?snapshot=a3-landscape-300&format=pdf", { preset: "a3-landscape-300", format: "pdf", atlas: null, maxTilePixels: null, unknownPreset: null }],
    ["?snapshot=slide-1920", { preset: "slide-1920", format: "png", atlas: null, maxTilePixels: null, unknownPreset: null }],
    ["?snapshot=a4-landscape-150&atlas=streets", { preset: "a4-landscape-150", format: "pdf", atlas: "streets", maxTilePixels: null, unknownPreset: null }],
    ["?snapshot=&atlas=communities&format=png", { preset: "a4-landscape-150", format: "png", atlas: "communities", maxTilePixels: null, unknownPreset: null }],
    ["?snapshot=a0-landscape-600&snapshotTile=1024", { preset: "a4-landscape-150", format: "png", atlas: null, maxTilePixels: 1024, unknownPreset: "a0-landscape-600" }],
    ["?snapshot=1&atlas=districts&snapshotTile=12", { preset: "a4-landscape-150", format: "png", atlas: null, maxTilePixels: null, unknownPreset: null }],
  ])("%s", (search, expected) => {
    expect(parseSnapshotQuery(search)).toEqual(expected);
  });
});

describe("sheet permalinks", () => {
  it("drops the snapshot request and the debug flag, keeps the view", () => {
    expect(sheetPermalink("http://10.1.2.3:4173/?snapshot=a4-landscape-150&format=pdf&lang=en&debug=1#map=12/25.04/102.7&layers=streets")).toBe("http://10.1.2.3:4173/?lang=en#map=12/25.04/102.7&layers=streets");
    expect(sheetPermalink("./?snapshot=slide-1920#map=11/25/102.7")).toBe("/#map=11/25/102.7");
  });

  it("is ASCII, so the QR code's byte mode carries it unchanged", () => {
    expect(sheetPermalink("http://host/?data=数据/manifest.json")).toBe("http://host/?data=%E6%95%B0%E6%8D%AE%2Fmanifest.json");
  });

  it("opens an atlas page's unit", () => {
    const link = unitPermalink("http://host/?snapshot=a4-landscape-150&atlas=streets#map=11/25/102.7&cb=gridAssigned&sel=districts:530102", { layer: "streets", code: "530102001" }, { zoom: 13.456, latitude: 25.041234, longitude: 102.712346 });
    expect(link).toBe("http://host/#map=13.46/25.04123/102.71235&cb=gridAssigned&sel=streets:530102001");
  });
});

/** Twice the signed area of a ring (shoelace): positive when counter-clockwise. */
function ringArea(ring: number[][]): number {
  return ring.reduce((sum, [x = 0, y = 0], index) => {
    const [nextX = 0, nextY = 0] = ring[(index + 1) % ring.length] ?? [];
    return sum + (x * nextY - nextX * y);
  }, 0);
}

const square = (west: number, south: number, size: number): Polygon => ({ type: "Polygon", coordinates: [[[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]] });

const layers = deepFreeze({
  streets: { type: "FeatureCollection", features: [
    { type: "Feature", geometry: square(102.7, 25, 0.1), properties: { code: "530102002", name: "华山街道", districtCode: "530102" } },
    { type: "Feature", geometry: square(102.6, 25, 0.1), properties: { code: "530102001", name: "龙翔街道", districtCode: "530102" } },
    { type: "Feature", geometry: square(102.8, 25, 0.1), properties: { code: "530103001", name: "护国街道", districtCode: "530103" } },
  ] },
  communities: { type: "FeatureCollection", features: [
    { type: "Feature", geometry: square(102.7, 25, 0.05), properties: { code: "530102002001", name: "甲社区", streetCode: "530102002" } },
    { type: "Feature", geometry: square(102.8, 25, 0.05), properties: { code: "530103001001", name: "乙社区", streetCode: "530103001" } },
  ] },
}) as unknown as Pick<Layers, "streets" | "communities">;

describe("atlas units", () => {
  it("lists the streets of a district in code order, with bounds and figures", () => {
    const units = atlasUnits(layers, "streets", { layer: "districts", code: "530102" }, { streets: [{ code: "530102001", name: "龙翔街道" } as never] });
    expect(units.map((unit) => unit.code)).toEqual(["530102001", "530102002"]);
    [102.6, 25, 102.7, 25.1].forEach((value, index) => expect(units[0]?.bbox[index]).toBeCloseTo(value, 9));
    expect(units[0]?.report?.name).toBe("龙翔街道");
    expect(units[1]?.report).toBeUndefined();
  });

  it.each([
    ["the whole dataset", { layer: null, code: null }, "streets", 3],
    ["a street", { layer: "streets", code: "530103001" }, "streets", 1],
    ["a district's communities", { layer: "districts", code: "530103" }, "communities", 1],
    ["a street's communities", { layer: "streets", code: "530102002" }, "communities", 1],
    ["a community's street", { layer: "communities", code: "530102002001" }, "streets", 1],
    ["an empty district", { layer: "districts", code: "530199" }, "streets", 0],
  ] as const)("%s", (_label, area, scope, count) => {
    expect(atlasUnits(layers, scope, area)).toHaveLength(count);
  });
});

describe("export style", () => {
  const style = deepFreeze<StyleSpecification>({
    version: 8,
    sources: {},
    layers: [
      { id: "background", type: "background" },
      { id: "deck-group", type: "custom" } as never,
      { id: "selection", type: "line", source: "streets" },
      { id: "labels-community", type: "symbol", source: "labels" },
    ],
  });

  it("leaves out deck.gl's custom layers", () => {
    expect(exportStyle(style, { focus: false }).layers.map((layer) => layer.id)).toEqual(["background", "selection", "labels-community"]);
  });

  it("puts the atlas veil and outline under the labels, instead of the selection", () => {
    const focused = exportStyle(style, { focus: true });
    expect(focused.layers.map((layer) => layer.id)).toEqual(["background", "snapshot-veil", "snapshot-outline", "labels-community"]);
    expect(focused.sources["snapshot-focus"]).toBeDefined();
  });

  it("cuts the unit out of the veil: holes wind against the outer ring", () => {
    const [veil] = focusFeatures({ type: "MultiPolygon", coordinates: [square(102.7, 25, 0.1).coordinates, square(103, 25, 0.1).coordinates] }).features;
    if (!veil) throw new Error("no veil");
    const rings = (veil.geometry as Polygon).coordinates;
    expect(rings).toHaveLength(3);
    expect(Math.sign(ringArea(rings[0] ?? []))).toBe(1);
    expect(Math.sign(ringArea(rings[1] ?? []))).toBe(-1);
    expect(Math.sign(ringArea(rings[2] ?? []))).toBe(-1);
  });
});
