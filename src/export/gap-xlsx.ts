// The gap list as a real Excel workbook (Office Open XML, .xlsx): the CSV's columns and values
// (GAP_COLUMNS), numbers as numeric cells, text as inline strings, a bold frozen header row, and a
// second sheet with the data-as-of date, the area, the filter and the synthetic-data note.
// Loaded on demand (dynamic import) so neither this nor the zip writer is in the initial bundle.
import { strToU8, zipSync } from "fflate";
import type { Gap } from "../domain/gaps.ts";
import { GAP_COLUMNS, gapTable, type GapCell, type GapTableKey, type GapTableText } from "./gap-csv.ts";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The table's keys and the about sheet's. */
export type GapWorkbookKey = GapTableKey | "asOf" | "gaps.title" | "gaps.kind" | `gaps.xlsx.${"area" | "count" | "note" | "about"}`;

export interface GapWorkbookInfo {
  /** The dataset's data-as-of date. */
  asOf: string;
  areaName: string;
  /** The gap kinds listed, in words ("全部类型" or one kind). */
  kindLabel: string;
  /** Which layers are synthetic, in words; omitted when none are. */
  note?: string;
}

// XML namespace names the format requires: identifiers inside the file, never fetched.
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** cellXfs index of the bold style in styles.xml. */
const BOLD = 1;

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
// XML 1.0 forbids these even when escaped (controls other than tab, LF and CR); Excel would refuse the file.
// oxlint-disable-next-line no-control-regex -- matching control characters is the point here.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text.replace(NOT_XML, "").replace(/[&<>"]/g, (character) => ENTITIES[character] ?? character);
}

/** 0 -> "A", 25 -> "Z", 26 -> "AA". */
export function columnName(index: number): string {
  let name = "";
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  return name;
}

function cellXml(value: GapCell, reference: string, style: number): string {
  const styled = style ? ` s="${style}"` : "";
  if (typeof value === "number") return Number.isFinite(value) ? `<c r="${reference}"${styled}><v>${value}</v></c>` : "";
  if (value === null || value === "") return "";
  return `<c r="${reference}"${styled} t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
}

interface SheetOptions {
  widths: readonly number[];
  /** Bold and frozen first row (a table header). */
  header: boolean;
  /** Bold first column (a label column). */
  labels: boolean;
}

function sheetXml(rows: readonly GapCell[][], { widths, header, labels }: SheetOptions): string {
  const frozen = header ? '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' : "";
  const columns = widths.map((width, index) => `<col min="${index + 1}" max="${index + 1}" width="${width}" customWidth="1"/>`).join("");
  const body = rows.map((row, rowIndex) => {
    const cells = row.map((value, columnIndex) =>
      cellXml(value, `${columnName(columnIndex)}${rowIndex + 1}`, (header && rowIndex === 0) || (labels && columnIndex === 0) ? BOLD : 0),
    );
    return `<row r="${rowIndex + 1}">${cells.join("")}</row>`;
  });
  return (
    `${DECLARATION}<worksheet xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}">` +
    `<sheetViews><sheetView workbookViewId="0">${frozen}</sheetView></sheetViews>` +
    `<cols>${columns}</cols><sheetData>${body.join("")}</sheetData></worksheet>`
  );
}

/** Excel's sheet-name rules: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, " ").slice(0, 31);
}

const STYLES =
  `${DECLARATION}<styleSheet xmlns="${MAIN}">` +
  '<fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

const contentType = (part: string) => `application/vnd.openxmlformats-officedocument.spreadsheetml.${part}+xml`;
const sheetPath = (index: number) => `worksheets/sheet${index + 1}.xml`;

/** The package around the sheets: content types, relationships, workbook and styles. */
function workbookFiles(sheets: ReadonlyArray<{ name: string; xml: string }>): Record<string, Uint8Array> {
  const files: Record<string, string> = {
    "[Content_Types].xml":
      `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${contentType("sheet.main")}"/><Override PartName="/xl/styles.xml" ContentType="${contentType("styles")}"/>` +
      sheets.map((_sheet, index) => `<Override PartName="/xl/${sheetPath(index)}" ContentType="${contentType("worksheet")}"/>`).join("") +
      "</Types>",
    "_rels/.rels": `${DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}"><Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml":
      `${DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><sheets>` +
      sheets.map((sheet, index) => `<sheet name="${escapeXml(sheetName(sheet.name))}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`).join("") +
      "</sheets></workbook>",
    "xl/_rels/workbook.xml.rels":
      `${DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">` +
      sheets.map((_sheet, index) => `<Relationship Id="rId${index + 1}" Type="${RELATIONSHIPS}/worksheet" Target="${sheetPath(index)}"/>`).join("") +
      `<Relationship Id="rId${sheets.length + 1}" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/></Relationships>`,
    "xl/styles.xml": STYLES,
  };
  sheets.forEach((sheet, index) => {
    files[`xl/${sheetPath(index)}`] = sheet.xml;
  });
  return Object.fromEntries(Object.entries(files).map(([path, text]) => [path, strToU8(text)]));
}

/** The workbook's bytes: sheet 1 the ranked gaps, sheet 2 what they are and how far to trust them. */
export function gapsToXlsx(gaps: readonly Gap[], info: GapWorkbookInfo, text: GapTableText<GapWorkbookKey>): Uint8Array<ArrayBuffer> {
  const { t } = text;
  const { header, rows } = gapTable(gaps, text);
  const about: GapCell[][] = [
    [t("asOf"), info.asOf],
    [t("gaps.xlsx.area"), info.areaName],
    [t("gaps.kind"), info.kindLabel],
    [t("gaps.xlsx.count"), gaps.length],
    ...(info.note ? [[t("gaps.xlsx.note"), info.note]] : []),
  ];
  const sheets = [
    { name: t("gaps.title"), xml: sheetXml([header, ...rows], { widths: GAP_COLUMNS.map((column) => column.width), header: true, labels: false }) },
    { name: t("gaps.xlsx.about"), xml: sheetXml(about, { widths: [12, 80], header: false, labels: true }) },
  ];
  // zipSync allocates a fresh ArrayBuffer (never a shared one), so the bytes can go into a Blob.
  return zipSync(workbookFiles(sheets), { level: 6 }) as Uint8Array<ArrayBuffer>;
}
