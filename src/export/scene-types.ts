// A sheet as a list of drawing items in sheet units (1/96 inch, y down): one description that the
// canvas painter (preview and PNG) and the PDF painter both draw, so the two cannot differ.

export type MeasureText = (text: string, size: number, bold: boolean) => number;

interface Paint {
  /** CSS colour; omitted: not filled. */
  fill?: string;
  /** CSS colour; omitted: not stroked. */
  stroke?: string;
  /** Stroke width in sheet units. */
  lineWidth?: number;
}

export interface RectItem extends Paint {
  kind: "rect";
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PathItem extends Paint {
  kind: "path";
  points: ReadonlyArray<readonly [number, number]>;
  closed: boolean;
}

export interface CircleItem extends Paint {
  kind: "circle";
  x: number;
  y: number;
  radius: number;
}

export interface TextItem {
  kind: "text";
  /** Start of the baseline (left end), or the point the text turns about when rotated. */
  x: number;
  y: number;
  text: string;
  size: number;
  bold: boolean;
  colour: string;
  /** Advance width measured with the sheet font, in sheet units: the PDF fits its text to it. */
  width: number;
  /** Degrees clockwise about (x, y). */
  rotation?: number;
  opacity?: number;
  /** What the text is, for tests and the PDF's structure (title, legend, …). */
  role?: string;
}

export interface MapItem {
  kind: "map";
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A QR code: dark modules of a square matrix, `cell` units each. */
export interface CellsItem {
  kind: "cells";
  x: number;
  y: number;
  cell: number;
  modules: ReadonlyArray<ReadonlyArray<boolean>>;
  colour: string;
}

export type SheetItem = RectItem | PathItem | CircleItem | TextItem | MapItem | CellsItem;

export interface SheetScene {
  width: number;
  height: number;
  items: SheetItem[];
}

/** Baseline offset from the top of a line box, as a share of the font size (Noto Sans CJK's em box). */
export const BASELINE = 0.88;

export const SHEET_FONTS = '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

export const INK = "#1f2a33";
export const MUTED = "#5d6b77";
export const HAIRLINE = "#c9d0d6";
