import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { decodeTables, encodeTables, gunzipIfNeeded, TableError, tableSizeFromStart, type Tables } from "./columnar.ts";

const TABLES: Tables = {
  units: {
    code: { type: "str", values: ["530102001001", "", null, "翠湖社区"] },
    kind: { type: "dict", values: ["小区", "自然村", null, "小区"] },
    households: { type: "u32", values: [259, 0, 4_000_000_000, 12] },
    offset: { type: "i32", values: [-1, 0, 7, -2_000_000_000] },
    longitude: { type: "f64", values: [102.712345678, -0.5, 0, 180] },
    ratio: { type: "f32", values: [0.5, 1.25, 0, -2] },
    partyBranch: { type: "bool3", values: [true, false, null, true] },
  },
  empty: { code: { type: "str", values: [] } },
};

function values(bytes: Uint8Array, table: string, column: string): unknown[] {
  const decoded = decodeTables(bytes, "t.bin");
  return Array.from({ length: decoded.rows(table) }, (_, row) => decoded.column(table, column)?.get(row));
}

describe("the attribute table", () => {
  const bytes = encodeTables(TABLES, { asOf: "2026-10-31" });

  it("round-trips every column type, nulls and empty strings kept apart", () => {
    for (const [table, columns] of Object.entries(TABLES)) {
      for (const [name, column] of Object.entries(columns)) expect(values(bytes, table, name)).toEqual(Array.from(column.values as ArrayLike<unknown>));
    }
    const decoded = decodeTables(bytes, "t.bin");
    expect(decoded.header.meta).toEqual({ asOf: "2026-10-31" });
    expect(decoded.rows("units")).toBe(4);
    expect(decoded.column("units", "nothing")).toBeUndefined();
  });

  it("reads a whole column at once as it reads row by row, characters outside the BMP included", () => {
    const strings = ["530102001001", "", null, "翠湖社区", "𠀋村🏠", "a"];
    const decoded = decodeTables(encodeTables({ ...TABLES, wide: { name: { type: "str", values: strings } } }), "t.bin");
    expect(Array.from(decoded.column("wide", "name")?.all() ?? [])).toEqual(strings);
    for (const [table, columns] of Object.entries(TABLES)) {
      for (const name of Object.keys(columns)) expect(Array.from(decoded.column(table, name)?.all() ?? [])).toEqual(values(bytes, table, name));
    }
  });

  it("tells its size from its first bytes when they hold the header, for progress", () => {
    expect(tableSizeFromStart(bytes)).toBe(bytes.length);
    expect(tableSizeFromStart(bytes.subarray(0, 40))).toBeNull();
    expect(tableSizeFromStart(new Uint8Array(gzipSync(bytes)))).toBeNull();
  });

  it("reads gzip data and plain data alike", async () => {
    const unzipped = await gunzipIfNeeded(new Uint8Array(gzipSync(bytes)), "t.bin.gz");
    expect(unzipped).toEqual(bytes);
    expect(await gunzipIfNeeded(bytes, "t.bin")).toBe(bytes);
  });

  it.each([
    ["an empty file", new Uint8Array(0), /wrong signature/],
    ["a PNG", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), /wrong signature/],
    ["a cut header", bytes.subarray(0, 20), /header is cut off/],
    ["a cut body", bytes.subarray(0, bytes.length - 9), /truncated: \d+ bytes, \d+ expected/],
  ])("rejects %s with a clear message", (_name, input, message) => {
    expect(() => decodeTables(input, "t.bin")).toThrow(TableError);
    expect(() => decodeTables(input, "t.bin")).toThrow(message);
  });

  it("rejects a header of another format or version", () => {
    const broken = bytes.slice();
    const at = new TextDecoder().decode(broken).indexOf('"version":1');
    broken.set(new TextEncoder().encode('"version":9'), at);
    expect(() => decodeTables(broken, "t.bin")).toThrow(/unsupported header: version/);
  });

  it("rejects truncated gzip data", async () => {
    const zipped = new Uint8Array(gzipSync(bytes));
    await expect(gunzipIfNeeded(zipped.subarray(0, zipped.length / 2), "t.bin.gz")).rejects.toThrow(/t.bin.gz: truncated or corrupt gzip/);
  });

  it("refuses columns of unequal length when writing", () => {
    expect(() => encodeTables({ t: { a: { type: "u32", values: [1, 2] }, b: { type: "u32", values: [1] } } })).toThrow(/t.b has 1 values, not 2/);
  });
});
