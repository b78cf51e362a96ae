// Checks across the features of one import, once each has passed on its own: duplicate ids,
// references to parents that do not exist or that the feature lies outside, and for grids the
// tiling of their community (grid-checks.ts).
import type { Feature, MultiPolygon, Point, Polygon } from "geojson";
import type { LayerName } from "../contract.ts";
import { checkGrids } from "./grid-checks.ts";
import { insideParent, representativePoint, type ParentLookup } from "./parents.ts";
import type { ReportBuilder } from "./report.ts";

/** Duplicates, parent references, containment and grid tiling. Returns indexes to leave out. */
export function crossChecks(
  layer: LayerName,
  features: readonly Feature<Polygon | MultiPolygon | Point>[],
  places: readonly { file: string; index: number; featureKind: "feature" | "row" }[],
  lookup: ParentLookup | undefined,
  report: ReportBuilder,
): Set<number> {
  const rejected = new Set<number>();
  const firstSeen = new Map<string, number>();
  features.forEach((feature, index) => {
    const properties = feature.properties as Record<string, unknown>;
    const id = typeof properties.code === "string" ? properties.code : typeof properties.id === "string" ? properties.id : undefined;
    const place = places[index];
    if (!place || id === undefined) return;
    const at = { feature: place.index, featureKind: place.featureKind, featureId: id, location: representativePoint(feature.geometry) as [number, number] };
    const first = firstSeen.get(id);
    if (first !== undefined) {
      const firstPlace = places[first];
      report.error("duplicate-id", place.file, {
        ...at,
        field: "code" in properties ? "code" : "id",
        params: { value: id, first: firstPlace ? `${firstPlace.file} #${firstPlace.index}` : "?" },
      });
      rejected.add(index);
      return;
    }
    firstSeen.set(id, index);
    if (!lookup) return;
    const parentCode = properties[lookup.field];
    if (typeof parentCode !== "string") return;
    if (!lookup.has(parentCode)) {
      report.error("parent-missing", place.file, { ...at, field: lookup.field, params: { value: parentCode } });
      rejected.add(index);
      return;
    }
    if (insideParent(lookup, parentCode, feature.geometry) === false)
      report.warning("outside-parent", place.file, { ...at, field: lookup.field, params: { value: parentCode } });
  });
  if (layer === "grids") checkGrids(features, places, rejected, lookup, report);
  return rejected;
}
