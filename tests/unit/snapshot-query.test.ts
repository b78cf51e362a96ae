// The snapshot part of the URL, the permalink a sheet prints and the export
// style's atlas focus.
import type { Polygon } from "geojson";
import type { StyleSpecification } from "maplibre-gl";
import { describe, expect, it } from "vitest";
import { exportStyle, focusFeatures } from "../../src/export/export-style.ts";
import { parseSnapshotQuery, sheetPermalink, unitPermalink } from "../../src/export/snapshot-query.ts";
import { deepFreeze } from "../support/deep-freeze.ts";

describe("snapshot query", () => {
  it.each([
    ["", null],
    ["?lang=en", null],
    ["?snapshot=a3-landscape-300&format=pdf", { preset: "a3-landscape-300", format: "pdf", atlas: null, maxTilePixels: null, unknownPreset: null }],
    ["?snapshot=slide-1920", { preset: "slide-1920", format: "png", atlas: null, maxTilePixels: null, unknownPreset: null }],
    ["?snapshot=a4-landscape-150&atlas=streets", { preset: "a4-landscape-150", format: "pdf", atlas: "streets", maxTilePixels: null, unknownPreset: null }],
    ["?snapshot=&atlas=communities&format=png", { preset: "a4-landscape-150", format: "png", atlas: "communities", maxTilePixels: null, unknownPreset: null }],
    [
      "?snapshot=a0-landscape-600&snapshotTile=1024",
      { preset: "a4-landscape-150", format: "png", atlas: null, maxTilePixels: 1024, unknownPreset: "a0-landscape-600" },
    ],
    [
      "?snapshot=1&atlas=districts&snapshotTile=12",
      { preset: "a4-landscape-150", format: "pdf", atlas: "districts", maxTilePixels: null, unknownPreset: null },
    ],
    ["?snapshot=1&atlas=grids", { preset: "a4-landscape-150", format: "png", atlas: null, maxTilePixels: null, unknownPreset: null }],
  ])("%s", (search, expected) => {
    expect(parseSnapshotQuery(search)).toEqual(expected);
  });
});

describe("sheet permalinks", () => {
  it("drops the snapshot request and the debug flag, keeps the view", () => {
    expect(sheetPermalink("http://10.1.2.3:4173/?snapshot=a4-landscape-150&format=pdf&lang=en&debug=1#map=12/25.04/102.7&layers=streets")).toBe(
      "http://10.1.2.3:4173/?lang=en#map=12/25.04/102.7&layers=streets",
    );
    expect(sheetPermalink("./?snapshot=slide-1920#map=11/25/102.7")).toBe("/#map=11/25/102.7");
  });

  it("is ASCII, so the QR code's byte mode carries it unchanged", () => {
    expect(sheetPermalink("http://host/?data=数据/manifest.json")).toBe("http://host/?data=%E6%95%B0%E6%8D%AE%2Fmanifest.json");
  });

  it("opens an atlas page's unit", () => {
    const link = unitPermalink(
      "http://host/?snapshot=a4-landscape-150&atlas=streets#map=11/25/102.7&cb=gridAssigned&sel=districts:530102",
      { layer: "streets", code: "530102001" },
      { zoom: 13.456, latitude: 25.041234, longitude: 102.712346 },
    );
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

const square = (west: number, south: number, size: number): Polygon => ({
  type: "Polygon",
  coordinates: [
    [
      [west, south],
      [west + size, south],
      [west + size, south + size],
      [west, south + size],
      [west, south],
    ],
  ],
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

  it("draws the stand-in of a custom layer (the 双报到 arcs), hidden on screen, in the export", () => {
    const withArcs = deepFreeze<StyleSpecification>({
      ...style,
      layers: [...style.layers, { id: "registered-arcs-export", type: "line", source: "arcs", layout: { visibility: "none" }, metadata: { exportOnly: true } }],
    });
    const arcs = exportStyle(withArcs, { focus: false }).layers.find((layer) => layer.id === "registered-arcs-export");
    expect(arcs?.layout).toMatchObject({ visibility: "visible" });
    expect(exportStyle(style, { focus: false }).layers.every((layer) => layer.layout?.visibility !== "none")).toBe(true);
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
