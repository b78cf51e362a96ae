// Positions read from a feature's geometry as the file gives it, before it is cleaned or
// converted: its first vertex (the sample the coordinate system is detected from), a rough
// centre (checked against the parents' outlines), and where the report shows a geometry problem.
import type { MultiPolygon, Point, Polygon } from "geojson";
import type { Position2 } from "./crs.ts";
import { representativePoint } from "./parents.ts";

/** Where to show a geometry problem: the cleaned geometry's centre, else the raw one's, converted. */
export function problemLocation(
  geometry: Polygon | MultiPolygon | Point | null,
  raw: unknown,
  convert: (position: Position2) => Position2,
): [number, number] | undefined {
  if (geometry) return representativePoint(geometry) as [number, number];
  const centre = rawCentre(raw);
  if (!centre) return undefined;
  const [x, y] = convert(centre);
  return Math.abs(x) <= 180 && Math.abs(y) <= 90 ? [x, y] : undefined;
}

export function firstPosition(geometry: unknown): Position2 | undefined {
  let value = (geometry as { coordinates?: unknown } | null | undefined)?.coordinates;
  while (Array.isArray(value) && Array.isArray(value[0])) value = value[0];
  return Array.isArray(value) && typeof value[0] === "number" && typeof value[1] === "number" ? [value[0], value[1]] : undefined;
}

/** Mean of the first ring's vertices (or the point), in the file's own coordinates. */
export function rawCentre(geometry: unknown): Position2 | undefined {
  const type = (geometry as { type?: string } | null | undefined)?.type;
  const coordinates = (geometry as { coordinates?: unknown } | null | undefined)?.coordinates;
  if (type === "Point") return firstPosition(geometry);
  const ring =
    type === "Polygon"
      ? (coordinates as unknown[])?.[0]
      : type === "MultiPolygon"
        ? ((coordinates as unknown[])?.[0] as unknown[] | undefined)?.[0]
        : undefined;
  if (!Array.isArray(ring) || ring.length === 0) return firstPosition(geometry);
  let x = 0;
  let y = 0;
  let count = 0;
  for (const position of ring) {
    if (Array.isArray(position) && typeof position[0] === "number" && typeof position[1] === "number") {
      x += position[0];
      y += position[1];
      count += 1;
    }
  }
  return count > 0 ? [x / count, y / count] : undefined;
}
