/**
 * CSV reading and writing for the extracts, through d3-dsv (the app's one CSV library). Fields are
 * quoted only when they need it, so plain Chinese names stay readable in diffs; a row with the
 * wrong number of fields, or a quote left open, is an error, not a silently shifted record.
 */
import { csvFormatRows, csvParseRows } from "d3-dsv";

function checkQuotes(text: string): void {
  if ((text.match(/"/g)?.length ?? 0) % 2 === 1)
    throw new Error(`Unterminated quote in CSV line: ${text.split(/\r?\n/).find((line) => (line.match(/"/g)?.length ?? 0) % 2 === 1) ?? text}`);
}

/** Splits one CSV line into fields, honouring double quotes and doubled quotes inside them. */
export function parseCsvLine(line: string): string[] {
  checkQuotes(line);
  return csvParseRows(line)[0] ?? [""];
}

/** Parses CSV text with a header into records keyed by header names; checks the column count. */
export function parseCsv(text: string): Record<string, string>[] {
  checkQuotes(text);
  const [header = [], ...rows] = csvParseRows(text).filter((row) => row.length > 1 || (row[0] ?? "") !== "");
  return rows.map((values) => {
    if (values.length !== header.length) throw new Error(`Expected ${header.length} fields, got ${values.length}: ${csvFormatRows([values])}`);
    return Object.fromEntries(header.map((name, index) => [name, values[index] ?? ""]));
  });
}

/** One field, quoted only when it needs it. */
export function formatCsvField(value: string): string {
  return csvFormatRows([[value]]);
}

/** Serialises rows in the given column order, with "\n" line ends and a trailing newline. */
export function formatCsv<T extends Record<string, string>>(columns: readonly (keyof T & string)[], rows: readonly T[]): string {
  return `${csvFormatRows([[...columns], ...rows.map((row) => columns.map((column) => row[column] ?? ""))])}\n`;
}
