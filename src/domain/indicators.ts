// Every indicator has one definition here (docs/metrics.md explains each). Units carry additive
// totals; a parent's totals are the sum of its children's, never re-estimated. Shares are derived
// from totals and are null, not zero, when their denominator is zero.
//
// Contract v2 rules that shape the totals:
// - "compounds" are residential units of both kinds: urban 小区 and rural 自然村. Fields that only
//   apply to 小区 (red property, owners' committee) count 小区 only.
// - An unknown value (null) is counted apart (the *Known denominators) and is never a gap.
// - Households nobody has placed on the map (a community's declared households minus those in its
//   units) are counted as unlocatedHouseholds, and station reach is measured against all households.
// - Only a serving station (staffed and open on the 数据截至 date) reaches anyone or covers a township.
import { isServing, type CompoundRow, type Model } from "./model.ts";
import type { StationAccess } from "./station-access.ts";

export const TOTAL_FIELDS = [
  "compounds",
  "estates",
  "naturalVillages",
  "compoundHouseholds",
  "buildings",
  "partyBranchKnown",
  "partyBranchKnownHouseholds",
  "compoundsWithPartyBranch",
  "householdsWithPartyBranch",
  "redPropertyKnown",
  "redPropertyCompounds",
  "ownersCommitteeKnown",
  "ownersCommitteeCompounds",
  "unassignedCompounds",
  "unassignedHouseholds",
  "stationAccessHouseholds",
  "compoundsBeyondService",
  "communities",
  "residentCommittees",
  "villageCommittees",
  "households",
  "unlocatedHouseholds",
  "population",
  "partyMembers",
  "dualRegisteredMembers",
  "bigPartyCommitteeKnown",
  "bigPartyCommittees",
  "partyCommittees",
  "partyGeneralBranches",
  "partyBranches",
  "communitiesWithoutPartyOrg",
  "communitiesPartyOrgUnknown",
  "grids",
  "workers",
  "gridHouseholds",
  "buildingLeaders",
  "gridsWithoutWorker",
  "overloadedGrids",
  "gridsWithoutBuildingLeaders",
  "streets",
  "targetStreets",
  "targetStreetsCovered",
  "streetsWithoutStation",
  "stations",
  "servingStations",
  "rooms",
  "socialWorkers",
  "socialOrgKnown",
  "socialOrganisations",
  "communitiesWithoutSocialOrg",
  "volunteersKnownPopulation",
  "volunteers",
  "certifiedKnownWorkers",
  "certifiedWorkers",
  "registeredUnitsKnown",
  "registeredUnits",
  "registeredUnitMembers",
  "communitiesWithoutRegisteredUnit",
  "bigPartyCommitteeMemberUnits",
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
    estates: 0,
    naturalVillages: 0,
    compoundHouseholds: 0,
    buildings: 0,
    partyBranchKnown: 0,
    partyBranchKnownHouseholds: 0,
    compoundsWithPartyBranch: 0,
    householdsWithPartyBranch: 0,
    redPropertyKnown: 0,
    redPropertyCompounds: 0,
    ownersCommitteeKnown: 0,
    ownersCommitteeCompounds: 0,
    unassignedCompounds: 0,
    unassignedHouseholds: 0,
    stationAccessHouseholds: 0,
    compoundsBeyondService: 0,
    communities: 0,
    residentCommittees: 0,
    villageCommittees: 0,
    households: 0,
    unlocatedHouseholds: 0,
    population: 0,
    partyMembers: 0,
    dualRegisteredMembers: 0,
    bigPartyCommitteeKnown: 0,
    bigPartyCommittees: 0,
    partyCommittees: 0,
    partyGeneralBranches: 0,
    partyBranches: 0,
    communitiesWithoutPartyOrg: 0,
    communitiesPartyOrgUnknown: 0,
    grids: 0,
    workers: 0,
    gridHouseholds: 0,
    buildingLeaders: 0,
    gridsWithoutWorker: 0,
    overloadedGrids: 0,
    gridsWithoutBuildingLeaders: 0,
    streets: 0,
    targetStreets: 0,
    targetStreetsCovered: 0,
    streetsWithoutStation: 0,
    stations: 0,
    servingStations: 0,
    rooms: 0,
    socialWorkers: 0,
    socialOrgKnown: 0,
    socialOrganisations: 0,
    communitiesWithoutSocialOrg: 0,
    volunteersKnownPopulation: 0,
    volunteers: 0,
    certifiedKnownWorkers: 0,
    certifiedWorkers: 0,
    registeredUnitsKnown: 0,
    registeredUnits: 0,
    registeredUnitMembers: 0,
    communitiesWithoutRegisteredUnit: 0,
    bigPartyCommitteeMemberUnits: 0,
  };
}

