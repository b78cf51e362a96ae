// Every indicator has one definition here (docs/metrics.md explains each). Units carry additive
// totals; a parent's totals are the sum of its children's, never re-estimated. Shares are derived
// from totals and are null, not zero, when their denominator is zero.
import type { CompoundRow, Model } from "./model.ts";
import type { StationAccess } from "./station-access.ts";

export const TOTAL_FIELDS = [
  "compounds",
  "compoundHouseholds",
  "buildings",
  "compoundsWithPartyBranch",
  "householdsWithPartyBranch",
  "redPropertyCompounds",
  "ownersCommitteeCompounds",
  "unassignedCompounds",
  "unassignedHouseholds",
  "stationAccessHouseholds",
  "compoundsBeyondService",
  "communities",
  "households",
  "population",
  "partyMembers",
  "dualRegisteredMembers",
  "bigPartyCommittees",
  "partyCommittees",
  "partyGeneralBranches",
  "partyBranches",
  "communitiesWithoutPartyOrg",
  "grids",
  "workers",
  "gridHouseholds",
  "buildingLeaders",
  "gridsWithoutWorker",
  "overloadedGrids",
  "gridsWithoutBuildingLeaders",
  "streets",
  "streetsWithoutStation",
  "stations",
  "rooms",
  "socialWorkers",
] as const;
export type TotalField = (typeof TOTAL_FIELDS)[number];
export type Totals = Record<TotalField, number>;

export interface Thresholds {
  /** Walking distance to a station that counts as served, metres (15-minute circle). */
  serviceDistanceMetres: number;
  /** Households per grid worker above which a grid is overloaded. */
  householdsPerWorker: number;
}
export const DEFAULT_THRESHOLDS: Thresholds = { serviceDistanceMetres: 1000, householdsPerWorker: 500 };

// Written out (not built from TOTAL_FIELDS) so every Totals object shares one hidden class:
// roll-ups add into hundreds of thousands of them and dictionary-mode objects are far slower.
export function zeroTotals(): Totals {
  return {
    compounds: 0,
    compoundHouseholds: 0,
    buildings: 0,
    compoundsWithPartyBranch: 0,
    householdsWithPartyBranch: 0,
    redPropertyCompounds: 0,
    ownersCommitteeCompounds: 0,
    unassignedCompounds: 0,
    unassignedHouseholds: 0,
    stationAccessHouseholds: 0,
    compoundsBeyondService: 0,
    communities: 0,
    households: 0,
    population: 0,
    partyMembers: 0,
    dualRegisteredMembers: 0,
    bigPartyCommittees: 0,
    partyCommittees: 0,
    partyGeneralBranches: 0,
    partyBranches: 0,
    communitiesWithoutPartyOrg: 0,
    grids: 0,
    workers: 0,
    gridHouseholds: 0,
    buildingLeaders: 0,
    gridsWithoutWorker: 0,
    overloadedGrids: 0,
    gridsWithoutBuildingLeaders: 0,
    streets: 0,
    streetsWithoutStation: 0,
    stations: 0,
    rooms: 0,
    socialWorkers: 0,
  };
}

export function addInto(target: Totals, source: Totals): void {
  for (const field of TOTAL_FIELDS) target[field] += source[field];
}

export interface Rollup {
  city: Totals;
  districts: Totals[];
  streets: Totals[];
  communities: Totals[];
  grids: Totals[];
}

export function isOverloaded(households: number, workers: number, thresholds: Thresholds): boolean {
  return workers > 0 && households / workers > thresholds.householdsPerWorker;
}

function addCompound(totals: Totals, compound: CompoundRow, served: boolean): void {
  totals.compounds += 1;
  totals.compoundHouseholds += compound.households;
  totals.buildings += compound.buildings;
  if (compound.partyBranch) {
    totals.compoundsWithPartyBranch += 1;
    totals.householdsWithPartyBranch += compound.households;
  }
  if (compound.redProperty) totals.redPropertyCompounds += 1;
  if (compound.ownersCommittee) totals.ownersCommitteeCompounds += 1;
  if (compound.gridIndex < 0) {
    totals.unassignedCompounds += 1;
    totals.unassignedHouseholds += compound.households;
  }
  if (served) totals.stationAccessHouseholds += compound.households;
  else totals.compoundsBeyondService += 1;
}

