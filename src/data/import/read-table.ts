// Spreadsheets (CSV, XLSX, XLS) as offices keep them: a title row or two above the header, the
// header in Chinese, a 合计 row at the bottom, coordinates in 经度/纬度 columns or one WKT
// column. Rows become raw features numbered as Excel numbers them, so the report points at the
// row the user sees.
import { csvParseRows, tsvParseRows } from "d3-dsv";
import { LATITUDE_ALIASES, LONGITUDE_ALIASES, WKT_ALIASES, findColumn, normaliseHeader } from "./columns.ts";
import type { ReportBuilder } from "./report.ts";
import type { RawFeature, RawSource } from "./source.ts";
import { decodeText } from "./text.ts";
import { parseWkt } from "./wkt.ts";

export type Cell = string | number | boolean | Date | null | undefined;

const KNOWN_HEADERS = new Set(
  [
    ...LONGITUDE_ALIASES,
    ...LATITUDE_ALIASES,
    ...WKT_ALIASES,
    "名称",
    "编码",
    "代码",
    "编号",
    "户数",
    "人口",
    "社区编码",
    "街道编码",
    "name",
    "code",
    "id",
    "households",
    "communitycode",
    "streetcode",
  ].map(normaliseHeader),
);
const TOTAL_ROW = /^(合计|总计|小计|汇总|total|sum)/i;

const isBlank = (cell: Cell) => cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");

/** The header row: of the first 20 rows, the one with the most recognised column names. */
export function findHeaderRow(rows: readonly Cell[][]): number {
  let best = -1;
  let bestScore = 0;
  rows.slice(0, 20).forEach((row, index) => {
    const score = row.filter((cell) => typeof cell === "string" && KNOWN_HEADERS.has(normaliseHeader(cell))).length;
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  if (best >= 0) return best;
  return rows.findIndex((row) => row.filter((cell) => !isBlank(cell)).length >= 2);
}

export function tableToSource(file: string, rows: readonly Cell[][], report: ReportBuilder): RawSource | null {
  const headerIndex = findHeaderRow(rows);
  if (headerIndex < 0) {
    report.error("file-sheet-empty", file);
    return null;
  }
  const header = (rows[headerIndex] ?? []).map((cell, index) => (isBlank(cell) ? `column${index + 1}` : String(cell).trim()));
  const longitude = findColumn(header, LONGITUDE_ALIASES);
  const latitude = findColumn(header, LATITUDE_ALIASES);
  const wkt = findColumn(header, WKT_ALIASES);
  if ((longitude === undefined || latitude === undefined) && wkt === undefined) {
    report.error("file-no-geometry-columns", file, { params: { columns: header.join(", ") } });
    return null;
  }
  if (headerIndex > 0)
    report.info("rows-skipped", file, { params: { count: headerIndex, reason: "title rows above the header", reasonZh: "表头上方的标题行" } });
  const features: RawFeature[] = [];
  let totals = 0;
  let blanks = 0;
  for (let index = headerIndex + 1; index < rows.length; index++) {
    const row = rows[index] ?? [];
    if (row.every(isBlank)) {
      blanks += 1;
      continue;
    }
    if (row.slice(0, 3).some((cell) => typeof cell === "string" && TOTAL_ROW.test(cell.trim()))) {
      totals += 1;
      continue;
    }
    const properties: Record<string, unknown> = {};
    header.forEach((column, columnIndex) => {
      if (column === longitude || column === latitude || column === wkt) return;
      const cell = row[columnIndex];
      properties[column] = cell === undefined || (typeof cell === "string" && cell === "") ? null : cell;
    });
    const rowNumber = index + 1;
    features.push({ geometry: rowGeometry(file, row, header, { longitude, latitude, wkt }, rowNumber, report), properties, index: rowNumber });
  }
  if (totals > 0) report.info("rows-skipped", file, { params: { count: totals, reason: "合计/总计 rows", reasonZh: "合计/总计行" } });
  if (blanks > 0) report.info("rows-skipped", file, { params: { count: blanks, reason: "empty rows", reasonZh: "空行" } });
  if (features.length === 0) {
    report.error("file-sheet-empty", file);
    return null;
  }
  const used = [longitude, latitude, wkt].filter((column): column is string => column !== undefined);
  return { file, featureKind: "row", features, columns: header.filter((column) => !used.includes(column)), coordinateColumns: used };
}

const WKT_INVALID = Symbol("wkt-invalid");

function rowGeometry(
  file: string,
  row: readonly Cell[],
  header: readonly string[],
  columns: { longitude?: string; latitude?: string; wkt?: string },
  rowNumber: number,
  report: ReportBuilder,
): unknown {
  const cell = (column: string | undefined) => (column === undefined ? undefined : row[header.indexOf(column)]);
  const wktText = cell(columns.wkt);
  if (typeof wktText === "string" && wktText.trim() !== "") {
    try {
      return parseWkt(wktText);
    } catch (error) {
      report.error("geometry-wkt", file, {
        feature: rowNumber,
        featureKind: "row",
        field: columns.wkt,
        params: { reason: error instanceof Error ? error.message : String(error) },
      });
      return WKT_INVALID;
    }
  }
  const x = toNumber(cell(columns.longitude));
  const y = toNumber(cell(columns.latitude));
  if (x === undefined || y === undefined) return null;
  return { type: "Point", coordinates: [x, y] };
}

/** Reported already: the quality check must not report the same row again. */
export const isReportedGeometry = (geometry: unknown) => geometry === WKT_INVALID;

function toNumber(cell: Cell): number | undefined {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell !== "string" || cell.trim() === "") return undefined;
  const value = Number(cell.trim().replace(/[°,，]/g, ""));
  return Number.isFinite(value) ? value : undefined;
}

export function readCsv(file: string, bytes: Uint8Array, report: ReportBuilder): RawSource | null {
  const decoded = decodeText(bytes);
  if (decoded.encoding === "gbk") report.info("encoding-gbk", file, { params: { reason: "the text is not valid UTF-8", reasonZh: "文本不是有效的 UTF-8" } });
  if (decoded.bom) report.info("encoding-bom", file);
  const firstLine = decoded.text.slice(0, decoded.text.indexOf("\n") >>> 0);
  const rows = firstLine.includes("\t") && !firstLine.includes(",") ? tsvParseRows(decoded.text) : csvParseRows(decoded.text);
  return tableToSource(file, rows, report);
}

export async function readWorkbook(file: string, bytes: Uint8Array, report: ReportBuilder): Promise<RawSource | null> {
  const { read, utils } = await import("xlsx");
  let workbook;
  try {
    workbook = read(bytes, { type: "array", cellDates: true, dense: true });
  } catch (error) {
    report.error("file-workbook-broken", file, { params: { reason: error instanceof Error ? error.message : String(error) } });
    return null;
  }
  // The first sheet with any data: offices often leave an empty Sheet1 before the real one.
  for (const sheetName of workbook.SheetNames) {
    const sheet = workbook.Sheets[sheetName];
    if (!sheet) continue;
    const rows = utils.sheet_to_json<Cell[]>(sheet, { header: 1, raw: true, defval: null, blankrows: true });
    if (rows.some((row) => row.some((cell) => !isBlank(cell)))) return tableToSource(file, rows, report);
  }
  report.error("file-sheet-empty", file);
  return null;
}
