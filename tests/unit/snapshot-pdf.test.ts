// The hand-written PDF writer and painter, the PNG resolution chunk and CSS colour parsing.
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { parseCssColour } from "../../src/export/css-colour.ts";
import { paintPdfPage, positionedText } from "../../src/export/pdf-painter.ts";
import { utf16Hex, writePdf, type PdfPage } from "../../src/export/pdf-writer.ts";
import { withPngDpi } from "../../src/export/png-dpi.ts";
import type { SheetScene } from "../../src/export/scene-types.ts";
import { deepFreeze } from "../support/deep-freeze.ts";

const text = (bytes: Uint8Array) => new TextDecoder("latin1").decode(bytes);
const widths = { regular: Array.from({ length: 95 }, () => 550), bold: Array.from({ length: 95 }, () => 600) };
/** A JPEG stand-in: the writer copies image bytes without reading them. */
const fakeJpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xd9]);

function page(content: string, widthPoints = 841.89, heightPoints = 595.28): PdfPage {
  return { widthPoints, heightPoints, content, images: [{ name: "Map", widthPixels: 2, heightPixels: 1, jpeg: fakeJpeg }], opacities: [0.5] };
}

describe("PDF writer", () => {
  const bytes = writePdf([page("q Q"), page("q Q", 1190.55, 841.89)], { title: "五华区党建工作地图", language: "zh-CN", widths, embedded: null });
  const pdf = text(bytes);

  it("writes a PDF whose cross-reference table points at every object", () => {
    expect(pdf.startsWith("%PDF-1.5\n")).toBe(true);
    expect(pdf.trimEnd().endsWith("%%EOF")).toBe(true);
    const startxref = Number(/startxref\n(\d+)/.exec(pdf)?.[1]);
    expect(pdf.slice(startxref, startxref + 4)).toBe("xref");
    const entries = [...pdf.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((match) => Number(match[1]));
    expect(entries.length).toBe(Number(/\/Size (\d+)/.exec(pdf)?.[1]) - 1);
    entries.forEach((offset, index) => expect(pdf.slice(offset, offset + 12)).toMatch(new RegExp(`^${index + 1} 0 obj`)));
  });

  it("has one page per sheet with its own size, and stream lengths that match", () => {
    expect(pdf.match(/\/Type \/Page\b(?!s)/g)?.length).toBe(2);
    expect(pdf).toContain("/MediaBox [0 0 841.89 595.28]");
    expect(pdf).toContain("/MediaBox [0 0 1190.55 841.89]");
    for (const match of pdf.matchAll(/\/Length (\d+) >>\nstream\n/g)) {
      const start = (match.index ?? 0) + match[0].length;
      expect(pdf.slice(start + Number(match[1]), start + Number(match[1]) + 10)).toBe("\nendstream");
    }
  });

  it("without an embedded font, names a Chinese font for the reader to substitute, with measured ASCII widths", () => {
    expect(pdf).toContain("/Encoding /UniGB-UTF16-H");
    expect(pdf).toContain("/Ordering (GB1)");
    expect(pdf).not.toContain("/FontFile");
    expect(pdf).toContain(`/W [1 [${widths.regular.join(" ")}]]`);
    expect(pdf).toContain(`/Title ${utf16Hex("五华区党建工作地图", true)}`);
    expect(pdf).toContain("/A50 << /Type /ExtGState /ca 0.5 /CA 0.5 >>");
  });
});

describe("PDF painter", () => {
  const scene = deepFreeze<SheetScene>({
    width: 1000,
    height: 500,
    items: [
      { kind: "rect", x: 0, y: 0, width: 1000, height: 500, fill: "#ffffff" },
      { kind: "map", x: 10, y: 20, width: 600, height: 400 },
      { kind: "text", x: 20, y: 40, text: "党建 A1", size: 20, bold: true, colour: "#1f2a33", width: 40 + 2 * 11 + 11, role: "title" },
      { kind: "circle", x: 50, y: 50, radius: 5, fill: "rgba(178, 24, 43, 0.5)" },
      {
        kind: "cells",
        x: 700,
        y: 20,
        cell: 2,
        modules: [
          [true, true, false],
          [false, true, true],
        ],
        colour: "#000000",
      },
    ],
  });
  const glyphs = {
    regular: new Map([
      ["A", 550],
      ["1", 550],
      [" ", 550],
    ]),
    bold: new Map([
      ["A", 550],
      ["1", 550],
      [" ", 550],
      ["党", 1000],
      ["建", 1000],
    ]),
  };
  const painted = paintPdfPage(scene, 750, 375, "Map", glyphs, null);

  it("draws in sheet units flipped to PDF's y-up points", () => {
    expect(painted.content.startsWith("0.75 0 0 -0.75 0 375 cm")).toBe(true);
    expect(painted.content).toContain("q 600 0 0 -400 10 420 cm /Map Do Q");
  });

  it("writes text as text in the bold font, upright, and fitted to the measured width", () => {
    expect(painted.content).toContain(`BT 100 Tz\n1 0 0 -1 20 40 Tm\n/F2 20 Tf [${utf16Hex("党建 A1")}] TJ\nET`);
  });

  it("writes characters the embedded subset holds as its glyph ids, emboldened for bold, and the rest in the named font", () => {
    const embedded = {
      ids: new Map([
        ["党", 1],
        ["A", 2],
      ]),
      widths: [1000, 1000, 550],
    };
    const content = paintPdfPage(scene, 750, 375, "Map", glyphs, embedded as never).content;
    expect(content).toContain("0.8 w 1 j");
    expect(content).toContain("BT 100 Tz 2 Tr");
    expect(content).toContain(`/F3 20 Tf [<0001>] TJ\n/F2 20 Tf [${utf16Hex("建 ")}] TJ\n/F3 20 Tf [<0002>] TJ\n/F2 20 Tf [${utf16Hex("1")}] TJ`);
  });

  it("asks for the opacities it uses, and merges QR modules into runs", () => {
    expect(painted.opacities).toEqual([0.5]);
    expect(painted.content).toContain("700 20 4 2 re");
    expect(painted.content).toContain("702 22 4 2 re");
  });

  it("moves glyphs whose PDF advance differs from the browser's", () => {
    const narrowDot = new Map([
      ["·", 300],
      ["a", 500],
    ]);
    expect(positionedText("甲·乙", narrowDot, null)).toEqual({ runs: [{ font: "F1", operand: `[${utf16Hex("甲·")} 700 ${utf16Hex("乙")}]` }], advance: 2.3 });
    expect(positionedText("aa", narrowDot, null).runs).toEqual([{ font: "F1", operand: `[${utf16Hex("aa")}]` }]);
    const embedded = { ids: new Map([["·", 1]]), widths: [1000, 250] };
    expect(positionedText("甲·", narrowDot, embedded).runs).toEqual([
      { font: "F1", operand: `[${utf16Hex("甲")}]` },
      { font: "F3", operand: "[<0001> -50]" },
    ]);
  });
});

describe("PNG resolution", () => {
  it("adds a pHYs chunk that PNG readers accept", () => {
    const image = new PNG({ width: 3, height: 2 });
    image.data.fill(255);
    const stamped = withPngDpi(new Uint8Array(PNG.sync.write(image)), 300);
    const decoded = PNG.sync.read(Buffer.from(stamped));
    expect([decoded.width, decoded.height]).toEqual([3, 2]);
    const view = new DataView(stamped.buffer, stamped.byteOffset);
    expect(text(stamped.subarray(37, 41))).toBe("pHYs");
    expect(view.getUint32(41)).toBe(11811);
    expect(stamped[49]).toBe(1);
  });

  it("refuses bytes that are not a PNG", () => {
    expect(() => withPngDpi(new Uint8Array(40), 300)).toThrow(/not a PNG/);
  });
});

describe("CSS colours", () => {
  it.each([
    ["#b2182b", { red: 178 / 255, green: 24 / 255, blue: 43 / 255, alpha: 1 }],
    ["#fff", { red: 1, green: 1, blue: 1, alpha: 1 }],
    ["rgba(33, 102, 172, 0.55)", { red: 33 / 255, green: 102 / 255, blue: 172 / 255, alpha: 0.55 }],
    ["rgb(0 0 0)", { red: 0, green: 0, blue: 0, alpha: 1 }],
    ["not a colour", { red: 0, green: 0, blue: 0, alpha: 1 }],
  ])("%s", (css, expected) => {
    const colour = parseCssColour(css);
    for (const channel of ["red", "green", "blue", "alpha"] as const) expect(colour[channel]).toBeCloseTo(expected[channel], 6);
  });
});
