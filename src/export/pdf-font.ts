// The font a snapshot PDF embeds: the shipped CJK sans font, subset to the glyphs on the pages,
// so the PDF prints the same on a machine without any Chinese font. Text in it is written as
// 2-byte glyph ids (Identity-H); a ToUnicode map keeps it selectable and searchable.
import { create, registerFormat, type Font, type Glyph } from "fontkit/core";
import { TTFFont } from "fontkit/formats/TTFFont";

registerFormat(TTFFont);

/** A parsed font that can answer which characters it holds and cut subsets of itself. */
export interface SheetFont {
  readonly font: Font;
  /** The glyph for a character, or null when the font lacks it (the PDF then names a system font for it). */
  glyph(character: string): Glyph | null;
}

export function parseSheetFont(bytes: Uint8Array): SheetFont {
  const font = create(bytes);
  if (!("createSubset" in font)) throw new Error("the sheet font file holds a font collection, not one font");
  const cache = new Map<string, Glyph | null>();
  return {
    font,
    glyph(character) {
      let glyph = cache.get(character);
      if (glyph === undefined) {
        const codePoint = character.codePointAt(0) ?? 0;
        glyph = font.hasGlyphForCodePoint(codePoint) ? font.glyphForCodePoint(codePoint) : null;
        cache.set(character, glyph);
      }
      return glyph;
    },
  };
}

/** One embedded subset: what the writer puts in the file and what the painter writes in content. */
export interface EmbeddedFont {
  /** Subset tag and PostScript name, e.g. "PBMAAB+NotoSansCJKsc-Regular". */
  baseFont: string;
  /** The subset as a bare CFF table (FontFile3 /CIDFontType0C). */
  cff: Uint8Array;
  /** Advance widths in 1/1000 em, by subset glyph id (= CID). */
  widths: number[];
  /** Subset glyph id of each character the subset holds. */
  ids: ReadonlyMap<string, number>;
  toUnicode: string;
  descriptor: { bbox: [number, number, number, number]; ascent: number; descent: number; capHeight: number };
}

const hex4 = (value: number) => value.toString(16).toUpperCase().padStart(4, "0");
const utf16 = (character: string) => Array.from({ length: character.length }, (_, index) => hex4(character.charCodeAt(index))).join("");

/** A six-letter subset tag that follows from the characters, so the same page gives the same file. */
function subsetTag(characters: readonly string[]): string {
  let hash = 2166136261;
  for (const character of characters) hash = Math.imul(hash ^ (character.codePointAt(0) ?? 0), 16777619) >>> 0;
  let tag = "";
  for (let index = 0; index < 6; index += 1) {
    tag += String.fromCharCode(65 + (hash % 26));
    hash = Math.floor(hash / 26) + index * 7919;
  }
  return tag;
}

function toUnicodeCMap(ids: ReadonlyMap<string, number>): string {
  const entries = [...ids].map(([character, id]) => `<${hex4(id)}> <${utf16(character)}>`);
  const blocks: string[] = [];
  // A bfchar block holds at most 100 entries.
  for (let start = 0; start < entries.length; start += 100) {
    const block = entries.slice(start, start + 100);
    blocks.push(`${block.length} beginbfchar\n${block.join("\n")}\nendbfchar`);
  }
  return [
    "/CIDInit /ProcSet findresource begin",
    "12 dict begin",
    "begincmap",
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
    "/CMapName /Adobe-Identity-UCS def",
    "/CMapType 2 def",
    "1 begincodespacerange",
    "<0000> <FFFF>",
    "endcodespacerange",
    ...blocks,
    "endcmap",
    "CMapName currentdict /CMap defineresource pop",
    "end",
    "end",
  ].join("\n");
}

/** The subset of `font` holding the given characters (those it has); glyph 0 (.notdef) comes first. */
export function embedSubset(sheetFont: SheetFont, characters: Iterable<string>): EmbeddedFont {
  const { font } = sheetFont;
  const subset = font.createSubset();
  const scale = 1000 / font.unitsPerEm;
  // Code point 0 has no glyph of its own, so fontkit answers with .notdef (glyph 0).
  const widths: number[] = [Math.round(font.glyphForCodePoint(0).advanceWidth * scale) || 1000];
  const ids = new Map<string, number>();
  const byGlyph = new Map<number, number>();
  const sorted = [...new Set(characters)].toSorted();
  for (const character of sorted) {
    const glyph = sheetFont.glyph(character);
    if (!glyph) continue;
    let id = byGlyph.get(glyph.id);
    if (id === undefined) {
      id = subset.includeGlyph(glyph);
      byGlyph.set(glyph.id, id);
      widths[id] = Math.round(glyph.advanceWidth * scale);
    }
    ids.set(character, id);
  }
  const { bbox } = font;
  return {
    baseFont: `${subsetTag(sorted)}+${font.postscriptName}`,
    cff: subset.encode(),
    widths,
    ids,
    toUnicode: toUnicodeCMap(ids),
    descriptor: {
      bbox: [bbox.minX, bbox.minY, bbox.maxX, bbox.maxY].map((value) => Math.round(value * scale)) as [number, number, number, number],
      ascent: Math.round(font.ascent * scale),
      descent: Math.round(font.descent * scale),
      capHeight: Math.round(font.capHeight * scale),
    },
  };
}
