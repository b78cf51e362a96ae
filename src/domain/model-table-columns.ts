// The model table's column codecs: on the way out, rows turned into typed columns (counts that may
// be unknown as -1, boxes and centroids at the precision each needs) and area outlines simplified
// into ring and vertex tables; on the way back, checked column getters and the outlines rebuilt
// lazily from those tables.
import type { MultiPolygon, Polygon, Position } from "geojson";
import { simplify } from "@turf/turf";
import type { Column, DecodedTables, Tables } from "../data/columnar.ts";
import { TableError } from "../data/columnar.ts";
import type { Bbox, PrefectureRow } from "./model.ts";

/** Outline tolerance in degrees (about 30 m): enough to place a point in its township or community. */
export const OUTLINE_TOLERANCE = 0.0003;

export type Rows = ReadonlyArray<Record<string, unknown>>;
export const num = (rows: Rows, key: string, type: "f64" | "f32" | "i32" | "u32" = "f64"): Column => ({ type, values: rows.map((row) => row[key] as number) });
export const str = (rows: Rows, key: string): Column => ({ type: "str", values: rows.map((row) => (row[key] as string | null | undefined) ?? null) });
export const dict = (rows: Rows, key: string): Column => ({ type: "dict", values: rows.map((row) => (row[key] as string | null | undefined) ?? null) });
/** A count that may be unknown: -1 stands for null. */
export const nullableCount = (rows: Rows, key: string): Column => ({ type: "i32", values: rows.map((row) => (row[key] as number | null | undefined) ?? -1) });
export const bool = (rows: Rows, key: string): Column => ({ type: "bool3", values: rows.map((row) => (row[key] as boolean | null | undefined) ?? null) });

/**
 * Centroids in full precision (distances to stations, and so every reach figure, must equal the
 * CLI's); boxes of areas too (the locators search them). Boxes of grids and units only frame the
 * map when one is chosen: single precision (under a metre) is plenty and halves their bytes.
 */
export function placed(rows: ReadonlyArray<{ longitude: number; latitude: number; bbox?: Bbox }>, boxType: "f64" | "f32" = "f64"): Record<string, Column> {
  const columns: Record<string, Column> = {
    longitude: { type: "f64", values: rows.map((row) => row.longitude) },
    latitude: { type: "f64", values: rows.map((row) => row.latitude) },
  };
  if (rows.length === 0 || rows[0]?.bbox) {
    (["west", "south", "east", "north"] as const).forEach((side, index) => {
      columns[side] = { type: boxType, values: rows.map((row) => row.bbox?.[index] ?? 0) };
    });
  }
  return columns;
}

/** Outlines as three tables: per unit its first ring, per ring its first vertex and whether it starts a polygon, and the vertices. */
export function outlines(name: string, rows: ReadonlyArray<{ geometry?: Polygon | MultiPolygon }>, tables: Tables): Column {
  const ringFrom: number[] = [];
  const ringStart: number[] = [];
  const ringOuter: boolean[] = [];
  const x: number[] = [];
  const y: number[] = [];
  for (const row of rows) {
    ringFrom.push(ringStart.length);
    if (!row.geometry) continue;
    const simple = simplify(row.geometry, { tolerance: OUTLINE_TOLERANCE, highQuality: false });
    const polygons = simple.type === "Polygon" ? [simple.coordinates] : simple.coordinates;
    for (const rings of polygons) {
      rings.forEach((ring, index) => {
        ringStart.push(x.length);
        ringOuter.push(index === 0);
        for (const [longitude = 0, latitude = 0] of ring) {
          x.push(longitude);
          y.push(latitude);
        }
      });
    }
  }
  tables[`${name}Rings`] = { start: { type: "u32", values: [...ringStart, x.length] }, outer: { type: "bool3", values: [...ringOuter, false] } };
  // Simplified to ~30 m already: single precision (under a metre) loses nothing that matters.
  tables[`${name}Vertices`] = { x: { type: "f32", values: x }, y: { type: "f32", values: y } };
  return { type: "u32", values: ringFrom };
}

