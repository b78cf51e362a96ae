/**
 * Everything inside one community: its compounds, grids, attributes and perhaps a 社工室. Each
 * purpose draws from its own stream keyed by (seed, community code, purpose), so changing how,
 * say, grids are drawn never reshuffles the compounds.
 */
import type { CommunityProperties, CompoundProperties, GridProperties, StationProperties } from "../../../../src/data/contract.ts";
import { createBoundaryIndex } from "../geometry/boundary-index.ts";
import { communityAttributes } from "./community-attributes.ts";
import { compoundAttributes, partyBranchRate, UNASSIGNED_COMPOUND_SHARE, type CompoundDraft } from "./compound-attributes.ts";
import { placeFootprints } from "./compound-layout.ts";
import type { GeneratedFeature } from "../io/generated-feature.ts";
import { apportion, gridAttributes } from "./grid-attributes.ts";
import { planHouseholds, type Density } from "./household-plan.ts";
import { distanceMetres } from "../geometry/local-frame.ts";
import { gridName, naturalVillageName, urbanCompoundName } from "./names.ts";
import { pointInArea, planarArea, toGeometry, type Area, type Point } from "../geometry/polygon.ts";
import { roundArea, roundPoint } from "../geometry/precision.ts";
import { createRandom, type Random } from "./prng.ts";
import { areaDomain, bestCandidatePoints, mainPartsDomain } from "../geometry/sampling.ts";
import type { SourceCommunity } from "../sources/source-data.ts";
import { communityRoom, nearbyPointInside, roomProbability } from "./stations.ts";
import type { StreetTraits } from "./street-traits.ts";
import { tileByVoronoi } from "../geometry/voronoi-tiling.ts";

export interface CommunityJob {
  seed: number;
  community: SourceCommunity;
  /** Already rounded to output precision (degrees). */
  area: Area;
  /** Inside `area`. */
  core: Point;
  urbanStreet: boolean;
  traits: StreetTraits;
  density: Density;
  /** The census calibration of the community's prefecture. */
  meanHouseholds: number;
  residentsPerHousehold: number;
}

export interface CommunityOutput {
  community: GeneratedFeature<CommunityProperties>;
  grids: GeneratedFeature<GridProperties>[];
  compounds: GeneratedFeature<CompoundProperties>[];
  room: GeneratedFeature<StationProperties> | null;
}

const DECIMALS = 5;

