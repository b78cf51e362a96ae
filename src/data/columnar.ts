// The attribute table: what the engine needs of every unit (codes, parents, centroids, counts and
// flags, simplified outlines of the areas), as plain typed-array columns behind a small JSON
// header checked with zod. One file per dataset, gzip-compressed; the worker decodes it without
// a parser library: each column is a view on the file's bytes.
//
// Layout (little-endian): "PMTB" | u32 header length | header (UTF-8 JSON) | padding to 8 |
// column bytes, each column starting at an 8-byte boundary. The header names every column's
// type, offset and length; a file whose lengths do not add up is rejected, never half-read.
import { z } from "zod";

export const TABLE_FORMAT = "party-map-table";
export const TABLE_VERSION = 1;
const MAGIC = [0x50, 0x4d, 0x54, 0x42]; // "PMTB"

/** f64/f32/i32/u32: numbers. bool3: true / false / null (0, 1, 255). str: UTF-8 with u32 offsets. dict: u16 index into `values` (65535 = null). */
export const COLUMN_TYPES = ["f64", "f32", "i32", "u32", "bool3", "str", "dict"] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

const columnSchema = z.object({
  name: z.string().min(1),
  type: z.enum(COLUMN_TYPES),
  offset: z.number().int().nonnegative(),
  length: z.number().int().nonnegative(),
  /** dict: the distinct values; str: the byte length of the UTF-8 data after the offsets. */
  values: z.array(z.string()).optional(),
  bytes: z.number().int().nonnegative().optional(),
});

const headerSchema = z.object({
  format: z.literal(TABLE_FORMAT),
  version: z.literal(TABLE_VERSION),
  tables: z.record(z.string(), z.object({ rows: z.number().int().nonnegative(), columns: z.array(columnSchema) })),
  /** Free-form metadata the writer adds (dates, problems found while building); validated by its reader. */
  meta: z.record(z.string(), z.unknown()),
  bodyBytes: z.number().int().nonnegative(),
});
export type TableHeader = z.infer<typeof headerSchema>;

export type ColumnValue = number | boolean | string | null;
export type Column =
  | { type: "f64" | "f32" | "i32" | "u32"; values: ArrayLike<number> }
  | { type: "bool3"; values: ArrayLike<boolean | null> }
  | { type: "str" | "dict"; values: ArrayLike<string | null> };

/** Tables by name, each a set of equally long columns. */
export type Tables = Record<string, Record<string, Column>>;

export class TableError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = "TableError";
  }
}

const NULL_DICT = 0xffff;
const NULL_BOOL = 255;
const align = (value: number) => Math.ceil(value / 8) * 8;

function encodeColumn(column: Column): { bytes: Uint8Array; values?: string[]; stringBytes?: number } {
  const n = column.values.length;
  switch (column.type) {
    case "f64":
      return { bytes: new Uint8Array(Float64Array.from(column.values).buffer) };
    case "f32":
      return { bytes: new Uint8Array(Float32Array.from(column.values).buffer) };
    case "i32":
      return { bytes: new Uint8Array(Int32Array.from(column.values).buffer) };
    case "u32":
      return { bytes: new Uint8Array(Uint32Array.from(column.values).buffer) };
    case "bool3": {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = column.values[i] === null ? NULL_BOOL : column.values[i] ? 1 : 0;
      return { bytes: out };
    }
    case "dict": {
      const values: string[] = [];
      const lookup = new Map<string, number>();
      const out = new Uint16Array(n);
      for (let i = 0; i < n; i++) {
        const value = column.values[i] ?? null;
        if (value === null) {
          out[i] = NULL_DICT;
          continue;
        }
        let index = lookup.get(value);
        if (index === undefined) {
          index = values.length;
          if (index >= NULL_DICT) throw new Error("a dict column holds at most 65,535 distinct values");
          lookup.set(value, index);
          values.push(value);
        }
        out[i] = index;
      }
      return { bytes: new Uint8Array(out.buffer), values };
    }
    case "str": {
      const encoder = new TextEncoder();
      const parts = Array.from({ length: n }, (_, i) => encoder.encode(column.values[i] ?? ""));
      // Offsets n+1, with the high bit of the entry after a null set: "" and null stay apart.
      const offsets = new Uint32Array(n + 1);
      let total = 0;
      for (let i = 0; i < n; i++) {
        offsets[i] = total | (column.values[i] === null ? 0x80000000 : 0);
        total += parts[i]?.length ?? 0;
      }
      offsets[n] = total;
      const out = new Uint8Array(offsets.byteLength + total);
      out.set(new Uint8Array(offsets.buffer), 0);
      let at = offsets.byteLength;
      for (const part of parts) {
        out.set(part, at);
        at += part.length;
      }
      return { bytes: out, stringBytes: total };
    }
  }
}

