// Geometry checks at the boundary: the contract's geometry rules in one place, so that a bad
// file is reported by feature and field instead of crashing a renderer later.
import type { Geometry, Position } from "geojson";

export type GeometryKind = "area" | "point";

/** Returns null when the geometry is acceptable, otherwise a message in plain words. */
export function checkGeometry(geometry: Geometry | null | undefined, kind: GeometryKind): string | null {
  if (geometry === null || geometry === undefined) return "geometry is null (every feature needs a geometry)";
  if (typeof geometry !== "object" || typeof geometry.type !== "string") return "geometry is not a GeoJSON geometry object";
  const expected = kind === "area" ? ["Polygon", "MultiPolygon"] : ["Point"];
  if (!expected.includes(geometry.type)) {
    return `geometry type ${geometry.type} is not allowed here (expected ${expected.join(" or ")})`;
  }
  switch (geometry.type) {
    case "Point":
      return checkPosition(geometry.coordinates);
    case "Polygon":
      return checkPolygon(geometry.coordinates);
    case "MultiPolygon": {
      if (!Array.isArray(geometry.coordinates) || geometry.coordinates.length === 0) return "MultiPolygon has no polygons";
      for (const polygon of geometry.coordinates) {
        const problem = checkPolygon(polygon);
        if (problem) return problem;
      }
      return null;
    }
    default:
      return `geometry type ${geometry.type} is not allowed here`;
  }
}

function checkPolygon(rings: Position[][]): string | null {
  if (!Array.isArray(rings) || rings.length === 0) return "polygon has no rings";
  for (const ring of rings) {
    if (!Array.isArray(ring) || ring.length < 4) return "polygon ring has fewer than 4 positions";
    for (const position of ring) {
      const problem = checkPosition(position);
      if (problem) return problem;
    }
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) return "polygon ring is not closed (first and last positions differ)";
  }
  return null;
}

function checkPosition(position: Position): string | null {
  if (!Array.isArray(position) || position.length < 2) return "coordinate is not a [longitude, latitude] pair";
  const [longitude, latitude] = position;
  if (typeof longitude !== "number" || typeof latitude !== "number" || !Number.isFinite(longitude) || !Number.isFinite(latitude)) {
    return "coordinate is not a pair of finite numbers";
  }
  if (Math.abs(longitude) > 180 || Math.abs(latitude) > 90) {
    return `coordinate [${longitude}, ${latitude}] is outside longitude/latitude range: the file looks projected (metres, e.g. EPSG:3857 or a CGCS2000 Gauss-Krüger zone); convert it to EPSG:4326`;
  }
  return null;
}