export function addInto(target: Totals, source: Totals): void {
  for (const field of TOTAL_FIELDS) target[field] += source[field];
}

export interface Rollup {
  /** The whole dataset (a province, a city…): historically "city". */
  city: Totals;
  prefectures: Totals[];
  districts: Totals[];
  streets: Totals[];
  communities: Totals[];
  grids: Totals[];
}

export function isOverloaded(households: number, workers: number, thresholds: Thresholds): boolean {
  return workers > 0 && households / workers > thresholds.householdsPerWorker;
}

export function addCompound(totals: Totals, compound: CompoundRow, served: boolean): void {
  totals.compounds += 1;
  if (compound.kind === "自然村") totals.naturalVillages += 1;
  else totals.estates += 1;
  totals.compoundHouseholds += compound.households;
  totals.buildings += compound.buildings;
  if (compound.partyBranch !== null) {
    totals.partyBranchKnown += 1;
    totals.partyBranchKnownHouseholds += compound.households;
    if (compound.partyBranch) {
      totals.compoundsWithPartyBranch += 1;
      totals.householdsWithPartyBranch += compound.households;
    }
  }
  // The model already set both to null for 自然村: nothing to count there.
  if (compound.redProperty !== null) {
    totals.redPropertyKnown += 1;
    if (compound.redProperty) totals.redPropertyCompounds += 1;
  }
  if (compound.ownersCommittee !== null) {
    totals.ownersCommitteeKnown += 1;
    if (compound.ownersCommittee) totals.ownersCommitteeCompounds += 1;
  }
  if (compound.gridIndex < 0) {
    totals.unassignedCompounds += 1;
    totals.unassignedHouseholds += compound.households;
  }
  if (served) totals.stationAccessHouseholds += compound.households;
  else totals.compoundsBeyondService += 1;
}

/** Which township a station's coverage counts for: its own, wherever its point is. */
export function streetsWithServingStation(model: Pick<Model, "streets" | "stations" | "asOf">): Uint8Array {
  const has = new Uint8Array(model.streets.length);
  for (const station of model.stations) {
    if (station.level === "街道" && station.streetIndex >= 0 && isServing(station, model.asOf)) has[station.streetIndex] = 1;
  }
  return has;
}

/** The street's own coverage fields from whether it has a serving station. */
export function setStreetCoverage(totals: Totals, target: boolean, covered: boolean): void {
  totals.targetStreets = target ? 1 : 0;
  totals.targetStreetsCovered = target && covered ? 1 : 0;
  totals.streetsWithoutStation = target && !covered ? 1 : 0;
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
    if (community.kind === "居委会") totals.residentCommittees += 1;
    else totals.villageCommittees += 1;
    // Units holding more than the community declares: the larger figure counts (reported by the model).
    totals.households += Math.max(community.households, totals.compoundHouseholds);
    totals.unlocatedHouseholds += Math.max(0, community.households - totals.compoundHouseholds);
    totals.population += community.population;
    totals.partyMembers += community.partyMembers;
    totals.dualRegisteredMembers += community.dualRegisteredMembers;
    if (community.bigPartyCommittee !== null) {
      totals.bigPartyCommitteeKnown += 1;
      if (community.bigPartyCommittee) totals.bigPartyCommittees += 1;
    }
    if (community.socialOrganisations !== null) {
      totals.socialOrgKnown += 1;
      totals.socialOrganisations += community.socialOrganisations;
      if (community.socialOrganisations === 0) totals.communitiesWithoutSocialOrg += 1;
    }
    if (community.volunteers !== null) {
      totals.volunteersKnownPopulation += community.population;
      totals.volunteers += community.volunteers;
    }
    if (model.registeredUnits) totals.registeredUnitsKnown += 1;
    if (community.partyOrgType === "党委") totals.partyCommittees += 1;
    else if (community.partyOrgType === "党总支") totals.partyGeneralBranches += 1;
    else if (community.partyOrgType === "党支部") totals.partyBranches += 1;
    else if (community.partyOrgType === "无") totals.communitiesWithoutPartyOrg += 1;
    else totals.communitiesPartyOrgUnknown += 1;
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
    if (station.level === "街道") {
      totals.stations += 1;
      if (isServing(station, model.asOf)) totals.servingStations += 1;
    } else totals.rooms += 1;
    totals.socialWorkers += station.socialWorkers;
    if (station.certifiedWorkers !== undefined && station.certifiedWorkers !== null) {
      totals.certifiedKnownWorkers += station.socialWorkers;
      totals.certifiedWorkers += Math.min(station.certifiedWorkers, station.socialWorkers);
    }
  }
  for (const unit of model.registeredUnits ?? []) {
    const totals = communities[unit.communityIndex];
    if (!totals) continue;
    totals.registeredUnits += 1;
    totals.registeredUnitMembers += unit.members;
    if (unit.bigPartyCommitteeMember === true) totals.bigPartyCommitteeMemberUnits += 1;
  }
  if (model.registeredUnits) {
    communities.forEach((totals) => {
      if (totals.registeredUnits === 0) totals.communitiesWithoutRegisteredUnit = 1;
    });
  }
  const covered = streetsWithServingStation(model);
  model.streets.forEach((street, index) => setStreetCoverage(streets[index] as Totals, street.stationTarget, covered[index] === 1));

  model.communities.forEach((community, index) => addInto(streets[community.streetIndex] as Totals, communities[index] as Totals));
  const districts = model.districts.map(zeroTotals);
  model.streets.forEach((street, index) => addInto(districts[street.districtIndex] as Totals, streets[index] as Totals));
  const prefectures = model.prefectures.map(zeroTotals);
  model.districts.forEach((district, index) => addInto(prefectures[district.prefectureIndex] as Totals, districts[index] as Totals));
  const city = zeroTotals();
  for (const totals of prefectures) addInto(city, totals);
  return { city, prefectures, districts, streets, communities, grids };
}