/** Serialises tables (uncompressed; gzip the result for serving). */
export function encodeTables(tables: Tables, meta: Record<string, unknown> = {}): Uint8Array {
  const chunks: Uint8Array[] = [];
  let offset = 0;
  const header: TableHeader = { format: TABLE_FORMAT, version: TABLE_VERSION, tables: {}, meta, bodyBytes: 0 };
  for (const [name, columns] of Object.entries(tables)) {
    const entries = Object.entries(columns);
    const rows = entries[0]?.[1].values.length ?? 0;
    header.tables[name] = { rows, columns: [] };
    for (const [columnName, column] of entries) {
      if (column.values.length !== rows) throw new Error(`${name}.${columnName} has ${column.values.length} values, not ${rows}`);
      const encoded = encodeColumn(column);
      header.tables[name].columns.push({
        name: columnName,
        type: column.type,
        offset,
        length: encoded.bytes.length,
        ...(encoded.values ? { values: encoded.values } : {}),
        ...(encoded.stringBytes !== undefined ? { bytes: encoded.stringBytes } : {}),
      });
      chunks.push(encoded.bytes);
      const padded = align(encoded.bytes.length);
      if (padded > encoded.bytes.length) chunks.push(new Uint8Array(padded - encoded.bytes.length));
      offset += padded;
    }
  }
  header.bodyBytes = offset;
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const start = align(8 + headerBytes.length);
  const out = new Uint8Array(start + offset);
  out.set(MAGIC, 0);
  new DataView(out.buffer).setUint32(4, headerBytes.length, true);
  out.set(headerBytes, 8);
  let at = start;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** A decoded column: read values by row index, or all at once (numbers as the typed array itself). */
export interface ColumnReader {
  readonly type: ColumnType;
  get(row: number): ColumnValue;
  all(): ArrayLike<ColumnValue>;
}

/**
 * Every string of a str column with one decode of the whole block: per-string TextDecoder calls
 * cost more than the strings (a province has 400,000 of them). Offsets are UTF-8 bytes; the
 * decoded text is indexed in UTF-16 units, counted by walking the bytes once.
 */
function decodeAllStrings(offsets: Uint32Array, data: Uint8Array, rows: number): Array<string | null> {
  const text = new TextDecoder().decode(data);
  const out: Array<string | null> = Array.from({ length: rows }, () => null);
  let byte = 0;
  let unit = 0;
  const advance = (to: number) => {
    for (; byte < to; byte++) {
      const value = data[byte] as number;
      // A lead byte starts a character; a 4-byte sequence is two UTF-16 units.
      if ((value & 0xc0) !== 0x80) unit += value >= 0xf0 ? 2 : 1;
    }
  };
  for (let row = 0; row < rows; row++) {
    const raw = offsets[row] ?? 0;
    const start = raw & 0x7fffffff;
    const end = (offsets[row + 1] ?? 0) & 0x7fffffff;
    advance(start);
    const from = unit;
    advance(end);
    out[row] = raw & 0x80000000 ? null : text.slice(from, unit);
  }
  return out;
}

export interface DecodedTables {
  header: TableHeader;
  rows(table: string): number;
  /** The column, or undefined when the file has none of that name. */
  column(table: string, name: string): ColumnReader | undefined;
}

function reader(bytes: Uint8Array, base: number, column: TableHeader["tables"][string]["columns"][number], rows: number, file: string): ColumnReader {
  const at = base + column.offset;
  const slice = bytes.buffer.slice(bytes.byteOffset + at, bytes.byteOffset + at + column.length);
  const expect = (size: number) => {
    if (column.length !== size) throw new TableError(file, `column ${column.name} has ${column.length} bytes, ${size} expected for ${rows} rows`);
  };
  switch (column.type) {
    case "f64": {
      expect(rows * 8);
      const values = new Float64Array(slice);
      return { type: column.type, get: (row) => values[row] ?? null, all: () => values };
    }
    case "f32": {
      expect(rows * 4);
      const values = new Float32Array(slice);
      return { type: column.type, get: (row) => values[row] ?? null, all: () => values };
    }
    case "i32":
    case "u32": {
      expect(rows * 4);
      const values = column.type === "i32" ? new Int32Array(slice) : new Uint32Array(slice);
      return { type: column.type, get: (row) => values[row] ?? null, all: () => values };
    }
    case "bool3": {
      expect(rows);
      const values = new Uint8Array(slice);
      const get = (row: number) => (values[row] === NULL_BOOL ? null : values[row] === 1);
      return { type: column.type, get, all: () => Array.from(values, (value) => (value === NULL_BOOL ? null : value === 1)) };
    }
    case "dict": {
      expect(rows * 2);
      const values = new Uint16Array(slice);
      const names = column.values ?? [];
      const name = (index: number) => (index === NULL_DICT ? null : (names[index] ?? null));
      return { type: column.type, get: (row) => name(values[row] ?? NULL_DICT), all: () => Array.from(values, name) };
    }
    case "str": {
      expect((rows + 1) * 4 + (column.bytes ?? -1));
      const offsets = new Uint32Array(slice, 0, rows + 1);
      const data = new Uint8Array(slice, (rows + 1) * 4);
      const decoder = new TextDecoder();
      return {
        type: column.type,
        get: (row) => {
          const start = offsets[row] ?? 0;
          if (start & 0x80000000) return null;
          return decoder.decode(data.subarray(start, (offsets[row + 1] ?? 0) & 0x7fffffff));
        },
        all: () => decodeAllStrings(offsets, data, rows),
      };
    }
  }
}

/**
 * The size of an uncompressed table file from its first bytes (signature, header length and the
 * header's body size), or null when they do not say: gzip bytes, or a first chunk that ends inside
 * the header. For progress only; decodeTables checks everything.
 */
export function tableSizeFromStart(start: Uint8Array): number | null {
  if (start.length < 8 || MAGIC.some((value, index) => start[index] !== value)) return null;
  const headerLength = new DataView(start.buffer, start.byteOffset, start.byteLength).getUint32(4, true);
  if (8 + headerLength > start.length) return null;
  // The writer puts bodyBytes last, after metadata that may hold any text: take the last match.
  const match = [...new TextDecoder().decode(start.subarray(8, 8 + headerLength)).matchAll(/"bodyBytes":(\d+)/g)].at(-1);
  return match ? align(8 + headerLength) + Number(match[1]) : null;
}

/** Decodes an uncompressed table file; throws TableError saying what is wrong with it. */
export function decodeTables(bytes: Uint8Array, file: string): DecodedTables {
  if (bytes.length < 8 || MAGIC.some((value, index) => bytes[index] !== value)) throw new TableError(file, "not an attribute table (wrong signature)");
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  if (8 + headerLength > bytes.length) throw new TableError(file, "truncated: the header is cut off");
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength)));
  } catch {
    throw new TableError(file, "the header is not valid JSON");
  }
  const parsed = headerSchema.safeParse(json);
  if (!parsed.success)
    throw new TableError(file, `unsupported header: ${parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}`);
  const header = parsed.data;
  const base = align(8 + headerLength);
  if (bytes.length < base + header.bodyBytes) throw new TableError(file, `truncated: ${bytes.length} bytes, ${base + header.bodyBytes} expected`);
  const readers = new Map<string, ColumnReader>();
  for (const [name, table] of Object.entries(header.tables)) {
    for (const column of table.columns) {
      if (column.offset + column.length > header.bodyBytes) throw new TableError(file, `column ${name}.${column.name} runs past the end of the file`);
      readers.set(`${name}.${column.name}`, reader(bytes, base, column, table.rows, file));
    }
  }
  return {
    header,
    rows: (table) => header.tables[table]?.rows ?? 0,
    column: (table, name) => readers.get(`${table}.${name}`),
  };
}

/** gzip-decompresses when the bytes are gzip (a server may already have removed the encoding). */
export async function gunzipIfNeeded(bytes: Uint8Array, file: string): Promise<Uint8Array> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (error) {
    throw new TableError(file, `truncated or corrupt gzip data (${error instanceof Error ? error.message : String(error)})`);
  }
}
