// A small Shapefile writer for the import corpus (test fixtures): polygons or points, with a
// dBASE table in UTF-8 or GBK. Node's TextEncoder only speaks UTF-8, so GBK bytes come from a
// table built by decoding every two-byte GBK code once.
import type { Position } from "geojson";

export type DbfValue = string | number | boolean | null;
export interface DbfField {
  name: string;
  type: "C" | "N" | "L";
  length: number;
  decimals?: number;
}

let gbkTable: Map<string, number[]> | undefined;
export function encodeGbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder("gbk");
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const character = decoder.decode(new Uint8Array([lead, trail]));
        if (character.length === 1 && character !== "\ufffd" && !gbkTable.has(character)) gbkTable.set(character, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else bytes.push(...(gbkTable.get(character) ?? [0x3f]));
  }
  return new Uint8Array(bytes);
}

export function writeDbf(fields: readonly DbfField[], records: readonly DbfValue[][], encoding: "utf-8" | "gbk", languageDriver = 0): Uint8Array {
  const encode = encoding === "gbk" ? encodeGbk : (text: string) => new TextEncoder().encode(text);
  const headerLength = 32 + fields.length * 32 + 1;
  const recordLength = 1 + fields.reduce((sum, field) => sum + field.length, 0);
  const out = new Uint8Array(headerLength + records.length * recordLength + 1);
  const view = new DataView(out.buffer);
  out[0] = 0x03;
  out[1] = 126;
  out[2] = 11;
  out[3] = 30;
  view.setUint32(4, records.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  out[29] = languageDriver;
  fields.forEach((field, index) => {
    const offset = 32 + index * 32;
    out.set(encode(field.name).subarray(0, 10), offset);
    out[offset + 11] = field.type.charCodeAt(0);
    out[offset + 16] = field.length;
    out[offset + 17] = field.decimals ?? 0;
  });
  out[headerLength - 1] = 0x0d;
  records.forEach((record, row) => {
    let offset = headerLength + row * recordLength;
    out[offset] = 0x20;
    offset += 1;
    fields.forEach((field, index) => {
      const value = record[index];
      let text = value === null || value === undefined ? "" : field.type === "L" ? (value ? "T" : "F") : String(value);
      const bytes = new Uint8Array(field.length).fill(0x20);
      let encoded = encode(text);
      if (field.type === "N") {
        text = text.padStart(field.length, " ");
        encoded = encode(text);
      }
      bytes.set(encoded.subarray(0, field.length));
      out.set(bytes, offset);
      offset += field.length;
    });
  });
  out[out.length - 1] = 0x1a;
  return out;
}

interface ShapeRecord {
  type: 1 | 5;
  box: [number, number, number, number];
  content: Uint8Array;
}

function boxOf(positions: readonly Position[]): [number, number, number, number] {
  const xs = positions.map((position) => position[0] ?? 0);
  const ys = positions.map((position) => position[1] ?? 0);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** Rings of one polygon (outer clockwise, as the format wants; holes counter-clockwise). */
function polygonRecord(rings: readonly Position[][]): ShapeRecord {
  const oriented = rings.map((ring, index) => {
    let area = 0;
    for (let i = 0; i + 1 < ring.length; i++) area += ((ring[i + 1]?.[0] ?? 0) - (ring[i]?.[0] ?? 0)) * ((ring[i + 1]?.[1] ?? 0) + (ring[i]?.[1] ?? 0));
    const clockwise = area > 0;
    return (index === 0) === clockwise ? ring : ring.toReversed();
  });
  const points = oriented.flat();
  const content = new Uint8Array(44 + 4 * oriented.length + 16 * points.length);
  const view = new DataView(content.buffer);
  const box = boxOf(points);
  view.setInt32(0, 5, true);
  box.forEach((value, index) => view.setFloat64(4 + index * 8, value, true));
  view.setInt32(36, oriented.length, true);
  view.setInt32(40, points.length, true);
  let start = 0;
  oriented.forEach((ring, index) => {
    view.setInt32(44 + index * 4, start, true);
    start += ring.length;
  });
  const base = 44 + 4 * oriented.length;
  points.forEach((point, index) => {
    view.setFloat64(base + index * 16, point[0] ?? 0, true);
    view.setFloat64(base + index * 16 + 8, point[1] ?? 0, true);
  });
  return { type: 5, box, content };
}

function pointRecord(position: Position): ShapeRecord {
  const content = new Uint8Array(20);
  const view = new DataView(content.buffer);
  view.setInt32(0, 1, true);
  view.setFloat64(4, position[0] ?? 0, true);
  view.setFloat64(12, position[1] ?? 0, true);
  return { type: 1, box: [position[0] ?? 0, position[1] ?? 0, position[0] ?? 0, position[1] ?? 0], content };
}

/** .shp and .shx of polygons (one ring list each) or points. */
export function writeShapes(shapes: readonly (Position[][] | Position)[]): { shp: Uint8Array; shx: Uint8Array } {
  const records = shapes.map((shape) => (typeof shape[0] === "number" ? pointRecord(shape as Position) : polygonRecord(shape as Position[][])));
  const shpLength = 100 + records.reduce((sum, record) => sum + 8 + record.content.length, 0);
  const shp = new Uint8Array(shpLength);
  const shx = new Uint8Array(100 + 8 * records.length);
  const box: [number, number, number, number] = [
    Math.min(...records.map((record) => record.box[0])),
    Math.min(...records.map((record) => record.box[1])),
    Math.max(...records.map((record) => record.box[2])),
    Math.max(...records.map((record) => record.box[3])),
  ];
  for (const [file, length] of [
    [shp, shpLength],
    [shx, shx.length],
  ] as const) {
    const view = new DataView(file.buffer);
    view.setInt32(0, 9994, false);
    view.setInt32(24, length / 2, false);
    view.setInt32(28, 1000, true);
    view.setInt32(32, records[0]?.type ?? 5, true);
    box.forEach((value, index) => view.setFloat64(36 + index * 8, value, true));
  }
  const shpView = new DataView(shp.buffer);
  const shxView = new DataView(shx.buffer);
  let offset = 100;
  records.forEach((record, index) => {
    shpView.setInt32(offset, index + 1, false);
    shpView.setInt32(offset + 4, record.content.length / 2, false);
    shp.set(record.content, offset + 8);
    shxView.setInt32(100 + index * 8, offset / 2, false);
    shxView.setInt32(100 + index * 8 + 4, record.content.length / 2, false);
    offset += 8 + record.content.length;
  });
  return { shp, shx };
}

export const WGS84_PRJ =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

/** ESRI WKT of CGCS2000 3-degree Gauss-Krüger zone 34 (EPSG:4522, central meridian 102°E). */
export const GK_ZONE_34_PRJ =
  'PROJCS["CGCS2000_3_Degree_GK_Zone_34",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",34500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",102.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