export function rollUp(model: Model, access: StationAccess, thresholds: Thresholds): Rollup {
  const communities = model.communities.map(zeroTotals);
  const grids = model.grids.map(zeroTotals);

  model.compounds.forEach((compound, index) => {
    const served = (access.distance[index] ?? Infinity) <= thresholds.serviceDistanceMetres;
    const community = communities[compound.communityIndex];
    if (community) addCompound(community, compound, served);
    const grid = compound.gridIndex >= 0 ? grids[compound.gridIndex] : undefined;
    if (grid) addCompound(grid, compound, served);
  });

  model.grids.forEach((grid, index) => {
    const overloaded = isOverloaded(grid.households, grid.workers, thresholds);
    for (const totals of [grids[index], communities[grid.communityIndex]]) {
      if (!totals) continue;
      totals.grids += 1;
      totals.workers += grid.workers;
      totals.gridHouseholds += grid.households;
      totals.buildingLeaders += grid.buildingLeaders;
      if (grid.workers === 0) totals.gridsWithoutWorker += 1;
      if (overloaded) totals.overloadedGrids += 1;
      if (grid.buildingLeaders === 0) totals.gridsWithoutBuildingLeaders += 1;
    }
  });

  model.communities.forEach((community, index) => {
    const totals = communities[index] as Totals;
    totals.communities += 1;
    totals.households += community.households;
    totals.population += community.population;
    totals.partyMembers += community.partyMembers;
    totals.dualRegisteredMembers += community.dualRegisteredMembers;
    if (community.bigPartyCommittee) totals.bigPartyCommittees += 1;
    if (community.partyOrgType === "党委") totals.partyCommittees += 1;
    else if (community.partyOrgType === "党总支") totals.partyGeneralBranches += 1;
    else if (community.partyOrgType === "党支部") totals.partyBranches += 1;
    else totals.communitiesWithoutPartyOrg += 1;
  });

  const streets = model.streets.map(() => {
    const own = zeroTotals();
    own.streets = 1;
    return own;
  });
  // A community-level room counts in its community; a street-level station in its street.
  for (const station of model.stations) {
    const totals = station.level === "社区" && station.communityIndex >= 0 ? communities[station.communityIndex] : streets[station.streetIndex];
    if (!totals) continue;
    if (station.level === "街道") totals.stations += 1;
    else totals.rooms += 1;
    totals.socialWorkers += station.socialWorkers;
  }
  for (const totals of streets) totals.streetsWithoutStation = totals.stations === 0 ? 1 : 0;

  model.communities.forEach((community, index) => addInto(streets[community.streetIndex] as Totals, communities[index] as Totals));
  const districts = model.districts.map(zeroTotals);
  model.streets.forEach((street, index) => addInto(districts[street.districtIndex] as Totals, streets[index] as Totals));
  const city = zeroTotals();
  for (const totals of districts) addInto(city, totals);
  return { city, districts, streets, communities, grids };
}

export interface Shares {
  partyBranchCoverage: number | null;
  partyBranchCoverageHouseholds: number | null;
  redPropertyRate: number | null;
  ownersCommitteeRate: number | null;
  bigPartyCommitteeRate: number | null;
  dualRegisteredPer100Households: number | null;
  householdsPerWorker: number | null;
  stationAccessRate: number | null;
  unassignedRate: number | null;
}

const ratio = (numerator: number, denominator: number, scale = 1) => (denominator > 0 ? (numerator / denominator) * scale : null);

export function sharesOf(totals: Totals): Shares {
  return {
    partyBranchCoverage: ratio(totals.compoundsWithPartyBranch, totals.compounds),
    partyBranchCoverageHouseholds: ratio(totals.householdsWithPartyBranch, totals.compoundHouseholds),
    redPropertyRate: ratio(totals.redPropertyCompounds, totals.compounds),
    ownersCommitteeRate: ratio(totals.ownersCommitteeCompounds, totals.compounds),
    bigPartyCommitteeRate: ratio(totals.bigPartyCommittees, totals.communities),
    dualRegisteredPer100Households: ratio(totals.dualRegisteredMembers, totals.households, 100),
    householdsPerWorker: ratio(totals.gridHouseholds, totals.workers),
    stationAccessRate: ratio(totals.stationAccessHouseholds, totals.compoundHouseholds),
    unassignedRate: ratio(totals.unassignedCompounds, totals.compounds),
  };
}

export type Indicators = Totals & Shares;

export function indicatorsOf(totals: Totals): Indicators {
  return { ...totals, ...sharesOf(totals) };
}
