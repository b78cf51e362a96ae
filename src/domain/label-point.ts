// Where to put a unit's label: inside its largest part, near the visual centre.
// Input and output in EPSG:4326 degrees.
import { area, booleanPointInPolygon, centroid, pointOnFeature, polygon as turfPolygon } from "@turf/turf";
import type { MultiPolygon, Polygon, Position } from "geojson";

export function labelPoint(geometry: Polygon | MultiPolygon): Position {
  const rings = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  let largest: Position[][] | undefined;
  let largestArea = -1;
  for (const candidate of rings) {
    const candidateArea = area(turfPolygon(candidate));
    if (candidateArea > largestArea) {
      largest = candidate;
      largestArea = candidateArea;
    }
  }
  if (!largest) throw new Error("labelPoint: geometry has no polygons");
  const part = turfPolygon(largest);
  const centre = centroid(part);
  // A concave or holed polygon can have its centroid outside: fall back to a point surely inside.
  const inside = booleanPointInPolygon(centre, part) ? centre : pointOnFeature(part);
  return inside.geometry.coordinates.map((value) => Math.round(value * 1e6) / 1e6);
}
