// A small PDF 1.5 writer: pages of vector content over JPEG images, with text in an embedded
// subset of the shipped CJK font, so the sheet prints the same on a machine with no Chinese font.
// Characters that font lacks fall back to a CJK font that is named but not embedded (Adobe-GB1,
// UniGB-UTF16-H), which readers map to a system font; its ASCII advance widths are given per
// glyph so layout does not depend on the substitute. All text stays selectable and searchable.
import { zlibSync } from "fflate";
import type { EmbeddedFont } from "./pdf-font.ts";

export interface PdfImage {
  /** Resource name used by the page content, e.g. "Map". */
  name: string;
  widthPixels: number;
  heightPixels: number;
  /** Baseline JPEG bytes (DeviceRGB). */
  jpeg: Uint8Array;
}

export interface PdfPage {
  widthPoints: number;
  heightPoints: number;
  /** Content stream operators; ASCII only (text is written as hex). */
  content: string;
  images: readonly PdfImage[];
  /** Fill opacities the content selects with `/A<percent> gs`. */
  opacities: readonly number[];
}

export interface PdfFontWidths {
  /** Advance widths of U+0020…U+007E in 1/1000 em (95 entries), regular and bold. */
  regular: readonly number[];
  bold: readonly number[];
}

export interface PdfOptions {
  title: string;
  /** BCP 47 language of the text, e.g. "zh-CN". */
  language: string;
  widths: PdfFontWidths;
  /** The embedded subset the pages' `/F3` text uses; null when the font could not be loaded. */
  embedded: EmbeddedFont | null;
}

/** Resource names of the text fonts: the named fallbacks and the embedded subset. */
export const PDF_FONTS = { regular: "F1", bold: "F2", embedded: "F3" } as const;

export const opacityName = (opacity: number) => `A${Math.round(opacity * 100)}`;

/** A text string as UTF-16BE hex, for a Unicode CMap (and, with a byte-order mark, for /Info). */
export function utf16Hex(text: string, byteOrderMark = false): string {
  let hex = byteOrderMark ? "FEFF" : "";
  for (let index = 0; index < text.length; index += 1) hex += text.charCodeAt(index).toString(16).padStart(4, "0").toUpperCase();
  return `<${hex}>`;
}

const encoder = new TextEncoder();
const latin1 = (text: string) => Uint8Array.from(text, (character) => character.charCodeAt(0) & 0xff);

function fontObjects(bold: boolean, widths: readonly number[], first: number): string[] {
  const baseFont = bold ? "NotoSansCJKsc-Bold" : "NotoSansCJKsc-Regular";
  // Flags: symbolic (4), plus ForceBold (1 << 18) for the bold face. Panose: a sans-serif face,
  // which tells readers that substitute to choose a Hei (sans) font rather than a Song (serif) one.
  const flags = 4 + (bold ? 1 << 18 : 0);
  return [
    `<< /Type /Font /Subtype /Type0 /BaseFont /${baseFont} /Encoding /UniGB-UTF16-H /DescendantFonts [${first + 1} 0 R] >>`,
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /${baseFont} /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor ${first + 2} 0 R /DW 1000 /W [1 [${widths.map((width) => Math.round(width)).join(" ")}]] >>`,
    `<< /Type /FontDescriptor /FontName /${baseFont} /Flags ${flags} /FontBBox [-1002 -1048 2928 1808] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 733 /StemV ${bold ? 140 : 80} /FontWeight ${bold ? 700 : 400} /Style << /Panose <0000020B${bold ? "08" : "05"}00000000000000> >> >>`,
  ];
}

/** A stream object, deflated. */
function flateStream(bytes: Uint8Array, dictionary = ""): Uint8Array[] {
  const deflated = zlibSync(bytes, { level: 9 });
  return [latin1(`<< ${dictionary}/Filter /FlateDecode /Length ${deflated.length} >>\nstream\n`), deflated, latin1("\nendstream")];
}

/** The five objects of an embedded CID font, numbered from `first`. */
function embeddedFontObjects(font: EmbeddedFont, first: number): Array<string | Uint8Array[]> {
  const [minX, minY, maxX, maxY] = font.descriptor.bbox;
  return [
    `<< /Type /Font /Subtype /Type0 /BaseFont /${font.baseFont} /Encoding /Identity-H /DescendantFonts [${first + 1} 0 R] /ToUnicode ${first + 3} 0 R >>`,
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /${font.baseFont} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${first + 2} 0 R /DW 1000 /W [0 [${font.widths.map((width) => width ?? 0).join(" ")}]] >>`,
    `<< /Type /FontDescriptor /FontName /${font.baseFont} /Flags 4 /FontBBox [${minX} ${minY} ${maxX} ${maxY}] /ItalicAngle 0 /Ascent ${font.descriptor.ascent} /Descent ${font.descriptor.descent} /CapHeight ${font.descriptor.capHeight} /StemV 80 /FontFile3 ${first + 4} 0 R >>`,
    flateStream(encoder.encode(font.toUnicode)),
    flateStream(font.cff, "/Subtype /CIDFontType0C "),
  ];
}

