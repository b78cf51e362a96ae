// Where everything sits on a sheet, in sheet units (1/96 inch). Sizes follow the sheet's short
// side, so A4, A3 and a slide share proportions and a preset's dpi only changes pixels per unit.

export interface Frame {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LayoutOptions {
  /** Leave room for the QR code of the permalink. */
  qr: boolean;
  /** Atlas pages: room for the unit's gap list. */
  gaps: boolean;
  /** Lines of the source note at the foot of the sheet. */
  sourceLines: number;
  /** Rows the legend needs in one column (group titles and items); atlas pages size it from this. */
  legendRows: number;
  /** Figures in the KPI box (two to a row); the box grows past three rows to keep them apart. */
  kpiEntries?: number;
}

export interface SheetLayout {
  width: number;
  height: number;
  /** Body text size in sheet units; every other size is a multiple of it. */
  unit: number;
  title: Frame;
  subtitle: Frame;
  asOf: Frame;
  /** The rule under the heading. */
  rule: Frame;
  map: Frame;
  legend: Frame;
  kpi: Frame;
  gaps: Frame | null;
  qr: Frame | null;
  source: Frame;
  northArrow: Frame;
  scaleBar: Frame;
  watermark: Frame;
}

/** Height of one source-note line, in units of the body size. */
export const SOURCE_LINE_HEIGHT = 1.05;
/** Height of one legend row, in units of the body size. */
export const LEGEND_ROW_HEIGHT = 1.35;
/** The KPI box for up to three rows of figures; each further row adds KPI_ROW_HEIGHT. */
const KPI_HEIGHT = 10.6;
/** One row of the KPI box: a label and its figure (see kpiScene). */
export const KPI_ROW_HEIGHT = 2.5;
const QR_SIZE = 7.2;
const GAP = 0.9;

const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(high, value));

function stack(x: number, width: number, top: number, heights: number[], unit: number): Frame[] {
  let y = top;
  return heights.map((height) => {
    const frame = { x, y, width, height };
    y += height + GAP * unit;
    return frame;
  });
}

export function sheetLayout(size: { widthUnits: number; heightUnits: number }, options: LayoutOptions): SheetLayout {
  const { widthUnits: width, heightUnits: height } = size;
  const unit = Math.min(width, height) / 66;
  const margin = 2.2 * unit;
  const inner = width - 2 * margin;
  const asOfWidth = 16 * unit;
  const title = { x: margin, y: margin, width: inner - asOfWidth, height: 2.7 * unit };
  const subtitle = { x: margin, y: margin + 2.7 * unit, width: inner - asOfWidth, height: 1.6 * unit };
  const asOf = { x: width - margin - asOfWidth, y: margin + 0.6 * unit, width: asOfWidth, height: 1.4 * unit };
  const rule = { x: margin, y: margin + 4.6 * unit, width: inner, height: 0 };
  const sourceHeight = Math.max(1, options.sourceLines) * SOURCE_LINE_HEIGHT * unit;
  const source = { x: margin, y: height - margin - sourceHeight, width: inner, height: sourceHeight };
  const bodyTop = margin + 5.2 * unit;
  const bodyHeight = source.y - 0.8 * unit - bodyTop;
  const legendWanted = (options.legendRows + 0.5) * LEGEND_ROW_HEIGHT * unit;
  const qrHeight = options.qr ? QR_SIZE * unit : 0;
  const kpiRows = Math.ceil((options.kpiEntries ?? 6) / 2);
  const kpiHeight = (KPI_HEIGHT + Math.max(0, kpiRows - 3) * KPI_ROW_HEIGHT) * unit;
  let map: Frame;
  let legend: Frame;
  let kpi: Frame;
  let gaps: Frame | null = null;
  let qr: Frame | null = null;
  if (width >= height) {
    const side = options.gaps ? clamp(0.38 * width, 22 * unit, 40 * unit) : clamp(0.26 * width, 16 * unit, 28 * unit);
    map = { x: margin, y: bodyTop, width: inner - side - 1.2 * unit, height: bodyHeight };
    const sideX = width - margin - side;
    const fixed = kpiHeight + qrHeight + GAP * unit * (1 + (options.qr ? 1 : 0) + (options.gaps ? 1 : 0));
    const flexible = bodyHeight - fixed;
    const legendHeight = options.gaps ? Math.min(legendWanted, 0.45 * flexible) : flexible;
    // KPIs first: in a meeting the figures are read before the legend.
    const heights = [kpiHeight, legendHeight, ...(options.gaps ? [flexible - legendHeight] : []), ...(options.qr ? [qrHeight] : [])];
    const frames = stack(sideX, side, bodyTop, heights, unit);
    [kpi, legend] = frames as [Frame, Frame];
    if (options.gaps) gaps = frames[2] ?? null;
    if (options.qr) qr = frames[frames.length - 1] ?? null;
  } else {
    // The panel under the map takes what its tallest column needs; the map keeps the rest.
    const panelWanted = Math.max(legendWanted + 1.7 * unit, kpiHeight, qrHeight);
    const mapHeight = options.gaps ? bodyHeight * 0.5 : Math.min(0.8 * bodyHeight, Math.max(0.55 * bodyHeight, bodyHeight - panelWanted - 1.2 * unit));
    map = { x: margin, y: bodyTop, width: inner, height: mapHeight };
    const panelTop = bodyTop + mapHeight + 1.2 * unit;
    const panelHeight = bodyTop + bodyHeight - panelTop;
    const qrWidth = options.qr ? QR_SIZE * unit : 0;
    const columnsWidth = inner - (options.qr ? qrWidth + 1.2 * unit : 0);
    if (options.gaps) {
      const first = 0.42 * columnsWidth;
      [legend, kpi] = stack(margin, first, panelTop, [panelHeight - kpiHeight - GAP * unit, kpiHeight], unit) as [Frame, Frame];
      gaps = { x: margin + first + 1.2 * unit, y: panelTop, width: columnsWidth - first - 1.2 * unit, height: panelHeight };
    } else {
      const first = 0.5 * columnsWidth;
      legend = { x: margin, y: panelTop, width: first, height: panelHeight };
      kpi = { x: margin + first + 1.2 * unit, y: panelTop, width: columnsWidth - first - 1.2 * unit, height: Math.min(panelHeight, kpiHeight) };
    }
    if (options.qr) qr = { x: width - margin - qrWidth, y: panelTop, width: qrWidth, height: Math.min(panelHeight, qrHeight) };
  }
  const inset = unit;
  const northArrow = { x: map.x + map.width - inset - 2.6 * unit, y: map.y + inset, width: 2.6 * unit, height: 3.8 * unit };
  const scaleBar = { x: map.x + inset, y: map.y + map.height - inset - 3.6 * unit, width: Math.min(16 * unit, map.width / 2), height: 3.6 * unit };
  return {
    width,
    height,
    unit,
    title,
    subtitle,
    asOf,
    rule,
    map,
    legend,
    kpi,
    gaps,
    qr,
    source,
    northArrow,
    scaleBar,
    watermark: { x: 0, y: 0, width, height },
  };
}

/** A frame in pixels at `density` pixels per unit, snapped to whole pixels. */
export function framePixels(frame: Frame, density: number): Frame {
  const x = Math.round(frame.x * density);
  const y = Math.round(frame.y * density);
  return { x, y, width: Math.round((frame.x + frame.width) * density) - x, height: Math.round((frame.y + frame.height) * density) - y };
}
