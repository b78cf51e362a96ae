// The side panels of a sheet: the KPI box, an atlas page's gap table and the permalink QR code.
import { palette } from "../layers/palette.ts";
import type { Frame } from "./sheet-layout.ts";
import { lineAt } from "./scene-text.ts";
import { HAIRLINE, INK, MUTED, type MeasureText, type SheetItem } from "./scene-types.ts";

export interface KpiContent {
  heading: string;
  entries: ReadonlyArray<{ label: string; value: string }>;
}

export interface GapTableContent {
  heading: string;
  /** Under the heading: how many gaps there are, given how many rows fit and are listed. */
  note: (listed: number) => string;
  headers: readonly [string, string, string, string];
  /** `colour` overrides the severity's dot (the meeting sheet's change kinds, in the map's colours). */
  rows: ReadonlyArray<{ rank: string; kind: string; unit: string; households: string; severity: "high" | "medium" | "low"; colour?: string }>;
  /** Shown instead of rows when the area has none or the list is unavailable. */
  empty: string;
}

export interface QrContent {
  modules: ReadonlyArray<ReadonlyArray<boolean>>;
  caption: string;
}

const SEVERITY_COLOUR = { high: palette.gapHigh, medium: palette.gapMedium, low: palette.gapLow } as const;

export function kpiScene(content: KpiContent, frame: Frame, unit: number, measure: MeasureText): SheetItem[] {
  const items: SheetItem[] = [
    { kind: "rect", x: frame.x, y: frame.y, width: frame.width, height: frame.height, fill: "#f4f6f8", stroke: HAIRLINE, lineWidth: 0.06 * unit },
  ];
  const pad = 0.7 * unit;
  items.push(
    lineAt(measure, content.heading, frame.x + pad, frame.y + pad, {
      size: unit,
      bold: true,
      colour: INK,
      maxWidth: frame.width - 2 * pad,
      role: "kpi-heading",
    }),
  );
  const top = frame.y + pad + 1.6 * unit;
  const columnWidth = (frame.width - 2 * pad) / 2;
  const rows = Math.ceil(content.entries.length / 2);
  const rowHeight = Math.min(2.7 * unit, (frame.y + frame.height - pad - top) / Math.max(1, rows));
  content.entries.forEach((entry, index) => {
    const x = frame.x + pad + (index % 2) * columnWidth;
    const y = top + Math.floor(index / 2) * rowHeight;
    items.push(lineAt(measure, entry.label, x, y, { size: 0.7 * unit, colour: MUTED, maxWidth: columnWidth - 0.5 * unit, role: "kpi-label" }));
    items.push(
      lineAt(measure, entry.value, x, y + 0.85 * unit, { size: 1.25 * unit, bold: true, colour: INK, maxWidth: columnWidth - 0.5 * unit, role: "kpi-value" }),
    );
  });
  return items;
}

export function gapTableScene(content: GapTableContent, frame: Frame, unit: number, measure: MeasureText): SheetItem[] {
  const items: SheetItem[] = [
    lineAt(measure, content.heading, frame.x, frame.y, { size: unit, bold: true, colour: INK, maxWidth: frame.width, role: "gaps-heading" }),
  ];
  const size = 0.72 * unit;
  const rowHeight = 1.3 * unit;
  const top = frame.y + 2.6 * unit;
  const fitting = Math.max(0, Math.floor((frame.y + frame.height - top - rowHeight) / rowHeight));
  const listed = Math.min(fitting, content.rows.length);
  items.push(
    lineAt(measure, content.note(listed), frame.x, frame.y + 1.4 * unit, { size: 0.7 * unit, colour: MUTED, maxWidth: frame.width, role: "gaps-note" }),
  );
  // Rank, kind, unit name, households (right-aligned); the kind column carries the severity dot.
  const rankWidth = 2.2 * unit;
  const householdsWidth = 4.2 * unit;
  const kindWidth = (frame.width - rankWidth - householdsWidth) * 0.46;
  const columns = [frame.x, frame.x + rankWidth, frame.x + rankWidth + kindWidth, frame.x + frame.width];
  const [rankX, kindX, unitX, rightX] = columns as [number, number, number, number];
  items.push({ kind: "rect", x: frame.x, y: top, width: frame.width, height: rowHeight, fill: "#e9edf0" });
  const [rank, kind, unitHeader, households] = content.headers;
  const headerTop = top + (rowHeight - size) / 2;
  items.push(lineAt(measure, rank, rankX + 0.3 * unit, headerTop, { size, bold: true, colour: INK, maxWidth: rankWidth - 0.3 * unit }));
  items.push(lineAt(measure, kind, kindX, headerTop, { size, bold: true, colour: INK, maxWidth: kindWidth - 0.4 * unit }));
  items.push(lineAt(measure, unitHeader, unitX, headerTop, { size, bold: true, colour: INK, maxWidth: rightX - householdsWidth - unitX }));
  items.push(lineAt(measure, households, rightX - 0.3 * unit, headerTop, { size, bold: true, colour: INK, align: "right" }));
  if (content.rows.length === 0) {
    items.push(
      lineAt(measure, content.empty, frame.x + 0.3 * unit, top + rowHeight + 0.4 * unit, { size, colour: MUTED, maxWidth: frame.width, role: "gaps-empty" }),
    );
    return items;
  }
  content.rows.slice(0, listed).forEach((row, index) => {
    const y = top + (index + 1) * rowHeight;
    if (index % 2 === 1) items.push({ kind: "rect", x: frame.x, y, width: frame.width, height: rowHeight, fill: "#f6f7f9" });
    const textTop = y + (rowHeight - size) / 2;
    items.push(lineAt(measure, row.rank, rankX + 0.3 * unit, textTop, { size, colour: MUTED }));
    items.push({
      kind: "circle",
      x: kindX + 0.3 * unit,
      y: y + rowHeight / 2,
      radius: 0.25 * unit,
      fill: row.colour ?? SEVERITY_COLOUR[row.severity],
      stroke: "rgba(0, 0, 0, 0.3)",
      lineWidth: 0.05 * unit,
    });
    items.push(lineAt(measure, row.kind, kindX + 0.8 * unit, textTop, { size, colour: INK, maxWidth: kindWidth - 1.2 * unit, role: "gap-kind" }));
    items.push(lineAt(measure, row.unit, unitX, textTop, { size, colour: INK, maxWidth: rightX - householdsWidth - unitX, role: "gap-unit" }));
    items.push(lineAt(measure, row.households, rightX - 0.3 * unit, textTop, { size, colour: INK, align: "right" }));
  });
  return items;
}

export function qrScene(content: QrContent, frame: Frame, unit: number, measure: MeasureText): SheetItem[] {
  const count = content.modules.length;
  if (count === 0) return [];
  const captionHeight = 1.2 * unit;
  const side = Math.min(frame.width, frame.height - captionHeight);
  const cell = side / count;
  const x = frame.x + (frame.width - side) / 2;
  return [
    { kind: "cells", x, y: frame.y, cell, modules: content.modules, colour: "#000000" },
    lineAt(measure, content.caption, frame.x + frame.width / 2, frame.y + side + 0.35 * unit, {
      size: 0.62 * unit,
      colour: MUTED,
      align: "center",
      maxWidth: frame.width,
      role: "qr-caption",
    }),
  ];
}
