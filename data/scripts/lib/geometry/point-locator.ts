/**
 * Fast repeated point-in-area tests for one area (degrees). Edges are bucketed into horizontal
 * bands, so a test only looks at the edges crossing its latitude instead of every vertex of a
 * district outline. Uses the even-odd rule over all rings, which for valid (Multi)Polygons is the
 * same as "inside an exterior and outside its holes".
 */
import { bboxOf, type Area, type Point } from "./polygon.ts";

export type PointLocator = (point: Point) => boolean;

export function createPointLocator(area: Area): PointLocator {
  const edges: number[] = [];
  for (const polygon of area) {
    for (const ring of polygon) {
      for (let i = 1; i < ring.length; i++) {
        const a = ring[i - 1] as [number, number];
        const b = ring[i] as [number, number];
        if (a[1] !== b[1]) edges.push(a[0], a[1], b[0], b[1]);
      }
    }
  }
  const edgeCount = edges.length / 4;
  const [west, south, east, north] = bboxOf(area);
  const bandCount = Math.max(1, Math.min(1024, Math.ceil(edgeCount / 4)));
  const bandHeight = (north - south) / bandCount || 1;
  const bands: number[][] = Array.from({ length: bandCount }, () => []);
  for (let e = 0; e < edgeCount; e++) {
    const y1 = edges[4 * e + 1] as number;
    const y2 = edges[4 * e + 3] as number;
    const first = Math.max(0, Math.floor((Math.min(y1, y2) - south) / bandHeight));
    const last = Math.min(bandCount - 1, Math.floor((Math.max(y1, y2) - south) / bandHeight));
    for (let band = first; band <= last; band++) (bands[band] as number[]).push(4 * e);
  }
  return ([x, y]) => {
    if (x < west || x > east || y < south || y > north) return false;
    const band = bands[Math.min(bandCount - 1, Math.floor((y - south) / bandHeight))] as number[];
    let inside = false;
    for (const offset of band) {
      const xi = edges[offset] as number;
      const yi = edges[offset + 1] as number;
      const xj = edges[offset + 2] as number;
      const yj = edges[offset + 3] as number;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}
