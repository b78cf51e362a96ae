/**
 * Synthetic community outlines inside one street: exactly the street's real communities, one
 * Voronoi piece each. In streets that mix both kinds, the 居委会 (town residents' committees)
 * cluster around the street's core and the 村委会 (villages) spread over the rest, so villages
 * come out large and town communities small. Streets of one kind are spread evenly.
 */
import { distanceMetres, offsetMetres } from "../geometry/local-frame.ts";
import { areaSquareMetres, type Area, type Point } from "../geometry/polygon.ts";
import type { Random } from "./prng.ts";
import { bestCandidatePoints, mainPartsDomain, restrictDomain } from "../geometry/sampling.ts";
import type { SourceCommunity } from "../sources/source-data.ts";
import { tileByVoronoi } from "../geometry/voronoi-tiling.ts";

export interface CommunityPlan {
  community: SourceCommunity;
  /** The community's seed point: its centre of activity (degrees). */
  core: Point;
  area: Area;
}

/** How much more land a village takes than a town community in the same street. */
const VILLAGE_LAND_WEIGHT = 4;

export function layOutCommunities(random: Random, streetArea: Area, streetCore: Point, communities: readonly SourceCommunity[]): CommunityPlan[] {
  const residents = communities.filter((community) => community.kind === "居委会");
  const villages = communities.filter((community) => community.kind === "村委会");
  const domain = mainPartsDomain(streetArea);
  const ordered = [...residents, ...villages];
  let seeds: Point[];
  if (residents.length > 0 && villages.length > 0) {
    const share = residents.length / (residents.length + VILLAGE_LAND_WEIGHT * villages.length);
    const radius = Math.sqrt((share * areaSquareMetres(streetArea)) / Math.PI);
    const [west, south] = offsetMetres(streetCore, -radius, -radius);
    const [east, north] = offsetMetres(streetCore, radius, radius);
    const town = restrictDomain(domain, [west, south, east, north], (point) => distanceMetres(point, streetCore) <= radius);
    const countryside = restrictDomain(domain, domain.bbox, (point) => distanceMetres(point, streetCore) > radius);
    const townSeeds = [streetCore, ...bestCandidatePoints(random, town, residents.length - 1, [streetCore], domain)];
    const villageSeeds = bestCandidatePoints(random, countryside, villages.length, townSeeds, domain);
    seeds = [...byDistance(townSeeds, streetCore), ...byDistance(villageSeeds, streetCore)];
  } else {
    seeds = byDistance([streetCore, ...bestCandidatePoints(random, domain, ordered.length - 1, [streetCore])], streetCore);
  }
  const pieces = tileByVoronoi(streetArea, seeds);
  return ordered.map((community, index) => ({ community, core: seeds[index] as Point, area: pieces[index] as Area }));
}

/** Nearest first, so low community codes sit near the street office, as they often do. */
function byDistance(points: readonly Point[], from: Point): Point[] {
  return points.toSorted((a, b) => distanceMetres(a, from) - distanceMetres(b, from));
}