/** The boxes of the prefectures, which carry no centroid or outline. */
export function placedBox(rows: readonly PrefectureRow[]): Record<string, Column> {
  const columns: Record<string, Column> = {};
  (["west", "south", "east", "north"] as const).forEach((side, index) => {
    columns[side] = { type: "f64", values: rows.map((row) => row.bbox[index] ?? 0) };
  });
  return columns;
}

/** Column getters of one table; a missing column is an error naming it, not a silent zero. */
export function columnsOf(decoded: DecodedTables, file: string, table: string) {
  const reader = (name: string) => {
    const found = decoded.column(table, name);
    if (!found) throw new TableError(file, `table ${table} has no column ${name}`);
    return found;
  };
  return {
    rows: decoded.rows(table),
    numbers: (name: string) => reader(name).all() as ArrayLike<number>,
    strings: (name: string) => reader(name).all() as ArrayLike<string>,
    nullableStrings: (name: string) => reader(name).all() as ArrayLike<string | null>,
    /** A column added after the first tables were written: every row null when the table lacks it. */
    optionalStrings: (name: string): ((row: number) => string | null) => {
      const values = decoded.column(table, name)?.all() as ArrayLike<string | null> | undefined;
      return (row) => values?.[row] ?? null;
    },
    /** A count that may be unknown (-1), in a column that older tables lack (then every row null). */
    optionalCounts: (name: string): ((row: number) => number | null) => {
      const values = decoded.column(table, name)?.all() as ArrayLike<number> | undefined;
      return (row) => {
        const value = values?.[row];
        return value === undefined || value < 0 ? null : value;
      };
    },
    flags: (name: string) => reader(name).all() as ArrayLike<boolean | null>,
    /** [west, south, east, north] of each row. */
    boxes: (): ((row: number) => Bbox) => {
      const [w, s, e, n] = (["west", "south", "east", "north"] as const).map((side) => reader(side).all() as ArrayLike<number>) as [
        ArrayLike<number>,
        ArrayLike<number>,
        ArrayLike<number>,
        ArrayLike<number>,
      ];
      return (row) => [w[row] as number, s[row] as number, e[row] as number, n[row] as number];
    },
  };
}

/** The outline of each row of an area table, built on first use from the ring and vertex tables. */
export function outlinesOf(decoded: DecodedTables, file: string, table: string): (row: number) => Polygon | MultiPolygon {
  const ringFrom = columnsOf(decoded, file, table).numbers("ringFrom");
  const rings = columnsOf(decoded, file, `${table}Rings`);
  const [start, outer] = [rings.numbers("start"), rings.flags("outer")];
  const vertices = columnsOf(decoded, file, `${table}Vertices`);
  const [x, y] = [vertices.numbers("x"), vertices.numbers("y")];
  const rows = decoded.rows(table);
  const ringCount = rings.rows - 1;
  return (row) => {
    const first = ringFrom[row] as number;
    const last = row + 1 < rows ? (ringFrom[row + 1] as number) : ringCount;
    const polygons: Position[][][] = [];
    for (let ring = first; ring < last; ring++) {
      const positions: Position[] = [];
      for (let vertex = start[ring] as number, end = start[ring + 1] as number; vertex < end; vertex++)
        positions.push([x[vertex] as number, y[vertex] as number]);
      if (outer[ring] === true || polygons.length === 0) polygons.push([positions]);
      else polygons.at(-1)?.push(positions);
    }
    return polygons.length === 1 ? { type: "Polygon", coordinates: polygons[0] ?? [] } : { type: "MultiPolygon", coordinates: polygons };
  };
}

/**
 * Gives each area row its outline on first read: only the locators (for the few candidates near a
 * what-if station) and the atlas read outlines, and building all of a province's up front would
 * allocate millions of vertex pairs for nothing. Enumerable, so a copy of the row carries it.
 */
export function withLazyOutlines<T extends object>(rows: T[], outline: (row: number) => Polygon | MultiPolygon): T[] {
  rows.forEach((row, index) => {
    Object.defineProperty(row, "geometry", {
      enumerable: true,
      configurable: true,
      get() {
        const geometry = outline(index);
        Object.defineProperty(row, "geometry", { value: geometry, enumerable: true, writable: true, configurable: true });
        return geometry;
      },
    });
  });
  return rows;
}
