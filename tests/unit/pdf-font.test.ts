// The embedded PDF font: the shipped subset covers what sheets show, the per-PDF subset holds
// exactly the page's glyphs, and a PDF made with it prints its Chinese text with no fonts installed.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sheetCharacters, SHEET_FONT_FILE } from "../../scripts/sheet-font.ts";
import { embedSubset, parseSheetFont } from "../../src/export/pdf-font.ts";
import { paintPdfPage } from "../../src/export/pdf-painter.ts";
import { writePdf } from "../../src/export/pdf-writer.ts";
import type { SheetScene } from "../../src/export/scene-types.ts";
import { darkPixels, extractText, renderWithoutFonts } from "../support/pdf-render.ts";

const font = parseSheetFont(new Uint8Array(readFileSync(SHEET_FONT_FILE)));
/** Symbols in the interface's source that Noto Sans CJK SC lacks; no sheet shows them. */
const NOT_IN_NOTO = new Set(["🏠", "✗", "✕"]);

describe("the shipped sheet font", () => {
  it("holds every character of the messages, the names and the demo data (else: npx tsx scripts/sheet-font.ts)", () => {
    const missing = [...sheetCharacters()].filter((character) => !font.glyph(character) && !NOT_IN_NOTO.has(character));
    expect(missing.join("")).toBe("");
  });

  it("holds all of GB 2312, so any common place name prints", () => {
    expect(["勐", "濞", "彝", "傈", "僳", "佤", "怒", "碧", "罗", "巍", "漾", "猛", "镇", "沅"].filter((character) => !font.glyph(character))).toEqual([]);
  });
});

describe("font subsets", () => {
  const subset = embedSubset(font, "党建地图 A1党");

  it("holds .notdef and each distinct character once, with the font's advances", () => {
    expect([...subset.ids.keys()].toSorted()).toEqual([" ", "1", "A", "党", "图", "地", "建"].toSorted());
    expect(new Set(subset.ids.values()).size).toBe(7);
    expect(Math.min(...subset.ids.values())).toBe(1);
    expect(subset.widths.length).toBe(8);
    expect(subset.widths[subset.ids.get("党") ?? -1]).toBe(1000);
    expect(subset.widths[subset.ids.get("A") ?? -1]).toBeLessThan(1000);
  });

  it("is a CFF font program a small fraction of the shipped font's size, named with a subset tag", () => {
    expect(Array.from(subset.cff.subarray(0, 2))).toEqual([1, 0]);
    expect(subset.cff.length).toBeLessThan(40_000);
    expect(subset.baseFont).toMatch(/^[A-Z]{6}\+NotoSansCJKsc-Regular$/);
    expect(embedSubset(font, "地图建党 1A").baseFont).toBe(subset.baseFont);
  });

  it("maps each glyph id back to its character for copy and search", () => {
    const id = (subset.ids.get("党") ?? 0).toString(16).toUpperCase().padStart(4, "0");
    expect(subset.toUnicode).toContain(`<${id}> <515A>`);
  });

  it("leaves out characters the font lacks", () => {
    expect(embedSubset(font, "党🏠").ids.has("🏠")).toBe(false);
  });
});

describe("a PDF with the embedded subset", () => {
  const title = "五华区党建工作地图 A1";
  const scene: SheetScene = {
    width: 400,
    height: 100,
    items: [
      { kind: "rect", x: 0, y: 0, width: 400, height: 100, fill: "#ffffff" },
      { kind: "text", x: 10, y: 40, text: title, size: 30, bold: true, colour: "#000000", width: 300, role: "title" },
      { kind: "text", x: 10, y: 80, text: "图例 🏠", size: 20, bold: false, colour: "#000000", width: 60, role: "note" },
    ],
  };
  const measured = new Map([..."五华区党建工作地图 A1图例🏠"].map((character) => [character, character < "~" ? 600 : 1000] as const));
  const pdf = (embedded: boolean) => {
    const subset = embedded ? embedSubset(font, [...title, ..."图例 🏠"]) : null;
    const page = paintPdfPage(scene, 400, 100, "Map", { regular: measured, bold: measured }, subset);
    const widths = { regular: Array.from({ length: 95 }, () => 600), bold: Array.from({ length: 95 }, () => 600) };
    return writePdf([{ widthPoints: 400, heightPoints: 100, content: page.content, images: [], opacities: page.opacities }], {
      title,
      language: "zh-CN",
      widths,
      embedded: subset,
    });
  };
  const titleBox = { x: 10, y: 10, width: 300, height: 36 };

  it("prints its Chinese title on a machine with no fonts installed; the named font alone does not", () => {
    expect(darkPixels(renderWithoutFonts(pdf(true)), titleBox)).toBeGreaterThan(800);
    expect(darkPixels(renderWithoutFonts(pdf(false)), titleBox)).toBe(0);
  });

  it("keeps the text extractable, and names a system font for the character the subset lacks", () => {
    const bytes = pdf(true);
    expect(extractText(bytes).replace(/\s+/g, "")).toContain("五华区党建工作地图A1");
    const raw = new TextDecoder("latin1").decode(bytes);
    expect(raw).toContain("/FontFile3");
    expect(raw).toContain("/Subtype /CIDFontType0C");
    expect(raw).toMatch(/\/F1 20 Tf \[<D83CDFE0>\] TJ/);
  });

  it("stays small: the subset, not the 1.6 MB font", () => {
    expect(pdf(true).length).toBeLessThan(40_000);
  });
});
