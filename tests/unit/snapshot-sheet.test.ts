// Sheet layout and composition: frames stay on the sheet and apart, sizes follow the page, and
// the composed scene carries the title, legend colours, KPIs and source note.
import { describe, expect, it } from "vitest";
import { cameraForScreen } from "../../src/export/map-camera.ts";
import { presetOf, PRESET_NAMES } from "../../src/export/presets.ts";
import type { MeasureText, TextItem } from "../../src/export/scene-types.ts";
import { framePixels, sheetLayout, type Frame } from "../../src/export/sheet-layout.ts";
import { composeSheet, type SheetContent } from "../../src/export/sheet-scene.ts";
import { ellipsize, wrapText } from "../../src/export/text-fit.ts";
import { deepFreeze } from "../support/deep-freeze.ts";

/** Chinese characters 1 em wide, everything else 0.55 em; bold 5% wider. */
const measure: MeasureText = (text, size, bold) =>
  [...text].reduce((sum, character) => sum + (/[\u3000-\u9fff\uff00-\uffef]/.test(character) ? 1 : 0.55), 0) * size * (bold ? 1.05 : 1);

const overlaps = (a: Frame, b: Frame) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const insideSheet = (frame: Frame, width: number, height: number) =>
  frame.x >= 0 && frame.y >= 0 && frame.x + frame.width <= width + 1e-6 && frame.y + frame.height <= height + 1e-6;

const content = deepFreeze<SheetContent>({
  language: "zh",
  title: "五华区党建工作地图",
  subtitle: "社工站 / 社工室、按小区党支部、网格",
  asOf: "数据截至 2026-10-31",
  madeOn: "制图 2026-11-25 10:00",
  legendHeading: "图例",
  legend: [
    { title: "社工站 / 社工室", items: [{ label: "街道社工站", colour: "rgba(33, 102, 172, 1)", shape: "dot" as const }] },
    {
      title: "按小区党支部",
      items: [
        { label: "已建小区党支部", colour: "rgba(178, 24, 43, 0.86)", shape: "fill" as const },
        { label: "未建小区党支部", colour: "rgba(253, 184, 99, 0.9)", shape: "fill" as const },
      ],
    },
    { title: "网格", items: [{ label: "网格", colour: "rgba(120, 140, 160, 0.59)", shape: "line" as const }] },
  ],
  kpi: {
    heading: "关键指标 · 五华区",
    entries: [
      { label: "小区党支部覆盖率", value: "61.2%" },
      { label: "未建社工站街道", value: "2" },
    ],
  },
  gaps: null,
  qr: {
    modules: [
      [true, false],
      [false, true],
    ],
    caption: "扫码打开在线地图",
  },
  sources: [
    { text: "示意数据:街道的几何为合成演示数据。", emphasis: true },
    { text: "数据来源:国家统计局 ".repeat(20), emphasis: false },
  ],
  northLetter: "北",
  showRatio: true,
  watermark: "内部资料",
});

describe("sheet layout", () => {
  it.each(PRESET_NAMES)("%s: the KPI box keeps eight figures apart, each label clear of the figure above it", (name) => {
    const preset = presetOf(name);
    if (!preset) throw new Error(name);
    const entries = Array.from({ length: 8 }, (_, index) => ({ label: `指标${index + 1}覆盖率`, value: "1,581,874" }));
    const sheet = composeSheet(preset, { ...content, kpi: { ...content.kpi, entries } }, measure, (frame) =>
      cameraForScreen({ longitude: 102.7, latitude: 25.04, zoom: 13, bearing: 0, width: 1280, height: 760 }, frame),
    );
    const texts = sheet.scene.items.filter((item): item is TextItem => item.kind === "text");
    const labels = texts.filter((item) => item.role === "kpi-label");
    const values = texts.filter((item) => item.role === "kpi-value");
    expect([labels.length, values.length]).toEqual([8, 8]);
    const box = sheet.layout.kpi;
    // A figure's glyphs reach about 0.2 of its size below the baseline; all of it inside the box.
    for (const value of values) expect(value.y + 0.2 * value.size).toBeLessThanOrEqual(box.y + box.height);
    // Each row's labels start (their ascent, about 0.9 of their size, above the baseline) below the figures of the row above.
    for (const [index, below] of labels.slice(2).entries()) {
      const above = values[index] as TextItem;
      expect(below.y - 0.9 * below.size).toBeGreaterThanOrEqual(above.y + 0.2 * above.size);
    }
  });

  it.each(PRESET_NAMES)("%s: every frame on the sheet and none over another", (name) => {
    const preset = presetOf(name);
    if (!preset) throw new Error(name);
    for (const options of [
      { qr: true, gaps: false },
      { qr: false, gaps: false },
      { qr: true, gaps: true },
    ]) {
      const layout = sheetLayout(preset, { ...options, sourceLines: 3, legendRows: 9 });
      const frames = [
        layout.title,
        layout.subtitle,
        layout.map,
        layout.legend,
        layout.kpi,
        layout.source,
        ...(layout.qr ? [layout.qr] : []),
        ...(layout.gaps ? [layout.gaps] : []),
      ];
      for (const frame of frames) {
        expect(insideSheet(frame, layout.width, layout.height)).toBe(true);
        expect(frame.width).toBeGreaterThan(0);
        expect(frame.height).toBeGreaterThan(0);
      }
      for (const [index, frame] of frames.entries()) for (const other of frames.slice(index + 1)) expect(overlaps(frame, other)).toBe(false);
      // The map furniture sits inside the map.
      expect(
        insideSheet({ ...layout.scaleBar, x: layout.scaleBar.x - layout.map.x, y: layout.scaleBar.y - layout.map.y }, layout.map.width, layout.map.height),
      ).toBe(true);
      expect(layout.map.width * layout.map.height).toBeGreaterThan(0.3 * layout.width * layout.height);
    }
  });

  it("gives both dpi of a page the same frames, twice the pixels at twice the dpi", () => {
    const low = presetOf("a3-landscape-150");
    const high = presetOf("a3-landscape-300");
    if (!low || !high) throw new Error("presets");
    const options = { qr: true, gaps: false, sourceLines: 2, legendRows: 8 };
    expect(sheetLayout(high, options)).toEqual(sheetLayout(low, options));
    const map = sheetLayout(high, options).map;
    const lowPixels = framePixels(map, low.density);
    const highPixels = framePixels(map, high.density);
    expect(Math.abs(highPixels.width - 2 * lowPixels.width)).toBeLessThanOrEqual(2);
    expect(Math.abs(highPixels.height - 2 * lowPixels.height)).toBeLessThanOrEqual(2);
  });

  it("gives more source lines more room at the foot, taken from the map", () => {
    const preset = presetOf("a4-portrait-150");
    if (!preset) throw new Error("preset");
    const one = sheetLayout(preset, { qr: true, gaps: false, sourceLines: 1, legendRows: 5 });
    const four = sheetLayout(preset, { qr: true, gaps: false, sourceLines: 4, legendRows: 5 });
    expect(four.source.height).toBeCloseTo(4 * one.source.height, 6);
    expect(four.map.height).toBeLessThan(one.map.height);
  });
});

