// The two exports the composer offers: the current view as one sheet (PNG or PDF), and an atlas
// of one PDF page per street or community, each framed on its unit with its KPIs and gap list.
import type { Gap } from "../../domain/gaps.ts";
import { engineClient } from "../data/engine-client.ts";
import type { AtlasUnit } from "../../domain/atlas-units.ts";
import { downloadBlob, exportFileName } from "./download.ts";
import { focusFeatures } from "../../export/export-style.ts";
import { cameraForBounds } from "../../export/map-camera.ts";
import type { Preset } from "../../export/presets.ts";
import { framePixels, type Frame, type SheetLayout } from "../../export/sheet-layout.ts";
import { qrModules } from "../../export/qr.ts";
import { pdfFile, pdfSheet, pngBlob, renderSheet, type PdfFile, type SheetRequest } from "./sheet-export.ts";
import { defaultTitle, gapTableContent, kpiContent, sheetContent, type SheetContentInput } from "./sheet-content.ts";
import { unitPermalink, type SnapshotFormat } from "../../export/snapshot-query.ts";
import type { SnapshotSession } from "./use-snapshot-session.ts";

export interface ExportResult {
  fileName: string;
  bytes: number;
  /** Milliseconds: the whole export; waiting for a preview still drawing; drawing maps; encoding the file. */
  totalMs: number;
  waitMs: number;
  mapMs: number;
  encodeMs: number;
  tiles: number;
  /** Map tiles that failed and were asked for again (the export fails if they keep failing). */
  retries: number;
  pages: number;
  /** Where the map, legend, KPI box, title and QR code are on the (last) sheet, in its pixels: for tests. */
  frames: Record<string, Frame>;
  /** PDF only: characters left to the reader's fonts, and why no font was embedded (null when one was). */
  unembedded: string[];
  fontProblem: string | null;
}

const fontFacts = (pdf: PdfFile | null) => ({ unembedded: pdf?.unembedded ?? [], fontProblem: pdf?.fontProblem ?? null });

function pixelFrames(layout: SheetLayout, density: number): Record<string, Frame> {
  const named = { map: layout.map, legend: layout.legend, kpi: layout.kpi, title: layout.title, qr: layout.qr, gaps: layout.gaps };
  return Object.fromEntries(Object.entries(named).flatMap(([name, frame]) => (frame ? [[name, framePixels(frame, density)]] : [])));
}

const GAP_ROWS = 25;

export async function exportSheet(session: SnapshotSession, request: SheetRequest, format: SnapshotFormat, language: string): Promise<ExportResult> {
  const started = performance.now();
  return session.run(async (renderer) => {
    const waitMs = performance.now() - started;
    const sheet = await renderSheet(renderer, session.measure, request, request.preset.density);
    const encoding = performance.now();
    const pdf = format === "pdf" ? await pdfFile([await pdfSheet(sheet)], request.preset, session.measure, request.content.title, language) : null;
    const blob = pdf ? pdf.blob : await pngBlob(sheet, request.preset);
    const encodeMs = performance.now() - encoding;
    const fileName = exportFileName(request.content.title, request.preset.name, format);
    downloadBlob(blob, fileName);
    return {
      fileName,
      bytes: blob.size,
      totalMs: performance.now() - started,
      waitMs,
      mapMs: sheet.mapMs,
      encodeMs,
      tiles: renderer.lastTileCount,
      retries: renderer.lastRetries,
      pages: 1,
      frames: pixelFrames(sheet.layout, sheet.density),
      ...fontFacts(pdf),
    };
  });
}

async function unitGaps(manifestUrl: string, code: string): Promise<{ total: number; items: Gap[] } | null> {
  try {
    return await engineClient(manifestUrl).gaps({ areaCode: code }, GAP_ROWS);
  } catch {
    // The engine has no dataset yet (still computing) or none at all (tiled data).
    return null;
  }
}

export interface AtlasRequest {
  /** The dataset whose engine lists each page's gaps. */
  manifestUrl: string;
  preset: Preset;
  units: readonly AtlasUnit[];
  /** Everything a page shares with the single sheet; title, KPIs, gaps and QR are per unit. */
  base: Omit<SheetContentInput, "kpi" | "gaps" | "qr">;
  permalink: string;
  fileTitle: string;
  language: string;
  onProgress: (page: number, total: number) => void;
  signal: AbortSignal;
}

export async function exportAtlas(session: SnapshotSession, request: AtlasRequest): Promise<ExportResult> {
  const started = performance.now();
  const { preset, units, base } = request;
  const t = base.t;
  return session.run(async (renderer) => {
    const waitMs = performance.now() - started;
    const pages = [];
    let mapMs = 0;
    let retries = 0;
    let frames: Record<string, Frame> = {};
    for (const [index, unit] of units.entries()) {
      request.signal.throwIfAborted();
      request.onProgress(index + 1, units.length);
      // The QR opens the live map on this unit with its card, framed for a typical laptop screen.
      const screen = cameraForBounds(unit.bbox, { width: 1200, height: 760 }, 40);
      const link = unitPermalink(request.permalink, unit, screen);
      const content = sheetContent({
        ...base,
        settings: { ...base.settings, title: defaultTitle(unit.name, t) },
        kpi: kpiContent(unit.name, unit.report, t),
        gaps: gapTableContent(await unitGaps(request.manifestUrl, unit.code), t),
        qr: base.settings.qr ? await qrModules(link) : null,
      });
      const sheet = await renderSheet(
        renderer,
        session.measure,
        {
          preset,
          content,
          style: session.atlasStyle,
          focus: focusFeatures(unit.geometry),
          frameCamera: (frame) => cameraForBounds(unit.bbox, frame, 0.05 * Math.min(frame.width, frame.height)),
        },
        preset.density,
      );
      mapMs += sheet.mapMs;
      retries += renderer.lastRetries;
      frames = pixelFrames(sheet.layout, sheet.density);
      pages.push(await pdfSheet(sheet));
    }
    const encoding = performance.now();
    // Text is set once every page is known, so one font subset serves them all.
    const pdf = await pdfFile(pages, preset, session.measure, request.fileTitle, request.language);
    const blob = pdf.blob;
    const encodeMs = performance.now() - encoding;
    const fileName = exportFileName(request.fileTitle, preset.name, "pdf");
    downloadBlob(blob, fileName);
    return {
      fileName,
      bytes: blob.size,
      totalMs: performance.now() - started,
      waitMs,
      mapMs,
      encodeMs,
      tiles: renderer.lastTileCount,
      retries,
      pages: pages.length,
      frames,
      ...fontFacts(pdf),
    };
  });
}
