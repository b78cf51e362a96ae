// The sheet's legend: the groups the explorer shows for the visible layers, drawn with their own
// colours and shapes. Flows into a second column, then smaller type, before anything is cut.
import { LEGEND_ROW_HEIGHT, type Frame } from "./sheet-layout.ts";
import { lineAt } from "./scene-text.ts";
import { INK, MUTED, type MeasureText, type SheetItem } from "./scene-types.ts";

export type LegendShape = "line" | "fill" | "dot" | "ring";

/** One legend entry, as the explorer's legend and the sheet both draw it. */
export interface LegendItem {
  label: string;
  /** CSS colour, as the map draws it. */
  colour: string;
  shape: LegendShape;
}

/** A legend group as the sheet needs it: the explorer's groups plus the base map's. */
export interface SheetLegendGroup {
  title: string;
  items: LegendItem[];
}

type Row = { kind: "title"; text: string } | { kind: "item"; item: LegendItem };

/** A group of one item named like the group is one row: "网格" needs no heading over "网格". */
function rowsOf(groups: readonly SheetLegendGroup[]): Row[] {
  return groups.flatMap((group): Row[] => {
    const [only] = group.items;
    if (group.items.length === 1 && only && only.label === group.title) return [{ kind: "item", item: only }];
    return [{ kind: "title", text: group.title }, ...group.items.map((item): Row => ({ kind: "item", item }))];
  });
}

/** Rows the legend takes in one column, heading excluded. */
export function legendRowCount(groups: readonly SheetLegendGroup[]): number {
  return rowsOf(groups).length;
}

function swatch(item: LegendItem, x: number, middle: number, unit: number): SheetItem[] {
  const width = 1.4 * unit;
  switch (item.shape) {
    case "fill":
      return [{ kind: "rect", x, y: middle - 0.4 * unit, width, height: 0.8 * unit, fill: item.colour, stroke: "rgba(0, 0, 0, 0.25)", lineWidth: 0.06 * unit }];
    case "line":
      return [
        {
          kind: "path",
          points: [
            [x, middle],
            [x + width, middle],
          ],
          closed: false,
          stroke: item.colour,
          lineWidth: 0.2 * unit,
        },
      ];
    case "dot":
      return [
        { kind: "circle", x: x + width / 2, y: middle, radius: 0.42 * unit, stroke: "rgba(0, 0, 0, 0.25)", lineWidth: 0.06 * unit },
        { kind: "circle", x: x + width / 2, y: middle, radius: 0.36 * unit, fill: item.colour, stroke: "#ffffff", lineWidth: 0.1 * unit },
      ];
    case "ring":
      return [{ kind: "circle", x: x + width / 2, y: middle, radius: 0.38 * unit, stroke: item.colour, lineWidth: 0.16 * unit }];
  }
}

export function legendScene(groups: readonly SheetLegendGroup[], heading: string, frame: Frame, unit: number, measure: MeasureText): SheetItem[] {
  const items: SheetItem[] = [lineAt(measure, heading, frame.x, frame.y, { size: unit, bold: true, colour: INK, role: "legend-heading" })];
  const rows = rowsOf(groups);
  const top = frame.y + 1.7 * unit;
  const available = frame.y + frame.height - top;
  // One column at full size if it fits; else two columns if wide enough; else smaller rows.
  const columns = rows.length * LEGEND_ROW_HEIGHT * unit <= available || frame.width < 18 * unit ? 1 : 2;
  const perColumn = Math.ceil(rows.length / columns);
  const scale = Math.max(0.72, Math.min(1, available / (perColumn * LEGEND_ROW_HEIGHT * unit)));
  const rowHeight = LEGEND_ROW_HEIGHT * unit * scale;
  const fitting = Math.max(0, Math.floor(available / rowHeight)) * columns;
  const columnWidth = frame.width / columns;
  const shown = rows.length > fitting ? [...rows.slice(0, Math.max(0, fitting - 1)), { kind: "title", text: "…" } as Row] : rows;
  shown.forEach((row, index) => {
    const column = Math.floor(index / Math.ceil(shown.length / columns));
    const rowIndex = index - column * Math.ceil(shown.length / columns);
    const x = frame.x + column * columnWidth;
    const y = top + rowIndex * rowHeight;
    const size = 0.82 * unit * scale;
    if (row.kind === "title") {
      items.push(
        lineAt(measure, row.text, x, y + (rowHeight - size) / 2, { size, bold: true, colour: MUTED, maxWidth: columnWidth - 0.6 * unit, role: "legend-title" }),
      );
      return;
    }
    items.push(...swatch(row.item, x + 0.2 * unit, y + rowHeight / 2, unit * scale));
    const textX = x + 2.0 * unit * scale;
    items.push(
      lineAt(measure, row.item.label, textX, y + (rowHeight - size) / 2, {
        size,
        colour: INK,
        maxWidth: columnWidth - (textX - x) - 0.6 * unit,
        role: "legend-label",
      }),
    );
  });
  return items;
}
