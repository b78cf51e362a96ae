// What a drawn shape (rectangle or lasso, a ring of [longitude, latitude] in EPSG:4326) encloses:
// compounds, grids and stations whose representative point lies inside it, counted with the
// engine's own definitions (station reach uses the analysis's distances and threshold).
import type { Polygon } from "geojson";
import type { Analysis } from "./analysis.ts";
import { pointInPolygon } from "./geo.ts";

export interface EnclosedSummary {
  compounds: number;
  households: number;
  compoundsWithPartyBranch: number;
  /** Units whose party-branch status is known: the coverage's denominator. */
  partyBranchKnown: number;
  redPropertyCompounds: number;
  unassignedCompounds: number;
  compoundsBeyondService: number;
  stationAccessHouseholds: number;
  grids: number;
  workers: number;
  gridsWithoutWorker: number;
  stations: number;
  rooms: number;
  /** Communities with at least one enclosed compound or grid. */
  communities: number;
  /** Shares, null when nothing is enclosed to divide by. Reach here is over the located households in the shape. */
  partyBranchCoverage: number | null;
  stationAccessRate: number | null;
}

function boundsOf(ring: ReadonlyArray<readonly [number, number]>): [number, number, number, number] {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [longitude, latitude] of ring) {
    west = Math.min(west, longitude);
    east = Math.max(east, longitude);
    south = Math.min(south, latitude);
    north = Math.max(north, latitude);
  }
  return [west, south, east, north];
}

export function summarizeEnclosed(
  analysis: Pick<Analysis, "model" | "access" | "thresholds">,
  ring: ReadonlyArray<readonly [number, number]>,
): EnclosedSummary {
  const summary: EnclosedSummary = {
    compounds: 0,
    households: 0,
    compoundsWithPartyBranch: 0,
    partyBranchKnown: 0,
    redPropertyCompounds: 0,
    unassignedCompounds: 0,
    compoundsBeyondService: 0,
    stationAccessHouseholds: 0,
    grids: 0,
    workers: 0,
    gridsWithoutWorker: 0,
    stations: 0,
    rooms: 0,
    communities: 0,
    partyBranchCoverage: null,
    stationAccessRate: null,
  };
  if (ring.length < 3) return summary;
  const closed = ring[0]?.[0] === ring.at(-1)?.[0] && ring[0]?.[1] === ring.at(-1)?.[1] ? ring : [...ring, ring[0] as readonly [number, number]];
  const polygon: Polygon = { type: "Polygon", coordinates: [closed.map(([longitude, latitude]) => [longitude, latitude])] };
  const [west, south, east, north] = boundsOf(ring);
  // The box test first: most rows are far from the shape, and it costs four comparisons.
  const inside = (longitude: number, latitude: number) =>
    longitude >= west && longitude <= east && latitude >= south && latitude <= north && pointInPolygon(longitude, latitude, polygon);
  const communities = new Set<number>();
  const { model, access, thresholds } = analysis;
  model.compounds.forEach((compound, index) => {
    if (!inside(compound.longitude, compound.latitude)) return;
    summary.compounds += 1;
    summary.households += compound.households;
    if (compound.partyBranch !== null) summary.partyBranchKnown += 1;
    if (compound.partyBranch === true) summary.compoundsWithPartyBranch += 1;
    if (compound.redProperty === true) summary.redPropertyCompounds += 1;
    if (compound.gridIndex < 0) summary.unassignedCompounds += 1;
    if ((access.distance[index] ?? Infinity) <= thresholds.serviceDistanceMetres) summary.stationAccessHouseholds += compound.households;
    else summary.compoundsBeyondService += 1;
    communities.add(compound.communityIndex);
  });
  for (const grid of model.grids) {
    if (!inside(grid.longitude, grid.latitude)) continue;
    summary.grids += 1;
    summary.workers += grid.workers;
    if (grid.workers === 0) summary.gridsWithoutWorker += 1;
    communities.add(grid.communityIndex);
  }
  for (const station of model.stations) {
    if (!inside(station.longitude, station.latitude)) continue;
    if (station.level === "街道") summary.stations += 1;
    else summary.rooms += 1;
  }
  communities.delete(-1);
  summary.communities = communities.size;
  summary.partyBranchCoverage = summary.partyBranchKnown > 0 ? summary.compoundsWithPartyBranch / summary.partyBranchKnown : null;
  summary.stationAccessRate = summary.households > 0 ? summary.stationAccessHouseholds / summary.households : null;
  return summary;
}
