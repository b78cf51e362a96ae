// Presets, scale bar maths and the export camera of the snapshot sheets (src/views/snapshot).
import { describe, expect, it } from "vitest";
import { cameraForBounds, cameraForScreen, offsetCentre, tilePlan } from "../../src/export/map-camera.ts";
import { presetOf, PRESET_NAMES } from "../../src/export/presets.ts";
import { formatDistance, metresPerMapPixel, scaleBar, scaleDenominator } from "../../src/export/scale-bar.ts";

describe("snapshot presets", () => {
  it.each([
    ["slide-1920", 1920, 1080, 96, 1440, 810],
    ["slide-3840", 3840, 2160, 192, 1440, 810],
    ["a4-landscape-150", 1754, 1240, 150, 841.89, 595.28],
    ["a4-portrait-300", 2480, 3508, 300, 595.28, 841.89],
    ["a3-landscape-300", 4961, 3508, 300, 1190.55, 841.89],
    ["a3-portrait-300", 3508, 4961, 300, 841.89, 1190.55],
  ])("%s is %i × %i px at %i dpi on a %s × %s pt page", (name, width, height, dpi, widthPoints, heightPoints) => {
    const preset = presetOf(name);
    expect(preset).toMatchObject({ widthPixels: width, heightPixels: height, dpi, widthPoints, heightPoints, density: dpi / 96 });
  });

  it("lays every dpi of one page size out in the same sheet units", () => {
    const low = presetOf("a4-landscape-150");
    const high = presetOf("a4-landscape-300");
    expect(low?.widthUnits).toBeCloseTo(1122.52, 1);
    expect(high?.widthUnits).toBe(low?.widthUnits);
    expect(high?.heightMillimetres).toBe(210);
  });

  it("knows every listed name and refuses others", () => {
    for (const name of PRESET_NAMES) expect(presetOf(name)?.name).toBe(name);
    for (const name of ["a5-landscape-150", "slide-1280", "A4-landscape-150", "", "a4-landscape-600"]) expect(presetOf(name)).toBeUndefined();
  });
});

describe("scale bar", () => {
  it("measures MapLibre's 512-pixel world", () => {
    expect(metresPerMapPixel(0, 0)).toBeCloseTo(78_271.5, 0);
    expect(metresPerMapPixel(60, 1)).toBeCloseTo(78_271.5 / 4, 0);
  });

  it.each([
    [10, 200, 2000, 200, 4],
    [10, 150, 1000, 100, 2],
    [7, 100, 500, 500 / 7, 5],
    [0.03, 100, 2, 2 / 0.03, 4],
  ])("at %s m per unit within %s units: %s m long", (metresPerUnit, maxLength, metres, length, segments) => {
    const bar = scaleBar(metresPerUnit, maxLength);
    expect(bar?.metres).toBe(metres);
    expect(bar?.length).toBeCloseTo(length, 6);
    expect(bar?.segments).toBe(segments);
  });

  it("makes no bar from nonsense", () => {
    expect(scaleBar(0, 100)).toBeNull();
    expect(scaleBar(Number.NaN, 100)).toBeNull();
    expect(scaleBar(10, 0)).toBeNull();
  });

  it("names lengths and fractions", () => {
    expect(formatDistance(500, "zh")).toBe("500 米");
    expect(formatDistance(2000, "zh")).toBe("2 千米");
    expect(formatDistance(20_000, "en")).toBe("20 km");
    // 1 unit = 1/96 inch = 0.2646 mm; 66.1 m per unit is 1 : 250,000.
    expect(scaleDenominator(66.1458)).toBe(250_000);
  });
});

describe("export camera", () => {
  const view = { longitude: 102.7, latitude: 25, zoom: 12, bearing: 0, width: 1000, height: 700 };

  it("keeps the screen's zoom and fits its extent by scaling the map", () => {
    expect(cameraForScreen(view, { width: 2000, height: 2000 })).toMatchObject({ zoom: 12, scale: 2 });
    expect(cameraForScreen(view, { width: 800, height: 350 }).scale).toBe(0.5);
  });

  it("frames a bounding box with padding", () => {
    const camera = cameraForBounds([102.6, 24.9, 102.8, 25.1], { width: 600, height: 600 }, 50);
    expect(camera.longitude).toBeCloseTo(102.7, 6);
    expect(camera.latitude).toBeCloseTo(25, 1);
    // 0.2° of longitude = 512 × 2^z × 0.2/360 px, which must be 500 px (the taller axis decides here).
    const widthAtZoom = 512 * 2 ** camera.zoom * (0.2 / 360);
    expect(widthAtZoom).toBeLessThanOrEqual(500.001);
    expect(cameraForBounds([102.7, 25, 102.7, 25], { width: 600, height: 600 }, 50, 17).zoom).toBe(17);
  });

  it("moves a centre by screen pixels, turned by the bearing", () => {
    const camera = { longitude: 0, latitude: 0, zoom: 0, bearing: 0 };
    expect(offsetCentre(camera, 256, 0)[0]).toBeCloseTo(180, 6);
    expect(offsetCentre(camera, 0, -100)[1]).toBeGreaterThan(0);
    // East is up at bearing 90: moving up the screen moves east.
    const [longitude, latitude] = offsetCentre({ ...camera, bearing: 90 }, 0, -128);
    expect(longitude).toBeCloseTo(90, 6);
    expect(latitude).toBeCloseTo(0, 6);
  });
});

describe("tile plan", () => {
  it("keeps a map that fits in one canvas whole", () => {
    expect(tilePlan(3000, 2000, 4096, 100)).toEqual([{ x: 0, y: 0, width: 3000, height: 2000, canvasX: 0, canvasY: 0, canvasWidth: 3000, canvasHeight: 2000 }]);
  });

  it("covers a big map exactly once, with canvases within the limit and overlaps only inside", () => {
    const tiles = tilePlan(4500, 2900, 1024, 200);
    for (const tile of tiles) {
      expect(tile.canvasWidth).toBeLessThanOrEqual(1024);
      expect(tile.canvasHeight).toBeLessThanOrEqual(1024);
      expect(tile.canvasX).toBeGreaterThanOrEqual(0);
      expect(tile.canvasX + tile.canvasWidth).toBeLessThanOrEqual(4500);
      expect(tile.canvasY + tile.canvasHeight).toBeLessThanOrEqual(2900);
    }
    // Disjoint and adding up to the whole map: every pixel is drawn by exactly one tile.
    expect(tiles.reduce((sum, tile) => sum + tile.width * tile.height, 0)).toBe(4500 * 2900);
    for (const [index, a] of tiles.entries()) {
      for (const b of tiles.slice(index + 1)) expect(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y).toBe(true);
    }
    const inside = (x: number, y: number) => tiles.filter((tile) => x >= tile.x && x < tile.x + tile.width && y >= tile.y && y < tile.y + tile.height).length;
    for (const y of [0, 1, 899, 900, 1450, 2899]) for (const x of [0, 623, 624, 2250, 4499]) expect(inside(x, y)).toBe(1);
  });

  it("refuses an overlap that leaves no room", () => {
    expect(() => tilePlan(5000, 100, 400, 200)).toThrow(/no room/);
  });
});
