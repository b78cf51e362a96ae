// The loaded dataset as the import sees it: for each layer, the parent layer and field that
// reference it, and the parents' outlines by code. Used to check references (does community
// 530102001001 exist, is the compound inside it) and as evidence for the coordinate system.
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from "geojson";
import { booleanPointInPolygon } from "@turf/turf";
import type { LayerName } from "../contract.ts";

export const PARENT_OF: Partial<Record<LayerName, { layer: LayerName; field: string }>> = {
  districts: { layer: "prefectures", field: "prefectureCode" },
  streets: { layer: "districts", field: "districtCode" },
  communities: { layer: "streets", field: "streetCode" },
  grids: { layer: "communities", field: "communityCode" },
  compounds: { layer: "communities", field: "communityCode" },
  stations: { layer: "streets", field: "streetCode" },
};

/** The dataset on screen or on disk: whichever layers it has, as GeoJSON in WGS84. */
export type ImportContext = Partial<Record<LayerName, FeatureCollection>>;

export interface ParentLookup {
  layer: LayerName;
  field: string;
  has(code: string): boolean;
  /** Whether a WGS84 point lies inside the parent's outline (undefined: unknown parent). */
  contains(code: string, point: Position): boolean | undefined;
  outline(code: string): Feature<Polygon | MultiPolygon> | undefined;
}

export function parentLookup(layer: LayerName, context: ImportContext | undefined): ParentLookup | undefined {
  const parent = PARENT_OF[layer];
  const collection = parent ? context?.[parent.layer] : undefined;
  if (!parent || !collection || collection.features.length === 0) return undefined;
  const outlines = new Map<string, Feature<Polygon | MultiPolygon>>();
  for (const feature of collection.features) {
    const code = feature.properties?.code;
    if (typeof code === "string" && (feature.geometry?.type === "Polygon" || feature.geometry?.type === "MultiPolygon"))
      outlines.set(code, feature as Feature<Polygon | MultiPolygon>);
  }
  return {
    layer: parent.layer,
    field: parent.field,
    has: (code) => outlines.has(code),
    contains: (code, point) => {
      const outline = outlines.get(code);
      return outline ? booleanPointInPolygon(point, outline) : undefined;
    },
    outline: (code) => outlines.get(code),
  };
}

/** Vertex mean of the first ring, or the point itself: cheap and inside any compact shape. */
export function representativePoint(geometry: Polygon | MultiPolygon | Point): Position {
  if (geometry.type === "Point") return geometry.coordinates;
  const ring = geometry.type === "Polygon" ? geometry.coordinates[0] : geometry.coordinates[0]?.[0];
  if (!ring || ring.length === 0) return [Number.NaN, Number.NaN];
  let x = 0;
  let y = 0;
  const count = ring.length > 1 ? ring.length - 1 : 1;
  for (let i = 0; i < count; i++) {
    x += ring[i]?.[0] ?? 0;
    y += ring[i]?.[1] ?? 0;
  }
  return [x / count, y / count];
}

/** Whether an area lies in its parent: its centre, or at least half of (up to 16) sampled vertices. */
export function insideParent(lookup: ParentLookup, code: string, geometry: Polygon | MultiPolygon | Point): boolean | undefined {
  const centre = lookup.contains(code, representativePoint(geometry));
  if (centre !== false || geometry.type === "Point") return centre;
  const ring = geometry.type === "Polygon" ? geometry.coordinates[0] : geometry.coordinates[0]?.[0];
  if (!ring) return false;
  const step = Math.max(1, Math.floor(ring.length / 16));
  let inside = 0;
  let sampled = 0;
  for (let i = 0; i < ring.length - 1; i += step) {
    const vertex = ring[i];
    if (!vertex) continue;
    sampled += 1;
    if (lookup.contains(code, vertex)) inside += 1;
  }
  return inside * 2 >= sampled;
}
