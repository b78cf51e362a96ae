/**
 * Synthetic street (township) outlines for one district: real streets, invented shapes. Streets
 * whose communities are mostly 居委会 are urban; they tile a compact built-up zone around the
 * district's core, the rural towns and townships tile the rest of the land. Seeds closer to the
 * core go to the more urban streets, so the city centre ends up with many small streets and the
 * hills with a few large ones.
 */
import { distanceMetres } from "../geometry/local-frame.ts";
import { areaSquareMetres, type Area, type Point } from "../geometry/polygon.ts";
import type { Random } from "./prng.ts";
import { bestCandidatePoints, mainPartsDomain } from "../geometry/sampling.ts";
import { snapInto } from "../geometry/snap.ts";
import type { SourceStreet } from "../sources/source-data.ts";
import type { UrbanCore } from "./urban-cores.ts";
import { radiusForLandArea, randomBlobShape, splitByBlob } from "./urban-zone.ts";
import { absorbFragments, tileByVoronoi } from "../geometry/voronoi-tiling.ts";

export interface StreetInput {
  street: SourceStreet;
  /** 0 (countryside) to 1 (city centre); see street-traits.ts. */
  urbanity: number;
  communities: number;
}

export interface StreetPlan {
  street: SourceStreet;
  urban: boolean;
  /** The street's centre of activity (its seed): where its office and 居委会 cluster. */
  core: Point;
  area: Area;
}

/** Land an urban street takes in the built-up zone per community (square metres), by core. */
const URBAN_LAND_PER_COMMUNITY = { city: 0.5e6, county: 1.2e6 } as const;

/** Most urban first; ties by code so the order never depends on input order. */
function byUrbanity(a: StreetInput, b: StreetInput): number {
  return b.urbanity - a.urbanity || a.street.code.localeCompare(b.street.code);
}

export function layOutStreets(random: Random, shapeRandom: Random, land: Area, core: UrbanCore, inputs: readonly StreetInput[]): StreetPlan[] {
  const ordered = inputs.toSorted(byUrbanity);
  let urban = ordered.filter((input) => input.urbanity >= 0.5);
  if (urban.length === 0 && ordered[0]) urban = [ordered[0]]; // the county town
  const rural = ordered.filter((input) => !urban.includes(input));
  const landDomain = mainPartsDomain(land);
  const corePoint = snapInto(random, core.point, land, landDomain);

  if (rural.length === 0) {
    const seeds = byDistance([corePoint, ...bestCandidatePoints(random, landDomain, urban.length - 1, [corePoint])], corePoint);
    return zip(urban, urban.length, seeds, tileByVoronoi(land, seeds));
  }

  const target = urban.reduce((sum, input) => sum + input.communities, 0) * URBAN_LAND_PER_COMMUNITY[core.kind];
  const capped = Math.min(target, 0.6 * areaSquareMetres(land));
  const shape = randomBlobShape(shapeRandom, corePoint);
  const zones = splitByBlob(land, shape, radiusForLandArea(random, land, shape, capped));
  if (zones.urban.length === 0 || zones.rural.length === 0) {
    const spread = bestCandidatePoints(random, landDomain, ordered.length - 1, [corePoint]);
    const seeds = byDistance([corePoint, ...spread], corePoint);
    return zip(ordered, urban.length, seeds, tileByVoronoi(land, seeds));
  }

  const urbanDomain = mainPartsDomain(zones.urban);
  const urbanCore = snapInto(random, corePoint, zones.urban, urbanDomain);
  const urbanSeeds = [urbanCore, ...bestCandidatePoints(random, urbanDomain, urban.length - 1, [urbanCore])];
  const ruralSeeds = bestCandidatePoints(random, mainPartsDomain(zones.rural), rural.length, urbanSeeds);
  const seeds = [...byDistance(urbanSeeds, urbanCore), ...byDistance(ruralSeeds, urbanCore)];
  const pieces = [...tileByVoronoi(zones.urban, seeds.slice(0, urban.length)), ...tileByVoronoi(zones.rural, seeds.slice(urban.length))];
  // Rural pieces cut off by the blob may touch only urban neighbours: settle those across zones.
  return zip([...urban, ...rural], urban.length, seeds, absorbFragments(pieces, seeds, land));
}

/** Nearest first: the most urban streets get the seeds closest to the core. */
function byDistance(seeds: readonly Point[], from: Point): Point[] {
  return seeds.toSorted((a, b) => distanceMetres(a, from) - distanceMetres(b, from));
}

/** Streets, seeds and pieces arrive in the same order; the first `urbanCount` are urban. */
function zip(inputs: readonly StreetInput[], urbanCount: number, seeds: readonly Point[], pieces: readonly Area[]): StreetPlan[] {
  return inputs.map((input, index) => ({
    street: input.street,
    urban: index < urbanCount,
    core: seeds[index] as Point,
    area: pieces[index] as Area,
  }));
}
