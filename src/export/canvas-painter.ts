// Paints a sheet scene on a 2D canvas at a density (pixels per sheet unit): the preview and the
// PNG both come from here. The map is copied pixel for pixel, never resampled. The caller owns the
// canvas; nothing here touches the document.
import { cellRuns } from "./cell-runs.ts";
import { framePixels, type Frame } from "./sheet-layout.ts";
import { SHEET_FONTS, type CellsItem, type SheetItem, type SheetScene } from "./scene-types.ts";

export function fontOf(size: number, bold: boolean): string {
  return `${bold ? 700 : 400} ${size}px ${SHEET_FONTS}`;
}

function paintShape(context: CanvasRenderingContext2D, item: Extract<SheetItem, { fill?: string }>): void {
  context.beginPath();
  if (item.kind === "rect") context.rect(item.x, item.y, item.width, item.height);
  else if (item.kind === "circle") context.arc(item.x, item.y, item.radius, 0, 2 * Math.PI);
  else {
    item.points.forEach(([x, y], index) => (index === 0 ? context.moveTo(x, y) : context.lineTo(x, y)));
    if (item.closed) context.closePath();
  }
  if (item.fill) {
    context.fillStyle = item.fill;
    context.fill();
  }
  if (item.stroke) {
    context.strokeStyle = item.stroke;
    context.lineWidth = item.lineWidth ?? 1;
    context.stroke();
  }
}

/** QR modules on whole device pixels, so neighbouring modules leave no hairline seams. */
function paintCells(context: CanvasRenderingContext2D, item: CellsItem, density: number): void {
  context.save();
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.fillStyle = item.colour;
  const edge = (units: number) => Math.round(units * density);
  for (const run of cellRuns(item.modules)) {
    const x = edge(item.x + run.from * item.cell);
    const y = edge(item.y + run.row * item.cell);
    context.fillRect(x, y, edge(item.x + run.to * item.cell) - x, edge(item.y + (run.row + 1) * item.cell) - y);
  }
  context.restore();
}

function paintMap(context: CanvasRenderingContext2D, frame: Frame, density: number, map: CanvasImageSource | null): void {
  const pixels = framePixels(frame, density);
  context.save();
  context.setTransform(1, 0, 0, 1, 0, 0);
  if (map) context.drawImage(map, pixels.x, pixels.y);
  else {
    context.fillStyle = "#e6eaee";
    context.fillRect(pixels.x, pixels.y, pixels.width, pixels.height);
  }
  context.restore();
}

export function paintScene(context: CanvasRenderingContext2D, scene: SheetScene, density: number, map: CanvasImageSource | null): void {
  context.setTransform(density, 0, 0, density, 0, 0);
  context.lineJoin = "round";
  context.textBaseline = "alphabetic";
  for (const item of scene.items) {
    if (item.kind === "map") paintMap(context, item, density, map);
    else if (item.kind === "cells") paintCells(context, item, density);
    else if (item.kind === "text") {
      context.save();
      context.font = fontOf(item.size, item.bold);
      context.fillStyle = item.colour;
      if (item.opacity !== undefined) context.globalAlpha = item.opacity;
      context.translate(item.x, item.y);
      if (item.rotation) context.rotate((item.rotation * Math.PI) / 180);
      context.fillText(item.text, 0, 0);
      context.restore();
    } else paintShape(context, item);
  }
  context.setTransform(1, 0, 0, 1, 0, 0);
}
