// Text widths for laying out a sheet, measured by the browser's own text engine on a scratch canvas,
// so the layout, the preview and the PNG agree on where every line breaks.
import { fontOf } from "../../export/canvas-painter.ts";
import type { MeasureText } from "../../export/scene-types.ts";

/** Text widths in sheet units, measured once at 100 px and scaled, so every density agrees. */
export function canvasMeasure(): MeasureText {
  const context = document.createElement("canvas").getContext("2d");
  if (!context) throw new Error("no 2D canvas context");
  const cache = new Map<string, number>();
  return (text, size, bold) => {
    const key = `${bold ? 1 : 0}${text}`;
    let width = cache.get(key);
    if (width === undefined) {
      context.font = fontOf(100, bold);
      width = context.measureText(text).width;
      cache.set(key, width);
    }
    return (width * size) / 100;
  };
}
