// Renders sheets and encodes them: one path for the preview, the PNG and the PDF pages, so the
// preview is the export at a smaller density.
import type { FeatureCollection } from "geojson";
import type { StyleSpecification } from "maplibre-gl";
import { paintScene } from "../../export/canvas-painter.ts";
import type { SheetCamera } from "../../export/map-camera.ts";
import type { SnapshotMapRenderer } from "./map-renderer.ts";
import { paintPdfPage, type GlyphWidths } from "../../export/pdf-painter.ts";
import { writePdf, type PdfFontWidths, type PdfImage, type PdfPage } from "../../export/pdf-writer.ts";
import { withPngDpi } from "../../export/png-dpi.ts";
import { loadSheetFont } from "./sheet-font.ts";
import type { Preset } from "../../export/presets.ts";
import type { MeasureText, SheetItem, SheetScene } from "../../export/scene-types.ts";
import { composeSheet, type ComposedSheet, type SheetContent } from "../../export/sheet-scene.ts";
import { framePixels, type Frame } from "../../export/sheet-layout.ts";

export interface SheetRequest {
  preset: Preset;
  content: SheetContent;
  /** The map's camera for the laid-out map frame (sheet units). */
  frameCamera: (frame: Frame) => SheetCamera;
  style: StyleSpecification;
  /** Atlas pages: the unit outlined and the rest veiled. */
  focus: FeatureCollection | null;
}

export interface RenderedSheet extends ComposedSheet {
  map: HTMLCanvasElement;
  /** Pixels per sheet unit the map was drawn at. */
  density: number;
  /** Milliseconds spent drawing the map. */
  mapMs: number;
}

export async function renderSheet(renderer: SnapshotMapRenderer, measure: MeasureText, request: SheetRequest, density: number): Promise<RenderedSheet> {
  const composed = composeSheet(request.preset, request.content, measure, request.frameCamera);
  const pixels = framePixels(composed.layout.map, density);
  const started = performance.now();
  await renderer.setStyle(request.style);
  if (request.focus) renderer.setFocus(request.focus);
  const map = await renderer.render({ camera: composed.camera, widthPixels: pixels.width, heightPixels: pixels.height, density });
  return { ...composed, map, density, mapMs: performance.now() - started };
}

/** The whole sheet on one canvas of `width` × `height` pixels. */
export function sheetCanvas(sheet: RenderedSheet, width: number, height: number): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d");
  if (!context) throw new Error("no 2D canvas context for the sheet");
  paintScene(context, sheet.scene, sheet.density, sheet.map);
  return canvas;
}

function canvasBytes(canvas: HTMLCanvasElement, type: "image/png" | "image/jpeg", quality?: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => {
        if (!blob) reject(new Error(`the browser could not encode a ${canvas.width}×${canvas.height} px ${type}`));
        else void blob.arrayBuffer().then((buffer) => resolve(new Uint8Array(buffer)), reject);
      },
      type,
      quality,
    ),
  );
}

export async function pngBlob(sheet: RenderedSheet, preset: Preset): Promise<Blob> {
  const canvas = sheetCanvas(sheet, preset.widthPixels, preset.heightPixels);
  const png = withPngDpi(await canvasBytes(canvas, "image/png"), preset.dpi);
  return new Blob([png.slice().buffer], { type: "image/png" });
}

const ASCII = Array.from({ length: 95 }, (_, index) => String.fromCharCode(0x20 + index));

/** Advance widths (1/1000 em) of ASCII and of every character on the sheets, measured by the browser. */
export function glyphWidths(measure: MeasureText, scenes: ReadonlyArray<{ items: readonly SheetItem[] }>): GlyphWidths {
  const characters = new Set(ASCII);
  for (const scene of scenes) for (const item of scene.items) if (item.kind === "text") for (const character of item.text) characters.add(character);
  const table = (bold: boolean) => new Map([...characters].map((character) => [character, measure(character, 1000, bold)] as const));
  return { regular: table(false), bold: table(true) };
}

/** The ASCII widths the PDF font declares (its /W array), from the same measurements. */
export function pdfFontWidths(glyphs: GlyphWidths): PdfFontWidths {
  return { regular: ASCII.map((character) => glyphs.regular.get(character) ?? 500), bold: ASCII.map((character) => glyphs.bold.get(character) ?? 500) };
}

/** Map quality in the PDF: at 150–300 dpi JPEG artefacts stay below what print shows. */
const JPEG_QUALITY = 0.9;

/** One PDF page before its text is set: the scene and the map, already encoded. */
export interface PdfSheet {
  scene: SheetScene;
  map: PdfImage;
}

/** Encodes the sheet's map at once, so the renderer's canvas can draw the next page. */
export async function pdfSheet(sheet: RenderedSheet): Promise<PdfSheet> {
  const jpeg = await canvasBytes(sheet.map, "image/jpeg", JPEG_QUALITY);
  return { scene: sheet.scene, map: { name: "Map", widthPixels: sheet.map.width, heightPixels: sheet.map.height, jpeg } };
}

export interface PdfFile {
  blob: Blob;
  /** Characters the embedded font lacks, which the PDF leaves to a reader's system font. */
  unembedded: string[];
  /** Why no font is embedded at all, or null. */
  fontProblem: string | null;
}

/** The PDF of `sheets`, with the subset of the sheet font their text needs embedded. */
export async function pdfFile(sheets: readonly PdfSheet[], preset: Preset, measure: MeasureText, title: string, language: string): Promise<PdfFile> {
  const scenes = sheets.map((sheet) => sheet.scene);
  const glyphs = glyphWidths(measure, scenes);
  const characters = new Set<string>();
  for (const scene of scenes) for (const item of scene.items) if (item.kind === "text") for (const character of item.text) characters.add(character);
  const loaded = await loadSheetFont();
  const { embedSubset } = await import("../../export/pdf-font.ts");
  const embedded = loaded.font ? embedSubset(loaded.font, characters) : null;
  const pages: PdfPage[] = sheets.map((sheet) => {
    const painted = paintPdfPage(sheet.scene, preset.widthPoints, preset.heightPoints, sheet.map.name, glyphs, embedded);
    return { widthPoints: preset.widthPoints, heightPoints: preset.heightPoints, content: painted.content, opacities: painted.opacities, images: [sheet.map] };
  });
  const bytes = writePdf(pages, { title, language, widths: pdfFontWidths(glyphs), embedded });
  const unembedded = [...characters].filter((character) => character !== " " && !embedded?.ids.has(character));
  return { blob: new Blob([bytes.slice().buffer], { type: "application/pdf" }), unembedded, fontProblem: loaded.problem };
}
