// Grids should tile their community: no two overlapping, no part of the community in no grid.
// Overlaps are measured pairwise among a community's grids whose boxes meet; the uncovered
// share is the community's area outside the union of its grids. Both are warnings: the grids
// load, and the report says where the tiling is off.
import type { Feature, MultiPolygon, Point, Polygon } from "geojson";
import { area, bbox, difference, featureCollection, intersect } from "@turf/turf";
import type { ParentLookup } from "./parents.ts";
import { representativePoint } from "./parents.ts";
import type { ReportBuilder } from "./report.ts";

/** Overlaps below this share of the smaller grid are drawing noise, not a problem. */
const OVERLAP_SHARE = 0.01;
/** A community whose grids leave more than this share uncovered is reported. */
const GAP_SHARE = 0.02;
/** Communities with more grids than this are not checked pairwise (cost grows with the square). */
const MAX_GRIDS = 300;

type Area = Feature<Polygon | MultiPolygon>;

export function checkGrids(
  features: readonly Feature<Polygon | MultiPolygon | Point>[],
  places: readonly { file: string; index: number; featureKind: "feature" | "row" }[],
  rejected: ReadonlySet<number>,
  lookup: ParentLookup | undefined,
  report: ReportBuilder,
): void {
  const byCommunity = new Map<string, number[]>();
  features.forEach((feature, index) => {
    const code = (feature.properties as Record<string, unknown>).communityCode;
    if (rejected.has(index) || typeof code !== "string" || feature.geometry.type === "Point") return;
    const list = byCommunity.get(code) ?? [];
    list.push(index);
    byCommunity.set(code, list);
  });
  for (const [community, indexes] of byCommunity) {
    if (indexes.length > MAX_GRIDS) continue;
    const grids = indexes.map((index) => features[index] as Area);
    const boxes = grids.map((grid) => bbox(grid));
    const areas = grids.map((grid) => area(grid));
    for (let i = 0; i < grids.length; i++) {
      for (let j = i + 1; j < grids.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (!a || !b || a[2] < b[0] || b[2] < a[0] || a[3] < b[1] || b[3] < a[1]) continue;
        const gridA = grids[i];
        const gridB = grids[j];
        if (!gridA || !gridB) continue;
        let overlap = 0;
        try {
          const shared = intersect(featureCollection([gridA, gridB]));
          overlap = shared ? area(shared) : 0;
        } catch {
          continue;
        }
        const smaller = Math.min(areas[i] ?? 0, areas[j] ?? 0);
        if (smaller > 0 && overlap / smaller > OVERLAP_SHARE) {
          const place = places[indexes[j] ?? 0];
          const otherId = String((gridA.properties as Record<string, unknown>).id ?? "");
          if (place) {
            report.warning("grids-overlap", place.file, {
              feature: place.index,
              featureKind: place.featureKind,
              featureId: String((gridB.properties as Record<string, unknown>).id ?? ""),
              field: "geometry",
              location: representativePoint(gridB.geometry) as [number, number],
              params: { other: otherId, share: Math.round((overlap / smaller) * 100) },
            });
          }
        }
      }
    }
    const outline = lookup?.outline(community);
    if (!outline) continue;
    let uncovered: Area | null = outline;
    try {
      for (const grid of grids) {
        if (!uncovered) break;
        uncovered = difference(featureCollection([uncovered, grid]));
      }
    } catch {
      continue;
    }
    const share = uncovered ? area(uncovered) / Math.max(1, area(outline)) : 0;
    if (share > GAP_SHARE) {
      const place = places[indexes[0] ?? 0];
      if (place) {
        report.warning("grids-gap", place.file, {
          field: "communityCode",
          location: uncovered ? (representativePoint(uncovered.geometry) as [number, number]) : undefined,
          params: { value: community, share: Math.round(share * 100) },
        });
      }
    }
  }
}
