// The part of fontkit's API (no bundled types) that the PDF font subsetter uses.
declare module "fontkit/core" {
  export interface Glyph {
    readonly id: number;
    readonly advanceWidth: number;
  }
  export interface Subset {
    /** Adds a glyph of the source font; returns its id in the subset. */
    includeGlyph(glyph: number | Glyph): number;
    /** The subset: for a CFF font, a bare CFF table (PDF FontFile3, CIDFontType0C). */
    encode(): Uint8Array;
  }
  export interface Font {
    readonly postscriptName: string;
    readonly unitsPerEm: number;
    readonly ascent: number;
    readonly descent: number;
    readonly capHeight: number;
    readonly bbox: { minX: number; minY: number; maxX: number; maxY: number };
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
    createSubset(): Subset;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
  export function registerFormat(format: unknown): void;
}

declare module "fontkit/formats/TTFFont" {
  export const TTFFont: unknown;
}
