/**
 * A spatial index over the boundary segments of one area (degrees, EPSG:4326). It answers "does
 * this small shape touch the boundary?" without walking every vertex of a district outline, which
 * is what makes the Voronoi fast path and compound placement cheap.
 */
import Flatbush from "flatbush";
import { createPointLocator } from "./point-locator.ts";
import { bboxOf, pointInRing, segmentsIntersect, segmentsOf, type Area, type Point, type Ring } from "./polygon.ts";

export interface BoundaryIndex {
  readonly area: Area;
  /** True when any boundary segment of the area crosses or touches the closed ring. */
  touchesRing(ring: Ring): boolean;
  /** True when the ring lies wholly inside the area (no boundary contact, one vertex inside). */
  containsRing(ring: Ring): boolean;
}

export function createBoundaryIndex(area: Area): BoundaryIndex {
  const segments = segmentsOf(area);
  const index = new Flatbush(Math.max(1, segments.length));
  for (const [x1, y1, x2, y2] of segments) {
    index.add(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2));
  }
  if (segments.length === 0) index.add(0, 0, 0, 0);
  index.finish();

  const touchesRing = (ring: Ring): boolean => {
    const [west, south, east, north] = bboxOf([[ring]]);
    const candidates = segments.length === 0 ? [] : index.search(west, south, east, north);
    for (const candidate of candidates) {
      const segment = segments[candidate];
      if (!segment) continue;
      const [sx1, sy1, sx2, sy2] = segment;
      // A segment wholly inside the ring crosses none of its edges; its endpoint gives it away.
      if (pointInRing([sx1, sy1], ring)) return true;
      for (let i = 1; i < ring.length; i++) {
        const a = ring[i - 1] as [number, number];
        const b = ring[i] as [number, number];
        if (segmentsIntersect(a[0], a[1], b[0], b[1], sx1, sy1, sx2, sy2)) return true;
      }
    }
    return false;
  };

  const contains = createPointLocator(area);
  return {
    area,
    touchesRing,
    containsRing: (ring) => {
      const first = ring[0];
      if (!first) return false;
      return !touchesRing(ring) && contains(first as unknown as Point);
    },
  };
}
