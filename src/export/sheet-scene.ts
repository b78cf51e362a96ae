// Composes a whole sheet from its content: heading, map, legend, KPI box, gap table, QR code,
// source note, scale bar, north arrow and watermark, as scene items in sheet units.
import { legendRowCount, legendScene, type SheetLegendGroup } from "./legend-scene.ts";
import { northArrowScene, scaleBarScene, watermarkScene } from "./map-furniture.ts";
import { gapTableScene, kpiScene, qrScene, type GapTableContent, type KpiContent, type QrContent } from "./panel-scene.ts";
import { fitSize, lineAt } from "./scene-text.ts";
import { HAIRLINE, INK, MUTED, type MeasureText, type SheetItem, type SheetScene } from "./scene-types.ts";
import type { SheetCamera } from "./map-camera.ts";
import { metresPerMapPixel } from "./scale-bar.ts";
import { sheetLayout, SOURCE_LINE_HEIGHT, type Frame, type SheetLayout } from "./sheet-layout.ts";
import { wrapText } from "./text-fit.ts";

export interface SheetContent {
  language: "zh" | "en";
  title: string;
  subtitle: string;
  /** "数据截至 2026-06-30". */
  asOf: string;
  /** When the sheet was made: "制图 2026-11-25 14:05". */
  madeOn: string;
  legendHeading: string;
  legend: readonly SheetLegendGroup[];
  kpi: KpiContent;
  /** Atlas pages only. */
  gaps: GapTableContent | null;
  qr: QrContent | null;
  /** Source note paragraphs; emphasised ones (the synthetic-data note) print in red. */
  sources: ReadonlyArray<{ text: string; emphasis: boolean }>;
  /** "北" or "N". */
  northLetter: string;
  /** Paper sheets print the representative fraction under the scale bar. */
  showRatio: boolean;
  watermark: string | null;
}

export interface ComposedSheet {
  scene: SheetScene;
  layout: SheetLayout;
  /** Where the map looks, as `frameCamera` chose it for the laid-out map frame. */
  camera: SheetCamera;
}

const SOURCE_SIZE = 0.72;

function sourceLines(content: SheetContent, width: number, unit: number, measure: MeasureText) {
  return content.sources.flatMap((paragraph) =>
    wrapText(paragraph.text, SOURCE_SIZE * unit, paragraph.emphasis, width, measure).map((text) => ({ text, emphasis: paragraph.emphasis })),
  );
}

function headingScene(content: SheetContent, layout: SheetLayout, measure: MeasureText): SheetItem[] {
  const { unit, title, subtitle, asOf, rule } = layout;
  const titleSize = fitSize(measure, content.title, 2.2 * unit, 1.5 * unit, true, title.width - unit);
  return [
    lineAt(measure, content.title, title.x, title.y + (2.2 * unit - titleSize) / 2, {
      size: titleSize,
      bold: true,
      colour: INK,
      maxWidth: title.width - unit,
      role: "title",
    }),
    lineAt(measure, content.subtitle, subtitle.x, subtitle.y, { size: 1.1 * unit, colour: MUTED, maxWidth: subtitle.width - unit, role: "subtitle" }),
    lineAt(measure, content.asOf, asOf.x + asOf.width, asOf.y, {
      size: 0.95 * unit,
      bold: true,
      colour: INK,
      align: "right",
      maxWidth: asOf.width,
      role: "as-of",
    }),
    lineAt(measure, content.madeOn, asOf.x + asOf.width, asOf.y + 1.5 * unit, {
      size: 0.72 * unit,
      colour: MUTED,
      align: "right",
      maxWidth: asOf.width,
      role: "made-on",
    }),
    { kind: "rect", x: rule.x, y: rule.y, width: rule.width, height: 0.12 * unit, fill: "#7f1020" },
  ];
}

/**
 * Lays the sheet out and draws everything but the map's pixels. `frameCamera` chooses the map's
 * camera once the map frame's size (sheet units) is known: the screen's view or a unit's bounds.
 */
export function composeSheet(
  size: { widthUnits: number; heightUnits: number },
  content: SheetContent,
  measure: MeasureText,
  frameCamera: (frame: Frame) => SheetCamera,
): ComposedSheet {
  const kpiEntries = content.kpi.entries.length;
  const draft = sheetLayout(size, { qr: content.qr !== null, gaps: content.gaps !== null, sourceLines: 1, legendRows: 0, kpiEntries });
  const lines = sourceLines(content, draft.source.width, draft.unit, measure);
  const layout = sheetLayout(size, {
    qr: content.qr !== null,
    gaps: content.gaps !== null,
    sourceLines: lines.length,
    legendRows: legendRowCount(content.legend),
    kpiEntries,
  });
  const { unit, map } = layout;
  const camera = frameCamera(map);
  const metresPerUnit = metresPerMapPixel(camera.latitude, camera.zoom) / camera.scale;
  const items: SheetItem[] = [
    { kind: "rect", x: 0, y: 0, width: layout.width, height: layout.height, fill: "#ffffff" },
    { kind: "map", x: map.x, y: map.y, width: map.width, height: map.height },
    { kind: "rect", x: map.x, y: map.y, width: map.width, height: map.height, stroke: INK, lineWidth: 0.08 * unit },
    ...scaleBarScene({ metresPerUnit, language: content.language, showRatio: content.showRatio }, layout.scaleBar, unit, measure),
    ...northArrowScene(content.northLetter, camera.bearing, layout.northArrow, unit, measure),
    ...headingScene(content, layout, measure),
    ...legendScene(content.legend, content.legendHeading, layout.legend, unit, measure),
    ...kpiScene(content.kpi, layout.kpi, unit, measure),
  ];
  if (content.gaps && layout.gaps) items.push(...gapTableScene(content.gaps, layout.gaps, unit, measure));
  if (content.qr && layout.qr) items.push(...qrScene(content.qr, layout.qr, unit, measure));
  items.push({ kind: "rect", x: layout.source.x, y: layout.source.y - 0.35 * unit, width: layout.source.width, height: 0.04 * unit, fill: HAIRLINE });
  lines.forEach((line, index) => {
    const top = layout.source.y + index * SOURCE_LINE_HEIGHT * unit + 0.12 * unit;
    items.push(
      lineAt(measure, line.text, layout.source.x, top, {
        size: SOURCE_SIZE * unit,
        bold: line.emphasis,
        colour: line.emphasis ? "#8a1c1c" : MUTED,
        role: "source",
      }),
    );
  });
  if (content.watermark) items.push(...watermarkScene(content.watermark, layout.watermark, unit, measure));
  return { scene: { width: layout.width, height: layout.height, items }, layout, camera };
}
