// The benchmark's figures and their two renderings: a table for people and one JSON line per
// figure for machines ({"name","scale","value","unit","baseline","ratio"}, as bench:engine prints).

export type Scale = "city" | "province";

export const FIGURE_NAMES = [
  "ready",
  "pan-fps",
  "pan-frame-median",
  "pan-frame-p95",
  "engine-after-ready",
  "what-if-p95",
  "what-if-prepare",
  "wall-kpis-after-ready",
  "pick-latency",
  "heap-after-load",
  "bytes-transferred",
  "bundle-initial-gzip",
  "sandtable-fps",
  "sandtable-frame-p95",
] as const;
export type FigureName = (typeof FIGURE_NAMES)[number];

export type Unit = "ms" | "MB" | "KB" | "fps";

/** A target from the issue that set it: on the ratio to the baseline, or on the value itself. */
export interface Target {
  ratioAtMost?: number;
  ratioAtLeast?: number;
  valueAtMost?: number;
}

export interface Figure {
  name: FigureName;
  scale: Scale;
  /** null when the figure could not be measured (timed out, feature absent). */
  value: number | null;
  unit: Unit;
  baseline: number | null;
  /** value ÷ baseline; below 1 means the app needs less (time, memory, bytes) than plain MapLibre. */
  ratio: number | null;
}

/** A figure plus a word for the table on why something is missing, and its target; the JSON line leaves both out. */
export interface ReportRow extends Figure {
  note?: string;
  target?: Target;
}

/** Whether a row meets its target; null when it has none or a figure is missing. */
export function meetsTarget(row: ReportRow): boolean | null {
  const target = row.target;
  if (!target) return null;
  const checks: boolean[] = [];
  if (target.ratioAtMost !== undefined || target.ratioAtLeast !== undefined) {
    if (row.ratio === null) return null;
    if (target.ratioAtMost !== undefined) checks.push(row.ratio <= target.ratioAtMost);
    if (target.ratioAtLeast !== undefined) checks.push(row.ratio >= target.ratioAtLeast);
  }
  if (target.valueAtMost !== undefined) {
    if (row.value === null) return null;
    checks.push(row.value <= target.valueAtMost);
  }
  return checks.every(Boolean);
}

function targetText(row: ReportRow): string {
  const target = row.target;
  if (!target) return "";
  const parts = [
    ...(target.ratioAtMost !== undefined ? [`≤ ${target.ratioAtMost}×`] : []),
    ...(target.ratioAtLeast !== undefined ? [`≥ ${target.ratioAtLeast}×`] : []),
    ...(target.valueAtMost !== undefined ? [`≤ ${target.valueAtMost.toLocaleString("en-US")} ${row.unit}`] : []),
  ];
  const met = meetsTarget(row);
  return `${parts.join(", ")} ${met === null ? "?" : met ? "met" : "MISSED"}`;
}

// Decimals kept per unit: finer digits would be noise on a shared 2-core machine. Times under
// 10 ms (CPU picks) keep three, or they would all print as 0.
const decimals = (unit: Unit, value: number) => (unit === "ms" ? (Math.abs(value) < 10 ? 3 : 1) : unit === "MB" || unit === "fps" ? 2 : 1);

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

export function makeRow(name: FigureName, scale: Scale, unit: Unit, value: number | null, baseline: number | null, note?: string, target?: Target): ReportRow {
  const rounded = value === null ? null : round(value, decimals(unit, value));
  const roundedBaseline = baseline === null ? null : round(baseline, decimals(unit, baseline));
  const ratio = value !== null && baseline !== null && baseline > 0 ? round(value / baseline, 2) : null;
  return { name, scale, value: rounded, unit, baseline: roundedBaseline, ratio, ...(note ? { note } : {}), ...(target ? { target } : {}) };
}

export function jsonLine(row: Figure): string {
  const { name, scale, value, unit, baseline, ratio } = row;
  return JSON.stringify({ name, scale, value, unit, baseline, ratio });
}

const show = (value: number | null, unit: string) => (value === null ? "—" : `${value.toLocaleString("en-US")} ${unit}`);

export function formatTable(rows: readonly ReportRow[]): string {
  const header = ["scale", "figure", "app", "plain MapLibre", "app ÷ MapLibre", "target", "note"];
  const body = rows.map((row) => [
    row.scale,
    row.name,
    show(row.value, row.unit),
    show(row.baseline, row.unit),
    row.ratio === null ? "—" : row.ratio.toFixed(2),
    targetText(row),
    row.note ?? "",
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => (cells[column] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column >= 2 && column <= 4 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...body.map(line)].join("\n");
}

/** Prints a bench's table, then one JSON line per figure (what CI and the README read). */
export function printReport(rows: readonly ReportRow[]): void {
  console.log("");
  console.log(formatTable(rows));
  console.log("");
  for (const row of rows) console.log(jsonLine(row));
}
