// The gap list as a table for officials' spreadsheets: one column list that both exports use
// (CSV here, XLSX in gap-xlsx.ts), so the two files always carry the same headers and values.
// The CSV has a UTF-8 byte-order mark so Excel reads the Chinese correctly, quotes where needed.
import { csvFormatRow } from "d3-dsv";
import { explainScore, type Gap } from "../domain/gaps.ts";

export type GapCell = string | number | null;

/** The message keys the gap table reads; the interface's tables hold them in both languages. */
export type GapTableKey =
  | `gapTable.${"rank" | "kind" | "severity" | "unit" | "unitId" | "districtCode" | "streetCode" | "communityCode" | "households" | "reason" | "score" | "scoreExplained" | "longitude" | "latitude"}`
  | `gap.${Gap["kind"]}`
  | `severity.${Gap["severity"]}`;

/**
 * The table's words in one language: `t` looks a key up in the interface's messages (views bind
 * it), and `language` picks the reason the engine wrote in that language.
 */
export interface GapTableText<Key extends string = GapTableKey> {
  language: "zh" | "en";
  t: (key: Key) => string;
}

export interface GapColumn {
  /** The column's heading, in the messages (both languages). */
  header: GapTableKey;
  /** Column width in a spreadsheet, in characters. */
  width: number;
  /** Codes stay strings (leading zeros, 12 digits); counts and coordinates are numbers. */
  value: (gap: Gap, rank: number, text: GapTableText) => GapCell;
}

export const GAP_COLUMNS: readonly GapColumn[] = [
  { header: "gapTable.rank", width: 6, value: (_gap, rank) => rank },
  { header: "gapTable.kind", width: 18, value: (gap, _rank, { t }) => t(`gap.${gap.kind}`) },
  { header: "gapTable.severity", width: 8, value: (gap, _rank, { t }) => t(`severity.${gap.severity}`) },
  { header: "gapTable.unit", width: 22, value: (gap) => gap.unitName },
  { header: "gapTable.unitId", width: 18, value: (gap) => gap.unitId },
  { header: "gapTable.districtCode", width: 10, value: (gap) => gap.districtCode },
  { header: "gapTable.streetCode", width: 12, value: (gap) => gap.streetCode },
  { header: "gapTable.communityCode", width: 15, value: (gap) => gap.communityCode },
  { header: "gapTable.households", width: 10, value: (gap) => gap.households },
  { header: "gapTable.reason", width: 40, value: (gap, _rank, { language }) => (language === "zh" ? gap.reason : gap.reasonEn) },
  { header: "gapTable.score", width: 10, value: (gap) => gap.score },
  { header: "gapTable.scoreExplained", width: 22, value: (gap) => explainScore(gap) },
  { header: "gapTable.longitude", width: 12, value: (gap) => gap.location[0] },
  { header: "gapTable.latitude", width: 12, value: (gap) => gap.location[1] },
];

/** Header and one row per gap, ranked from 1, in the text's language. */
export function gapTable(gaps: readonly Gap[], text: GapTableText): { header: string[]; rows: GapCell[][] } {
  return {
    header: GAP_COLUMNS.map((column) => text.t(column.header)),
    rows: gaps.map((gap, index) => GAP_COLUMNS.map((column) => column.value(gap, index + 1, text))),
  };
}

/** Text a spreadsheet would run as a formula (=, +, -, @ first): a leading apostrophe keeps it text. */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const cellText = (value: GapCell): string => (value === null ? "" : typeof value === "string" ? neutraliseFormula(value) : String(value));

/**
 * The list as CSV (UTF-8 with BOM, so Excel reads the Chinese). `notes` (the 数据截至 date, the
 * synthetic-data note) follow the rows after a blank line: every export says what its data is,
 * and a spreadsheet import reads the table first.
 */
export function gapsToCsv(gaps: readonly Gap[], text: GapTableText, notes: readonly string[] = []): string {
  const { header, rows } = gapTable(gaps, text);
  // d3-dsv quotes where needed; rows end in CRLF, as spreadsheets on Windows expect.
  const lines = [header, ...rows].map((row) => csvFormatRow(row.map(cellText)));
  if (notes.length > 0) lines.push("", ...notes.map((note) => csvFormatRow([cellText(note)])));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