export function writePdf(pages: readonly PdfPage[], options: PdfOptions): Uint8Array {
  const bodies: Array<string | Uint8Array[]> = [];
  const add = (body: string | Uint8Array[]) => {
    bodies.push(body);
    return bodies.length;
  };
  add(`<< /Type /Catalog /Pages 2 0 R /Lang (${options.language.replace(/[^A-Za-z0-9-]/g, "")}) >>`);
  add("PAGES");
  const regular = bodies.length + 1;
  fontObjects(false, options.widths.regular, regular).forEach(add);
  const bold = bodies.length + 1;
  fontObjects(true, options.widths.bold, bold).forEach(add);
  const embedded = bodies.length + 1;
  if (options.embedded) embeddedFontObjects(options.embedded, embedded).forEach(add);
  const fonts = `/${PDF_FONTS.regular} ${regular} 0 R /${PDF_FONTS.bold} ${bold} 0 R${options.embedded ? ` /${PDF_FONTS.embedded} ${embedded} 0 R` : ""}`;
  add(
    `<< /Title ${utf16Hex(options.title, true)} /Producer (party-building-map snapshot) /CreationDate (D:${new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14)}Z) >>`,
  );
  const info = bodies.length;
  const pageIds: number[] = [];
  for (const page of pages) {
    const imageIds = page.images.map((image) =>
      add([
        latin1(
          `<< /Type /XObject /Subtype /Image /Width ${image.widthPixels} /Height ${image.heightPixels} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${image.jpeg.length} >>\nstream\n`,
        ),
        image.jpeg,
        latin1("\nendstream"),
      ]),
    );
    const content = latin1(page.content);
    const contentId = add([latin1(`<< /Length ${content.length} >>\nstream\n`), content, latin1("\nendstream")]);
    const xObjects = page.images.map((image, index) => `/${image.name} ${imageIds[index]} 0 R`).join(" ");
    const states = page.opacities.map((opacity) => `/${opacityName(opacity)} << /Type /ExtGState /ca ${opacity} /CA ${opacity} >>`).join(" ");
    pageIds.push(
      add(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${page.widthPoints} ${page.heightPoints}] /Contents ${contentId} 0 R ` +
          `/Resources << /Font << ${fonts} >> /XObject << ${xObjects} >> /ExtGState << ${states} >> >> >>`,
      ),
    );
  }
  bodies[1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pageIds.length} >>`;

  const chunks: Uint8Array[] = [latin1("%PDF-1.5\n%\u00e2\u00e3\u00cf\u00d3\n")];
  let length = chunks[0]?.length ?? 0;
  const offsets: number[] = [];
  bodies.forEach((body, index) => {
    offsets.push(length);
    const parts = [latin1(`${index + 1} 0 obj\n`), ...(typeof body === "string" ? [encoder.encode(body)] : body), latin1("\nendobj\n")];
    for (const part of parts) {
      chunks.push(part);
      length += part.length;
    }
  });
  const xref = [`xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`, ...offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`)].join("");
  chunks.push(latin1(`${xref}trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R /Info ${info} 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
