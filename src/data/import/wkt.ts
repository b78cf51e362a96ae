// Well-known text for the geometries a spreadsheet carries: POINT, MULTIPOINT, POLYGON and
// MULTIPOLYGON, with optional Z/M (dropped later, with a note) and an optional SRID=…; prefix.
import type { Geometry, Position } from "geojson";

export function parseWkt(text: string): Geometry {
  const body = text.trim().replace(/^SRID=\d+;/i, "");
  const match = /^(POINT|MULTIPOINT|POLYGON|MULTIPOLYGON|LINESTRING)\s*(?:Z|M|ZM)?\s*(\(.*\))$/is.exec(body);
  if (!match?.[1] || !match[2]) throw new Error("expected POINT, POLYGON or MULTIPOLYGON followed by coordinates in brackets");
  const type = match[1].toUpperCase();
  const nested = parseNested(match[2]);
  switch (type) {
    case "POINT":
      return { type: "Point", coordinates: single(nested) };
    case "MULTIPOINT":
      return { type: "MultiPoint", coordinates: (nested as unknown[]).map((item) => single(item)) };
    case "LINESTRING":
      return { type: "LineString", coordinates: positions(nested) };
    case "POLYGON":
      return { type: "Polygon", coordinates: (nested as unknown[]).map(positions) };
    default:
      return { type: "MultiPolygon", coordinates: (nested as unknown[]).map((polygon) => (polygon as unknown[]).map(positions)) };
  }
}

type Nested = Position | Nested[];

/** "((1 2, 3 4))" → [[[1,2],[3,4]]]: brackets become arrays, "x y" pairs become positions. */
function parseNested(text: string): Nested {
  let index = 0;
  const parseGroup = (): Nested => {
    if (text[index] !== "(") throw new Error(`expected "(" at ${index}`);
    index += 1;
    const items: Nested[] = [];
    let buffer = "";
    const flush = () => {
      const numbers = buffer.trim().split(/\s+/).filter(Boolean).map(Number);
      if (numbers.length > 0) {
        if (numbers.length < 2 || numbers.some((value) => !Number.isFinite(value))) throw new Error(`"${buffer.trim()}" is not a coordinate`);
        items.push(numbers);
      }
      buffer = "";
    };
    while (index < text.length) {
      const character = text[index];
      if (character === "(") {
        items.push(parseGroup());
      } else if (character === ")") {
        flush();
        index += 1;
        return items;
      } else if (character === ",") {
        flush();
        index += 1;
      } else {
        buffer += character;
        index += 1;
      }
    }
    throw new Error("a bracket is not closed");
  };
  const result = parseGroup();
  if (text.slice(index).trim() !== "") throw new Error("text after the last bracket");
  return result;
}

function single(value: unknown): Position {
  const items = value as unknown[];
  const inner = Array.isArray(items[0]) ? items[0] : items;
  return inner as Position;
}

function positions(value: unknown): Position[] {
  return (value as unknown[]).map((item) => (Array.isArray(item) && Array.isArray(item[0]) ? (item[0] as Position) : (item as Position)));
}