export function generateCommunity(job: CommunityJob): CommunityOutput {
  const { community, area, core } = job;
  const random = (purpose: string): Random => createRandom(job.seed, community.code, purpose);
  const domain = areaDomain(area);

  const plan = planHouseholds(random("households"), community.kind, job.meanHouseholds, job.urbanStreet, job.density);
  const footprints = placeFootprints(random("footprints"), domain, createBoundaryIndex(area), plan.compounds);
  const placed = plan.compounds.flatMap((request, index) => {
    const footprint = footprints[index];
    return footprint ? [{ request, footprint }] : [];
  });
  const names = compoundNames(
    random("compound-names"),
    community.name,
    placed.map(({ request }) => request.kind),
  );
  const drafts: (CompoundDraft & { centre: Point; ring: Area })[] = placed.map(({ request, footprint }, index) => ({
    id: `${community.code}-C${String(index + 1).padStart(3, "0")}`,
    name: names[index] as string,
    communityCode: community.code,
    households: request.households,
    kind: request.kind,
    centre: footprint.centre,
    ring: roundArea([[footprint.ring]], DECIMALS),
  }));
  const inCompounds = drafts.reduce((sum, draft) => sum + draft.households, 0);
  // Footprints that could not be placed leave their households unlocated; a plan that placed more
  // than it declared raises the declared figure, so the two never contradict each other.
  const households = Math.max(plan.households, inCompounds);

  const grids = layOutGrids(random("grid-seeds"), area, core, gridCount(random("grid-count"), households, community.kind, job.density));
  const assignment = random("grid-assignment");
  const gridOf = drafts.map((draft) => (assignment.chance(UNASSIGNED_COMPOUND_SHARE) ? null : gridContaining(draft.centre, grids)));

  const branchRandom = random("compound-attributes");
  const branchRate = partyBranchRate(branchRandom, job.traits);
  const compounds = drafts.map((draft, index) => {
    const grid = gridOf[index];
    const gridId = grid === null || grid === undefined ? null : gridIdOf(community.code, grid);
    const properties = compoundAttributes(branchRandom, draft, gridId, branchRate);
    return { id: draft.id, properties, geometry: toGeometry(draft.ring) };
  });

  const scatteredWeights = grids.map((grid) => planarArea(grid.area) * assignment.uniform(0.5, 1.5));
  const scattered = apportion(households - inCompounds, scatteredWeights);
  const gridRandom = random("grid-attributes");
  const gridFeatures = grids.map((grid, index) => {
    let gridHouseholds = scattered[index] as number;
    let buildings = Math.round(gridHouseholds / (job.urbanStreet ? 30 : 8));
    compounds.forEach((compound, c) => {
      if (gridOf[c] !== index) return;
      gridHouseholds += compound.properties.households;
      buildings += compound.properties.buildings;
    });
    const id = gridIdOf(community.code, index);
    const properties = gridAttributes(gridRandom, {
      id,
      name: gridName(community.name, index + 1),
      communityCode: community.code,
      households: gridHouseholds,
      buildings,
    });
    return { id, properties, geometry: toGeometry(grid.area) };
  });

  const properties = communityAttributes(random("community-attributes"), community, households, job.residentsPerHousehold, job.traits);
  const roomRandom = random("room");
  const room = roomRandom.chance(roomProbability(community.kind, job.urbanStreet))
    ? {
        id: `${community.code}-R`,
        properties: communityRoom(roomRandom, community.streetCode, community.code, community.name),
        geometry: { type: "Point" as const, coordinates: roundPoint(nearbyPointInside(roomRandom, core, 150, area), DECIMALS) },
      }
    : null;
  return { community: { id: community.code, properties, geometry: toGeometry(area) }, grids: gridFeatures, compounds, room };
}

function gridIdOf(communityCode: string, index: number): string {
  return `${communityCode}-G${String(index + 1).padStart(2, "0")}`;
}

/** Grids sized for a worker each: about 280-420 households in town, 300-500 in villages. */
function gridCount(random: Random, households: number, kind: "居委会" | "村委会", density: Density): number {
  const [perGrid, max] = kind === "居委会" ? [random.uniform(280, 420), 20] : [random.uniform(300, 500), 5];
  return Math.min(Math.round(max * density.grids), Math.max(kind === "居委会" ? 2 : 1, Math.round((households / perGrid) * density.grids)));
}

interface GridPiece {
  seed: Point;
  area: Area;
}

function layOutGrids(random: Random, area: Area, core: Point, count: number): GridPiece[] {
  const spread = bestCandidatePoints(random, mainPartsDomain(area), count - 1, [core]);
  const seeds = [core, ...spread].toSorted((a, b) => distanceMetres(a, core) - distanceMetres(b, core));
  return tileByVoronoi(area, seeds).map((piece, index) => {
    const rounded = roundArea(piece, DECIMALS);
    if (rounded.length === 0) throw new Error(`grid ${index + 1} collapsed when rounded`);
    return { seed: seeds[index] as Point, area: rounded };
  });
}

/** The grid whose polygon holds the point; the nearest seed when rounding left it on an edge. */
function gridContaining(point: Point, grids: readonly GridPiece[]): number {
  const inside = grids.findIndex((grid) => pointInArea(point, grid.area));
  if (inside >= 0) return inside;
  let best = 0;
  grids.forEach((grid, index) => {
    if (distanceMetres(point, grid.seed) < distanceMetres(point, (grids[best] as GridPiece).seed)) best = index;
  });
  return best;
}

/** Names unique within the community: estate names for 小区, village names or 村民小组 for 自然村. */
function compoundNames(random: Random, communityName: string, kinds: readonly string[]): string[] {
  const taken = new Set<string>();
  return kinds.map((kind) => (kind === "小区" ? urbanCompoundName(random, taken) : naturalVillageName(random, communityName, taken)));
}
