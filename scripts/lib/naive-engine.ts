// The baseline the engine benchmark compares against: the same spatial work done the way a
// quick GIS script would, with turf point-in-polygon and distance loops over every pair.
import { booleanPointInPolygon, distance as turfDistance, point } from "@turf/turf";
import type { Feature, MultiPolygon, Point, Polygon } from "geojson";
import type { CommunityRow, CompoundRow, StationRow } from "../../src/domain/model.ts";

export interface NaiveResult {
  /** Code of the community whose polygon contains each sampled compound's centroid (or null). */
  community: Array<string | null>;
  /** Metres to the nearest station for each sampled compound. */
  distance: number[];
}

/** Runs the naive spatial join and nearest-station search for the given compounds. */
export function naiveSpatialWork(compounds: readonly CompoundRow[], communities: readonly CommunityRow[], stations: readonly StationRow[]): NaiveResult {
  const communityFeatures: Array<Feature<Polygon | MultiPolygon>> = communities.map((community) => ({
    type: "Feature",
    properties: {},
    geometry: community.geometry,
  }));
  const stationPoints: Array<Feature<Point>> = stations.map((station) => point([station.longitude, station.latitude]));
  const result: NaiveResult = { community: [], distance: [] };
  for (const compound of compounds) {
    const centre = point([compound.longitude, compound.latitude]);
    const found = communityFeatures.findIndex((feature) => booleanPointInPolygon(centre, feature));
    result.community.push(found < 0 ? null : (communities[found]?.code ?? null));
    let nearest = Infinity;
    for (const station of stationPoints) nearest = Math.min(nearest, turfDistance(centre, station, { units: "meters" }));
    result.distance.push(nearest);
  }
  return result;
}
