// The engine's model as an attribute table (src/data/columnar.ts) and back: every row with its
// codes, parent indices, centroid, box, counts and flags. Areas above the residential units keep a
// simplified outline (what-if stations are placed in them); grids and units keep only their
// centroid and box, and the containment problems found when the table was written travel with it.
import type { MultiPolygon, Polygon, Position } from "geojson";
import { simplify } from "@turf/turf";
import type { Column, DecodedTables, Tables } from "../data/columnar.ts";
import { TableError } from "../data/columnar.ts";
import type { CompoundKind, StreetKind } from "../data/contract.ts";
import type { Bbox, CommunityRow, CompoundRow, DistrictRow, GridRow, Model, ModelProblem, PrefectureRow, StationRow, StreetRow } from "./model.ts";

/** Outline tolerance in degrees (about 30 m): enough to place a point in its township or community. */
export const OUTLINE_TOLERANCE = 0.0003;

type Rows = ReadonlyArray<Record<string, unknown>>;
const num = (rows: Rows, key: string, type: "f64" | "f32" | "i32" | "u32" = "f64"): Column => ({ type, values: rows.map((row) => row[key] as number) });
const str = (rows: Rows, key: string): Column => ({ type: "str", values: rows.map((row) => (row[key] as string | null | undefined) ?? null) });
const dict = (rows: Rows, key: string): Column => ({ type: "dict", values: rows.map((row) => (row[key] as string | null | undefined) ?? null) });
const bool = (rows: Rows, key: string): Column => ({ type: "bool3", values: rows.map((row) => (row[key] as boolean | null | undefined) ?? null) });

/**
 * Centroids in full precision (distances to stations, and so every reach figure, must equal the
 * CLI's); boxes of areas too (the locators search them). Boxes of grids and units only frame the
 * map when one is chosen: single precision (under a metre) is plenty and halves their bytes.
 */
