// What a map sheet carries over its map: scale bar, north arrow and the optional watermark.
import type { Frame } from "./sheet-layout.ts";
import { lineAt } from "./scene-text.ts";
import { formatDistance, scaleBar, scaleDenominator } from "./scale-bar.ts";
import { INK, MUTED, type MeasureText, type SheetItem } from "./scene-types.ts";

export interface ScaleBarContent {
  /** Ground metres per sheet unit at the map's centre latitude. */
  metresPerUnit: number;
  language: "zh" | "en";
  /** Paper sheets also state the representative fraction (1 : N) at the printed size. */
  showRatio: boolean;
}

export function scaleBarScene(content: ScaleBarContent, frame: Frame, unit: number, measure: MeasureText): SheetItem[] {
  const pad = 0.5 * unit;
  const bar = scaleBar(content.metresPerUnit, frame.width - 2 * pad - 1.5 * unit);
  if (!bar) return [];
  const labelSize = 0.7 * unit;
  const ratio = content.showRatio ? `1 : ${scaleDenominator(content.metresPerUnit).toLocaleString("en-US")}` : null;
  const height = (ratio ? 3.4 : 2.4) * unit;
  const top = frame.y + frame.height - height;
  const label = formatDistance(bar.metres, content.language);
  const labelWidth = measure(label, labelSize, false);
  const width = Math.max(bar.length + labelWidth / 2, ratio ? measure(ratio, labelSize, false) : 0) + 2 * pad + 0.4 * unit;
  const items: SheetItem[] = [{ kind: "rect", x: frame.x, y: top, width, height, fill: "rgba(255, 255, 255, 0.85)" }];
  const barTop = top + pad + labelSize + 0.3 * unit;
  const barHeight = 0.4 * unit;
  const left = frame.x + pad + 0.2 * unit;
  const segment = bar.length / bar.segments;
  for (let index = 0; index < bar.segments; index += 1) {
    items.push({ kind: "rect", x: left + index * segment, y: barTop, width: segment, height: barHeight, fill: index % 2 === 0 ? INK : "#ffffff" });
  }
  items.push({ kind: "rect", x: left, y: barTop, width: bar.length, height: barHeight, stroke: INK, lineWidth: 0.06 * unit });
  items.push(lineAt(measure, "0", left, top + pad, { size: labelSize, colour: INK, align: "center" }));
  items.push(lineAt(measure, label, left + bar.length, top + pad, { size: labelSize, colour: INK, align: "center", role: "scale-label" }));
  if (ratio) items.push(lineAt(measure, ratio, left, barTop + barHeight + 0.35 * unit, { size: labelSize, colour: MUTED, role: "scale-ratio" }));
  return items;
}

function rotate(points: Array<[number, number]>, centre: [number, number], degrees: number): Array<[number, number]> {
  const angle = (degrees * Math.PI) / 180;
  const [cx, cy] = centre;
  return points.map(([x, y]) => [cx + (x - cx) * Math.cos(angle) - (y - cy) * Math.sin(angle), cy + (x - cx) * Math.sin(angle) + (y - cy) * Math.cos(angle)]);
}

/** A split arrow pointing to north: turned against the map's bearing, so it stays true. */
export function northArrowScene(letter: string, bearing: number, frame: Frame, unit: number, measure: MeasureText): SheetItem[] {
  const centre: [number, number] = [frame.x + frame.width / 2, frame.y + frame.height * 0.62];
  const half = frame.width * 0.3;
  const length = frame.height * 0.3;
  const tip: [number, number] = [centre[0], centre[1] - length];
  const tail: [number, number] = [centre[0], centre[1] + length * 0.75];
  const left: [number, number] = [centre[0] - half, centre[1] + length];
  const right: [number, number] = [centre[0] + half, centre[1] + length];
  const turn = -bearing;
  const letterSize = 0.95 * unit;
  const [letterCentre] = rotate([[centre[0], frame.y + letterSize / 2]], centre, turn) as [[number, number]];
  return [
    { kind: "circle", x: centre[0], y: frame.y + frame.height / 2, radius: frame.height * 0.52, fill: "rgba(255, 255, 255, 0.8)" },
    { kind: "path", points: rotate([tip, tail, left], centre, turn), closed: true, fill: INK, stroke: INK, lineWidth: 0.06 * unit },
    { kind: "path", points: rotate([tip, right, tail], centre, turn), closed: true, fill: "#ffffff", stroke: INK, lineWidth: 0.06 * unit },
    lineAt(measure, letter, letterCentre[0], letterCentre[1] - letterSize / 2, { size: letterSize, bold: true, colour: INK, align: "center", role: "north" }),
  ];
}

/** "内部资料" repeated across the sheet at 30°, faint enough to read the map through. */
export function watermarkScene(text: string, frame: Frame, unit: number, measure: MeasureText): SheetItem[] {
  const size = 3.2 * unit;
  const width = measure(text, size, true);
  const stepX = width + 12 * unit;
  const stepY = 12 * unit;
  const items: SheetItem[] = [];
  const angle = -30;
  const radians = (angle * Math.PI) / 180;
  for (let row = 0, y = frame.y + stepY / 2; y < frame.y + frame.height + stepY; row += 1, y += stepY) {
    for (let x = frame.x - stepX + (row % 2) * (stepX / 2); x < frame.x + frame.width + stepX; x += stepX) {
      // Start the baseline so the rotated word is centred on (x, y).
      const startX = x - (Math.cos(radians) * width) / 2 - Math.sin(radians) * (size * 0.35);
      const startY = y - (Math.sin(radians) * width) / 2 + Math.cos(radians) * (size * 0.35);
      items.push({ kind: "text", x: startX, y: startY, text, size, bold: true, colour: "#7f1020", width, rotation: angle, opacity: 0.1, role: "watermark" });
    }
  }
  return items;
}
