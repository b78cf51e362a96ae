// One line of text placed in a box: measured, shortened to fit and aligned, as a scene item.
import { BASELINE, type MeasureText, type TextItem } from "./scene-types.ts";
import { ellipsize } from "./text-fit.ts";

export interface LineOptions {
  size: number;
  bold?: boolean;
  colour: string;
  align?: "left" | "right" | "center";
  /** Widest the text may be, in sheet units; longer text ends in "…". */
  maxWidth?: number;
  role?: string;
}

/**
 * A text item whose line box starts at `top`; `x` is the left edge, the right edge or the centre
 * depending on `align`.
 */
export function lineAt(measure: MeasureText, text: string, x: number, top: number, options: LineOptions): TextItem {
  const bold = options.bold ?? false;
  const fitted = options.maxWidth === undefined ? text : ellipsize(text, options.size, bold, options.maxWidth, measure);
  const width = measure(fitted, options.size, bold);
  const align = options.align ?? "left";
  const left = align === "left" ? x : align === "right" ? x - width : x - width / 2;
  const item: TextItem = { kind: "text", x: left, y: top + BASELINE * options.size, text: fitted, size: options.size, bold, colour: options.colour, width };
  if (options.role) item.role = options.role;
  return item;
}

/** The largest size not above `size` (and not below `minimum`) at which the text fits `maxWidth`. */
export function fitSize(measure: MeasureText, text: string, size: number, minimum: number, bold: boolean, maxWidth: number): number {
  const width = measure(text, size, bold);
  if (width <= maxWidth) return size;
  return Math.max(minimum, (size * maxWidth) / width);
}