function placed(rows: ReadonlyArray<{ longitude: number; latitude: number; bbox?: Bbox }>, boxType: "f64" | "f32" = "f64"): Record<string, Column> {
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
function outlines(name: string, rows: ReadonlyArray<{ geometry?: Polygon | MultiPolygon }>, tables: Tables): Column {
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

/** The model as tables, with its problems and date in the metadata. */
export function modelToTables(model: Model): { tables: Tables; meta: Record<string, unknown> } {
  const tables: Tables = {};
  const p = model.prefectures as unknown as Rows;
  tables.prefectures = { code: str(p, "code"), name: str(p, "name"), ...placedBox(model.prefectures) };
  const d = model.districts as unknown as Rows;
  tables.districts = { code: str(d, "code"), name: str(d, "name"), prefectureIndex: num(d, "prefectureIndex", "u32"), ...placed(model.districts) };
  tables.districts.ringFrom = outlines("districts", model.districts, tables);
  const s = model.streets as unknown as Rows;
  tables.streets = { code: str(s, "code"), name: str(s, "name"), districtIndex: num(s, "districtIndex", "u32"), kind: dict(s, "kind"), stationTarget: bool(s, "stationTarget"), ...placed(model.streets) };
  tables.streets.ringFrom = outlines("streets", model.streets, tables);
  const c = model.communities as unknown as Rows;
  tables.communities = {
    code: str(c, "code"), name: str(c, "name"), streetIndex: num(c, "streetIndex", "u32"), kind: dict(c, "kind"), households: num(c, "households", "u32"),
    population: num(c, "population", "u32"), partyOrgType: dict(c, "partyOrgType"), partyMembers: num(c, "partyMembers", "u32"),
    bigPartyCommittee: bool(c, "bigPartyCommittee"), dualRegisteredMembers: num(c, "dualRegisteredMembers", "u32"), ...placed(model.communities),
  };
  tables.communities.ringFrom = outlines("communities", model.communities, tables);
  const g = model.grids as unknown as Rows;
  tables.grids = {
    id: str(g, "id"), name: str(g, "name"), communityIndex: num(g, "communityIndex", "u32"), workers: num(g, "workers", "u32"),
    households: num(g, "households", "u32"), buildingLeaders: num(g, "buildingLeaders", "u32"), workerName: str(g, "workerName"), ...placed(model.grids, "f32"),
  };
  const u = model.compounds as unknown as Rows;
  tables.compounds = {
    id: str(u, "id"), name: str(u, "name"), kind: dict(u, "kind"), communityIndex: num(u, "communityIndex", "u32"), gridIndex: num(u, "gridIndex", "i32"),
    households: num(u, "households", "u32"), buildings: num(u, "buildings", "u32"), partyBranch: bool(u, "partyBranch"), redProperty: bool(u, "redProperty"),
    ownersCommittee: bool(u, "ownersCommittee"), ...placed(model.compounds, "f32"),
  };
  const t = model.stations as unknown as Rows;
  tables.stations = {
    id: str(t, "id"), name: str(t, "name"), level: dict(t, "level"), streetIndex: num(t, "streetIndex", "u32"), communityIndex: num(t, "communityIndex", "i32"),
    socialWorkers: num(t, "socialWorkers", "u32"), openedOn: dict(t, "openedOn"), ...placed(model.stations.map((row) => ({ longitude: row.longitude, latitude: row.latitude }))),
  };
  return { tables, meta: { asOf: model.asOf, problems: model.problems } };
}

function placedBox(rows: readonly PrefectureRow[]): Record<string, Column> {
  const columns: Record<string, Column> = {};
  (["west", "south", "east", "north"] as const).forEach((side, index) => {
    columns[side] = { type: "f64", values: rows.map((row) => row.bbox[index] ?? 0) };
  });
  return columns;
}

type Get = (row: number) => unknown;

/** Reads the model back; a missing column is an error naming it, not a silent zero. */
export function modelFromTables(decoded: DecodedTables, file: string): Model {
  const column = (table: string, name: string): Get => {
    const found = decoded.column(table, name);
    if (!found) throw new TableError(file, `table ${table} has no column ${name}`);
    return (row) => found.get(row);
  };
  const each = <T>(table: string, make: (row: number) => T): T[] => Array.from({ length: decoded.rows(table) }, (_, row) => make(row));
  const box = (table: string): ((row: number) => Bbox) => {
    const [w, s, e, n] = (["west", "south", "east", "north"] as const).map((side) => column(table, side));
    return (row) => [w?.(row), s?.(row), e?.(row), n?.(row)] as Bbox;
  };
  const outline = (table: string): ((row: number) => Polygon | MultiPolygon) => {
    const ringFrom = column(table, "ringFrom");
    const start = column(`${table}Rings`, "start");
    const outer = column(`${table}Rings`, "outer");
    const x = column(`${table}Vertices`, "x");
    const y = column(`${table}Vertices`, "y");
    const rows = decoded.rows(table);
    const rings = decoded.rows(`${table}Rings`) - 1;
    return (row) => {
      const first = ringFrom(row) as number;
      const last = row + 1 < rows ? (ringFrom(row + 1) as number) : rings;
      const polygons: Position[][][] = [];
      for (let ring = first; ring < last; ring++) {
        const positions: Position[] = [];
        for (let vertex = start(ring) as number, end = start(ring + 1) as number; vertex < end; vertex++) positions.push([x(vertex) as number, y(vertex) as number]);
        if (outer(ring) === true || polygons.length === 0) polygons.push([positions]);
        else polygons.at(-1)?.push(positions);
      }
      return polygons.length === 1 ? { type: "Polygon", coordinates: polygons[0] ?? [] } : { type: "MultiPolygon", coordinates: polygons };
    };
  };
  const lon = (table: string) => column(table, "longitude");
  const lat = (table: string) => column(table, "latitude");

  const pBox = box("prefectures");
  const [pCode, pName] = [column("prefectures", "code"), column("prefectures", "name")];
  const prefectures = each("prefectures", (row): PrefectureRow => ({ code: pCode(row) as string, name: pName(row) as string, bbox: pBox(row) }));

  const area = (table: string) => {
    const [x, y, b, geometry] = [lon(table), lat(table), box(table), outline(table)];
    return (row: number) => ({ longitude: x(row) as number, latitude: y(row) as number, bbox: b(row), geometry: geometry(row) });
  };
  const dArea = area("districts");
  const [dCode, dName, dParent] = [column("districts", "code"), column("districts", "name"), column("districts", "prefectureIndex")];
  const districts = each("districts", (row): DistrictRow => ({ code: dCode(row) as string, name: dName(row) as string, prefectureIndex: dParent(row) as number, ...dArea(row) }));

  const sArea = area("streets");
  const [sCode, sName, sParent, sKind, sTarget] = ["code", "name", "districtIndex", "kind", "stationTarget"].map((name) => column("streets", name));
  const streets = each("streets", (row): StreetRow => ({
    code: sCode?.(row) as string, name: sName?.(row) as string, districtIndex: sParent?.(row) as number, kind: sKind?.(row) as StreetKind, stationTarget: sTarget?.(row) === true, ...sArea(row),
  }));

  /** Rows of a table: the named fields, each read from its own column, on top of `base(row)`. */
  const rowsOf = <T>(table: string, fields: readonly string[], base: (row: number) => Record<string, unknown>): T[] => {
    const getters = fields.map((name) => column(table, name));
    return each(table, (row) => {
      const out = base(row);
      fields.forEach((name, index) => {
        out[name] = getters[index]?.(row);
      });
      return out as T;
    });
  };
  const point = (table: string) => {
    const [x, y, b] = [lon(table), lat(table), box(table)];
    return (row: number): Record<string, unknown> => ({ longitude: x(row) as number, latitude: y(row) as number, bbox: b(row) });
  };
  const communities = rowsOf<CommunityRow>(
    "communities",
    ["code", "name", "streetIndex", "kind", "households", "population", "partyOrgType", "partyMembers", "bigPartyCommittee", "dualRegisteredMembers"],
    area("communities"),
  );
  const grids = rowsOf<GridRow>("grids", ["id", "name", "communityIndex", "workers", "households", "buildingLeaders", "workerName"], point("grids"));
  const compounds = rowsOf<CompoundRow>(
    "compounds",
    ["id", "name", "kind", "communityIndex", "gridIndex", "households", "buildings", "partyBranch", "redProperty", "ownersCommittee"],
    point("compounds"),
  ).map((unit) => (unit.kind ? unit : { ...unit, kind: "小区" as CompoundKind }));
  const stations = rowsOf<StationRow>("stations", ["id", "name", "level", "streetIndex", "communityIndex", "socialWorkers", "openedOn", "longitude", "latitude"], () => ({}));

  const meta = decoded.header.meta;
  return {
    asOf: typeof meta.asOf === "string" ? meta.asOf : "9999-12-31",
    prefectures: Object.freeze(prefectures) as PrefectureRow[],
    districts: Object.freeze(districts) as DistrictRow[],
    streets: Object.freeze(streets) as StreetRow[],
    communities: Object.freeze(communities) as CommunityRow[],
    grids: Object.freeze(grids) as GridRow[],
    compounds: Object.freeze(compounds) as CompoundRow[],
    stations: Object.freeze(stations) as StationRow[],
    problems: Array.isArray(meta.problems) ? (meta.problems as ModelProblem[]) : [],
  };
}
