/** A feature as the generator produces it: id, contract properties, rounded geometry (EPSG:4326). */
import type { MultiPolygon, Point, Polygon } from "geojson";

export interface GeneratedFeature<P> {
  id: string;
  properties: P;
  geometry: Polygon | MultiPolygon | Point;
}
