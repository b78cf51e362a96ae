// The stops of the wall's tour, from the engine's model (so a tiled dataset tours as a GeoJSON one
// does). The tour is named in the link: `prefectures` (each prefecture, then its counties), `districts`,
// `streets`, or the code of one unit whose children are toured (a 4-digit prefecture's counties, a
// 6-digit county's townships, a 9-digit township's communities). Without one, a dataset of several
// prefectures tours prefectures → counties and a city tours its streets. Pure.
import type { Bbox, Model } from "./model.ts";

export type TourLayer = "prefectures" | "districts" | "streets" | "communities";

export interface TourStop {
  layer: TourLayer;
  code: string;
  name: string;
  /** Where to fly: the unit's bounding box (degrees, EPSG:4326). */
  bbox: Bbox;
}

export type TourAreas = Pick<Model, "prefectures" | "districts" | "streets" | "communities">;

/** What the `tour` parameter may say: a level keyword or a unit code of 4, 6 or 9 digits. */
export const TOUR_PATTERN = /^(prefectures|districts|streets|\d{4}|\d{6}|\d{9})$/;

const byCode = (a: TourStop, b: TourStop) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

function stopsOf(layer: TourLayer, rows: ReadonlyArray<{ code: string; name: string; bbox: Bbox }>): TourStop[] {
  return rows.map((row) => ({ layer, code: row.code, name: row.name, bbox: row.bbox })).toSorted(byCode);
}

/** Each prefecture followed by its counties, prefectures in code order. */
function prefecturesThenCounties(areas: TourAreas): TourStop[] {
  const counties = new Map<number, TourAreas["districts"]>();
  for (const district of areas.districts) counties.set(district.prefectureIndex, [...(counties.get(district.prefectureIndex) ?? []), district]);
  const order = areas.prefectures.map((row, index) => ({ row, index })).toSorted((a, b) => (a.row.code < b.row.code ? -1 : a.row.code > b.row.code ? 1 : 0));
  return order.flatMap(({ row, index }) => [...stopsOf("prefectures", [row]), ...stopsOf("districts", counties.get(index) ?? [])]);
}

/** The children of the unit with `code`, or null when no unit has that code or it has no children. */
function childrenOf(areas: TourAreas, code: string): TourStop[] | null {
  const children = (() => {
    if (code.length === 4) {
      const index = areas.prefectures.findIndex((row) => row.code === code);
      return index < 0
        ? []
        : stopsOf(
            "districts",
            areas.districts.filter((row) => row.prefectureIndex === index),
          );
    }
    if (code.length === 6) {
      const index = areas.districts.findIndex((row) => row.code === code);
      return index < 0
        ? []
        : stopsOf(
            "streets",
            areas.streets.filter((row) => row.districtIndex === index),
          );
    }
    const index = areas.streets.findIndex((row) => row.code === code);
    return index < 0
      ? []
      : stopsOf(
          "communities",
          areas.communities.filter((row) => row.streetIndex === index),
        );
  })();
  return children.length > 0 ? children : null;
}

/**
 * The tour for `tour` (see TOUR_PATTERN; null for the default). A code that names no unit with
 * children gives the default tour: a mistyped link still gives a touring wall rather than a still one.
 */
export function tourStops(areas: TourAreas, tour: string | null): TourStop[] {
  if (tour === "prefectures") return prefecturesThenCounties(areas);
  if (tour === "districts") return stopsOf("districts", areas.districts);
  if (tour === "streets") return stopsOf("streets", areas.streets);
  const children = tour === null ? null : childrenOf(areas, tour);
  if (children) return children;
  return areas.prefectures.length > 1 ? prefecturesThenCounties(areas) : stopsOf("streets", areas.streets);
}
