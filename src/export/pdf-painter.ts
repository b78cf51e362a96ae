// Turns a sheet scene into PDF content operators: shapes and QR modules as vector paths, text as
// real text in the embedded CJK subset (fitted to the width the canvas measured), the map as an image.
import { cellRuns } from "./cell-runs.ts";
import { parseCssColour } from "./css-colour.ts";
import type { EmbeddedFont } from "./pdf-font.ts";
import { opacityName, PDF_FONTS, utf16Hex } from "./pdf-writer.ts";
import type { CellsItem, SheetItem, SheetScene, TextItem } from "./scene-types.ts";

const KAPPA = 0.5522847498;
const number = (value: number) => (Math.abs(value) < 1e-6 ? "0" : Number(value.toFixed(3)).toString());

export interface PaintedPage {
  content: string;
  opacities: number[];
}

/** Advance widths of characters in the sheet font (1/1000 em), regular and bold, as the browser measured them. */
export interface GlyphWidths {
  regular: ReadonlyMap<string, number>;
  bold: ReadonlyMap<string, number>;
}

const isAscii = (character: string) => character >= " " && character <= "~";

/** A stretch of text in one font: its resource name and its TJ operand. */
export interface TextRun {
  font: string;
  operand: string;
}

const hex4 = (value: number) => value.toString(16).toUpperCase().padStart(4, "0");

/**
 * Text as TJ runs that put every glyph where the browser put it. Characters the embedded subset
 * holds are written as its glyph ids and advance by its widths; the rest fall back to the named
 * font, which advances ASCII by the measured widths (its /W array) and everything else by 1 em.
 * Wherever the font's own advance differs from the measured one, a position adjustment makes up
 * the difference.
 */
export function positionedText(
  text: string,
  widths: ReadonlyMap<string, number>,
  embedded: Pick<EmbeddedFont, "ids" | "widths"> | null,
  fallback: string = PDF_FONTS.regular,
): { runs: TextRun[]; advance: number } {
  const runs: TextRun[] = [];
  let font = "";
  let parts: string[] = [];
  let pending = "";
  let advance = 0;
  const flushHex = () => {
    if (pending) parts.push(`<${pending}>`);
    pending = "";
  };
  const flushRun = () => {
    flushHex();
    if (parts.length > 0) runs.push({ font, operand: `[${parts.join(" ")}]` });
    parts = [];
  };
  for (const character of text) {
    const id = embedded?.ids.get(character);
    const runFont = id === undefined ? fallback : PDF_FONTS.embedded;
    if (runFont !== font) {
      flushRun();
      font = runFont;
    }
    const wanted = widths.get(character) ?? 1000;
    const natural = id !== undefined ? (embedded?.widths[id] ?? 1000) : isAscii(character) ? wanted : 1000;
    pending += id !== undefined ? hex4(id) : utf16Hex(character).slice(1, -1);
    advance += wanted;
    const adjustment = Math.round(natural - wanted);
    if (adjustment !== 0) {
      flushHex();
      parts.push(String(adjustment));
    }
  }
  flushRun();
  return { runs, advance: advance / 1000 };
}

/** Extra outline width that embolds regular glyphs for bold text, as a share of the font size. */
export const FAUX_BOLD_STROKE = 0.04;

class ContentBuilder {
  readonly parts: string[] = [];
  readonly opacities = new Set<number>();

  colour(css: string, stroke: boolean, extraOpacity = 1): void {
    const { red, green, blue, alpha } = parseCssColour(css);
    const opacity = Math.round(alpha * extraOpacity * 100) / 100;
    if (opacity < 1) {
      this.opacities.add(opacity);
      this.parts.push(`/${opacityName(opacity)} gs`);
    }
    this.parts.push(`${number(red)} ${number(green)} ${number(blue)} ${stroke ? "RG" : "rg"}`);
  }