export interface Shares {
  /** Units with a party branch (小区党支部 / 自然村党小组) ÷ units whose status is known. */
  partyBranchCoverage: number | null;
  partyBranchCoverageHouseholds: number | null;
  /** 小区 with red property ÷ 小区 whose status is known. */
  redPropertyRate: number | null;
  ownersCommitteeRate: number | null;
  bigPartyCommitteeRate: number | null;
  dualRegisteredPer100Households: number | null;
  householdsPerWorker: number | null;
  /** Households within reach of a serving station ÷ all households (unlocated ones included). */
  stationAccessRate: number | null;
  /** The same, over located households only. */
  stationAccessRateLocated: number | null;
  /** Households in a residential unit on the map ÷ all households. */
  locatedShare: number | null;
  unassignedRate: number | null;
  /** Townships in the 社工站 target with a serving station ÷ townships in the target. */
  stationCoverage: number | null;
  /** (Social workers + volunteers) per 1,000 residents of the communities whose volunteers are known. */
  workersVolunteersPer1000: number | null;
  /** Communities with no social organisation ÷ communities whose count is known. */
  withoutSocialOrgRate: number | null;
  /** Certified social workers ÷ social workers of stations whose certification is known. */
  certifiedRate: number | null;
  /** Registered 双报到 units ÷ communities (when the registered-units file is present). */
  registeredUnitsPerCommunity: number | null;
  /** Communities with no registered unit, when known (null without a registered-units file). */
  communitiesWithoutRegisteredUnitKnown: number | null;
}

const ratio = (numerator: number, denominator: number, scale = 1) => (denominator > 0 ? (numerator / denominator) * scale : null);

export function sharesOf(totals: Totals): Shares {
  return {
    partyBranchCoverage: ratio(totals.compoundsWithPartyBranch, totals.partyBranchKnown),
    partyBranchCoverageHouseholds: ratio(totals.householdsWithPartyBranch, totals.partyBranchKnownHouseholds),
    redPropertyRate: ratio(totals.redPropertyCompounds, totals.redPropertyKnown),
    ownersCommitteeRate: ratio(totals.ownersCommitteeCompounds, totals.ownersCommitteeKnown),
    bigPartyCommitteeRate: ratio(totals.bigPartyCommittees, totals.bigPartyCommitteeKnown),
    dualRegisteredPer100Households: ratio(totals.dualRegisteredMembers, totals.households, 100),
    householdsPerWorker: ratio(totals.gridHouseholds, totals.workers),
    stationAccessRate: ratio(totals.stationAccessHouseholds, totals.households),
    stationAccessRateLocated: ratio(totals.stationAccessHouseholds, totals.compoundHouseholds),
    locatedShare: ratio(totals.households - totals.unlocatedHouseholds, totals.households),
    unassignedRate: ratio(totals.unassignedCompounds, totals.compounds),
    stationCoverage: ratio(totals.targetStreetsCovered, totals.targetStreets),
    workersVolunteersPer1000: ratio(totals.volunteers + totals.socialWorkers, totals.volunteersKnownPopulation, 1000),
    withoutSocialOrgRate: ratio(totals.communitiesWithoutSocialOrg, totals.socialOrgKnown),
    certifiedRate: ratio(totals.certifiedWorkers, totals.certifiedKnownWorkers),
    registeredUnitsPerCommunity: ratio(totals.registeredUnits, totals.registeredUnitsKnown),
    communitiesWithoutRegisteredUnitKnown: totals.registeredUnitsKnown > 0 ? totals.communitiesWithoutRegisteredUnit : null,
  };
}

export type Indicators = Totals & Shares;

export function indicatorsOf(totals: Totals): Indicators {
  return { ...totals, ...sharesOf(totals) };
}