describe("sheet composition", () => {
  const preset = presetOf("a4-landscape-150");
  if (!preset) throw new Error("preset");
  const view = { longitude: 102.7, latitude: 25.04, zoom: 13, bearing: 0, width: 1200, height: 800 };
  const composed = composeSheet(preset, content, measure, (frame) => cameraForScreen(view, frame));
  const texts = composed.scene.items.filter((item): item is TextItem => item.kind === "text");
  const textOf = (role: string) => texts.filter((item) => item.role === role).map((item) => item.text);

  it("prints the title, dates, KPIs and the synthetic note", () => {
    expect(textOf("title")).toEqual(["五华区党建工作地图"]);
    expect(textOf("as-of")).toEqual(["数据截至 2026-10-31"]);
    expect(textOf("kpi-value")).toEqual(["61.2%", "2"]);
    expect(texts.some((item) => item.role === "source" && item.bold && item.text.startsWith("示意数据"))).toBe(true);
    expect(textOf("watermark").length).toBeGreaterThan(4);
  });

  it("draws legend swatches in the legend's own colours", () => {
    const fills = composed.scene.items.flatMap((item) => ("fill" in item && item.fill ? [item.fill] : []));
    const strokes = composed.scene.items.flatMap((item) => ("stroke" in item && item.stroke ? [item.stroke] : []));
    expect(fills).toContain("rgba(178, 24, 43, 0.86)");
    expect(fills).toContain("rgba(33, 102, 172, 1)");
    expect(strokes).toContain("rgba(120, 140, 160, 0.59)");
    // "网格" over "网格" is one row, not a heading and an item.
    expect(textOf("legend-title")).toEqual(["社工站 / 社工室", "按小区党支部"]);
  });

  it("wraps the long source line and keeps every text on the sheet", () => {
    expect(textOf("source").length).toBeGreaterThan(2);
    for (const item of texts.filter((text) => text.role !== "watermark")) {
      expect(item.x).toBeGreaterThanOrEqual(0);
      expect(item.x + item.width).toBeLessThanOrEqual(composed.scene.width + 1e-6);
    }
  });

  it("keeps the screen's zoom, scales the map to its frame and states 1 : N on paper", () => {
    const camera = composed.camera;
    expect(camera.zoom).toBe(13);
    expect(camera.scale).toBeCloseTo(Math.min(composed.layout.map.width / 1200, composed.layout.map.height / 800), 9);
    expect(textOf("scale-ratio")[0]).toMatch(/^1 : [\d,]+$/);
  });
});

describe("fitting text", () => {
  it("ends a long line with an ellipsis within the width", () => {
    const text = ellipsize("昆明国家高新技术产业开发区", 10, false, 55, measure);
    expect(text.endsWith("…")).toBe(true);
    expect(measure(text, 10, false)).toBeLessThanOrEqual(55);
    expect(ellipsize("短", 10, false, 55, measure)).toBe("短");
  });

  it("wraps Chinese anywhere and Latin at spaces", () => {
    expect(wrapText("一二三四五六七八九十", 10, false, 30, measure)).toEqual(["一二三", "四五六", "七八九", "十"]);
    expect(wrapText("alpha beta gamma", 10, false, 50, measure)).toEqual(["alpha", "beta", "gamma"]);
    expect(wrapText("", 10, false, 60, measure)).toEqual([]);
    expect(wrapText("abcdefghijklmnop", 10, false, 30, measure).every((line) => measure(line, 10, false) <= 30)).toBe(true);
  });
});