  outline(item: Exclude<SheetItem, TextItem | CellsItem | { kind: "map" }>): string {
    if (item.kind === "rect") return `${number(item.x)} ${number(item.y)} ${number(item.width)} ${number(item.height)} re`;
    if (item.kind === "circle") {
      const { x, y, radius: r } = item;
      const k = KAPPA * r;
      return [
        `${number(x + r)} ${number(y)} m`,
        `${number(x + r)} ${number(y + k)} ${number(x + k)} ${number(y + r)} ${number(x)} ${number(y + r)} c`,
        `${number(x - k)} ${number(y + r)} ${number(x - r)} ${number(y + k)} ${number(x - r)} ${number(y)} c`,
        `${number(x - r)} ${number(y - k)} ${number(x - k)} ${number(y - r)} ${number(x)} ${number(y - r)} c`,
        `${number(x + k)} ${number(y - r)} ${number(x + r)} ${number(y - k)} ${number(x + r)} ${number(y)} c h`,
      ].join(" ");
    }
    const path = item.points.map(([x, y], index) => `${number(x)} ${number(y)} ${index === 0 ? "m" : "l"}`).join(" ");
    return item.closed ? `${path} h` : path;
  }

  shape(item: Exclude<SheetItem, TextItem | CellsItem | { kind: "map" }>): void {
    const outline = this.outline(item);
    if (item.fill) {
      this.parts.push("q");
      this.colour(item.fill, false);
      this.parts.push(`${outline} f`, "Q");
    }
    if (item.stroke) {
      this.parts.push("q");
      this.colour(item.stroke, true);
      this.parts.push(`${number(item.lineWidth ?? 1)} w 1 j ${outline} S`, "Q");
    }
  }

  text(item: TextItem, glyphs: GlyphWidths, embedded: EmbeddedFont | null): void {
    const fallback = item.bold ? PDF_FONTS.bold : PDF_FONTS.regular;
    const { runs, advance } = positionedText(item.text, item.bold ? glyphs.bold : glyphs.regular, embedded, fallback);
    // Whole-string measurement includes kerning; scale the run to it so right edges line up.
    const natural = item.size * advance;
    const scaling = natural > 0 ? (100 * item.width) / natural : 100;
    const angle = ((item.rotation ?? 0) * Math.PI) / 180;
    const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
    this.parts.push("q");
    this.colour(item.colour, false, item.opacity ?? 1);
    // The subset has one weight: bold text is filled and outlined in its own colour.
    const fauxBold = item.bold && runs.some((run) => run.font === PDF_FONTS.embedded);
    if (fauxBold) {
      this.colour(item.colour, true, item.opacity ?? 1);
      this.parts.push(`${number(item.size * FAUX_BOLD_STROKE)} w 1 j`);
    }
    // The page is drawn y-down, so the text matrix flips glyphs back upright.
    this.parts.push(
      `BT ${number(scaling)} Tz${fauxBold ? " 2 Tr" : ""}`,
      `${number(cos)} ${number(sin)} ${number(sin)} ${number(-cos)} ${number(item.x)} ${number(item.y)} Tm`,
      ...runs.map((run) => `/${run.font} ${number(item.size)} Tf ${run.operand} TJ`),
      "ET",
      "Q",
    );
  }

  cells(item: CellsItem): void {
    const rects = cellRuns(item.modules).map(
      (run) =>
        `${number(item.x + run.from * item.cell)} ${number(item.y + run.row * item.cell)} ${number((run.to - run.from) * item.cell)} ${number(item.cell)} re`,
    );
    this.parts.push("q");
    this.colour(item.colour, false);
    this.parts.push(...rects, "f", "Q");
  }
}

/**
 * Content of one page of `widthPoints`: the scene scaled from sheet units to points, y down.
 * `mapImage` names the image resource drawn in the map frame; text uses the `embedded` subset
 * where it has the glyph.
 */
export function paintPdfPage(
  scene: SheetScene,
  widthPoints: number,
  heightPoints: number,
  mapImage: string,
  glyphs: GlyphWidths,
  embedded: EmbeddedFont | null,
): PaintedPage {
  const scale = widthPoints / scene.width;
  const builder = new ContentBuilder();
  builder.parts.push(`${number(scale)} 0 0 ${number(-scale)} 0 ${number(heightPoints)} cm`);
  for (const item of scene.items) {
    if (item.kind === "map")
      builder.parts.push(`q ${number(item.width)} 0 0 ${number(-item.height)} ${number(item.x)} ${number(item.y + item.height)} cm /${mapImage} Do Q`);
    else if (item.kind === "text") builder.text(item, glyphs, embedded);
    else if (item.kind === "cells") builder.cells(item);
    else builder.shape(item);
  }
  return { content: builder.parts.join("\n"), opacities: [...builder.opacities].toSorted((a, b) => a - b) };
}
