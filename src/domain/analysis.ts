// The full computation: model, station access, roll-up and gaps, from the six layers.
import { findGaps, type Gap } from "./gaps.ts";
import {
  addInto,
  DEFAULT_THRESHOLDS,
  indicatorsOf,
  rollUp,
  sharesOf,
  zeroTotals,
  type Indicators,
  type Rollup,
  type Thresholds,
  type Totals,
} from "./indicators.ts";
import type { CommunityProperties } from "../data/contract.ts";

type CommunityKind = CommunityProperties["kind"];
import { buildModel, isServing, type EngineLayers, type Model, type ModelProblem, type StationRow } from "./model.ts";
import { computeAccess, type StationAccess } from "./station-access.ts";

export interface Analysis {
  model: Model;
  thresholds: Thresholds;
  access: StationAccess;
  rollup: Rollup;
  /** The ranked gap list, built on first read (it runs to 10^5 items at province scale). */
  readonly gaps: Gap[];
}

/** An analysis whose gap list is computed when first asked for, then kept. */
export function withLazyGaps<T extends Omit<Analysis, "gaps">>(parts: T, computeGaps: () => Gap[]): T & Analysis {
  let ranked: Gap[] | undefined;
  // Not `{ ...parts, get gaps() }` spread again later: spreading an object calls its getters.
  return Object.defineProperty({ ...parts }, "gaps", {
    enumerable: true,
    get: () => {
      ranked ??= computeGaps();
      return ranked;
    },
  }) as T & Analysis;
}

export function analyzeModel(model: Model, thresholds: Thresholds = DEFAULT_THRESHOLDS, access?: StationAccess): Analysis {
  const computedAccess = access ?? computeAccess(model.compounds, model.stations, (index) => isServing(model.stations[index] as StationRow, model.asOf));
  return withLazyGaps({ model, thresholds, access: computedAccess, rollup: rollUp(model, computedAccess, thresholds) }, () =>
    findGaps(model, computedAccess, thresholds),
  );
}

/** `asOf`: the 数据截至 date (stations opened later do not count); every station counts when left out. */
export function analyze(layers: EngineLayers, thresholds: Thresholds = DEFAULT_THRESHOLDS, asOf?: string): Analysis {
  return analyzeModel(buildModel(layers, asOf), thresholds);
}

export type UnitLevel = "city" | "prefecture" | "district" | "street" | "community" | "grid";

export interface UnitReport extends Indicators {
  code: string;
  name: string;
  level: UnitLevel;
  parentCode: string | null;
  /** Urban (居委会) and rural (村委会) figures apart: the sums over each kind of community. Above township level only. */
  byKind?: Record<CommunityKind, Indicators>;
}

export interface AnalysisReport {
  thresholds: Thresholds;
  city: UnitReport;
  prefectures: UnitReport[];
  districts: UnitReport[];
  streets: UnitReport[];
  communities: UnitReport[];
  gaps: Gap[];
  problems: ModelProblem[];
}

export function unitReport(level: UnitLevel, code: string, name: string, parentCode: string | null, totals: Totals): UnitReport {
  const shares = sharesOf(totals);
  // Every field written out, in one literal: spreading 59-field objects put them in V8's slow
  // dictionary mode, and a province's 16,000 reports took a second to build instead of 60 ms.
  return {
    code,
    name,
    level,
    parentCode,
    compounds: totals.compounds,
    estates: totals.estates,
    naturalVillages: totals.naturalVillages,
    compoundHouseholds: totals.compoundHouseholds,
    buildings: totals.buildings,
    partyBranchKnown: totals.partyBranchKnown,
    partyBranchKnownHouseholds: totals.partyBranchKnownHouseholds,
    compoundsWithPartyBranch: totals.compoundsWithPartyBranch,
    householdsWithPartyBranch: totals.householdsWithPartyBranch,
    redPropertyKnown: totals.redPropertyKnown,
    redPropertyCompounds: totals.redPropertyCompounds,
    ownersCommitteeKnown: totals.ownersCommitteeKnown,
    ownersCommitteeCompounds: totals.ownersCommitteeCompounds,
    unassignedCompounds: totals.unassignedCompounds,
    unassignedHouseholds: totals.unassignedHouseholds,
    stationAccessHouseholds: totals.stationAccessHouseholds,
    compoundsBeyondService: totals.compoundsBeyondService,
    communities: totals.communities,
    residentCommittees: totals.residentCommittees,
    villageCommittees: totals.villageCommittees,
    households: totals.households,
    unlocatedHouseholds: totals.unlocatedHouseholds,
    population: totals.population,
    partyMembers: totals.partyMembers,
    dualRegisteredMembers: totals.dualRegisteredMembers,
    bigPartyCommitteeKnown: totals.bigPartyCommitteeKnown,
    bigPartyCommittees: totals.bigPartyCommittees,
    partyCommittees: totals.partyCommittees,
    partyGeneralBranches: totals.partyGeneralBranches,
    partyBranches: totals.partyBranches,
    communitiesWithoutPartyOrg: totals.communitiesWithoutPartyOrg,
    communitiesPartyOrgUnknown: totals.communitiesPartyOrgUnknown,
    grids: totals.grids,
    workers: totals.workers,
    gridHouseholds: totals.gridHouseholds,
    buildingLeaders: totals.buildingLeaders,
    gridsWithoutWorker: totals.gridsWithoutWorker,
    overloadedGrids: totals.overloadedGrids,
    gridsWithoutBuildingLeaders: totals.gridsWithoutBuildingLeaders,
    streets: totals.streets,
    targetStreets: totals.targetStreets,
    targetStreetsCovered: totals.targetStreetsCovered,
    streetsWithoutStation: totals.streetsWithoutStation,
    stations: totals.stations,
    servingStations: totals.servingStations,
    rooms: totals.rooms,
    socialWorkers: totals.socialWorkers,
    socialOrgKnown: totals.socialOrgKnown,
    socialOrganisations: totals.socialOrganisations,
    communitiesWithoutSocialOrg: totals.communitiesWithoutSocialOrg,
    volunteersKnownPopulation: totals.volunteersKnownPopulation,
    volunteers: totals.volunteers,
    certifiedKnownWorkers: totals.certifiedKnownWorkers,
    certifiedWorkers: totals.certifiedWorkers,
    registeredUnitsKnown: totals.registeredUnitsKnown,
    registeredUnits: totals.registeredUnits,
    registeredUnitMembers: totals.registeredUnitMembers,
    communitiesWithoutRegisteredUnit: totals.communitiesWithoutRegisteredUnit,
    bigPartyCommitteeMemberUnits: totals.bigPartyCommitteeMemberUnits,
    partyBranchCoverage: shares.partyBranchCoverage,
    partyBranchCoverageHouseholds: shares.partyBranchCoverageHouseholds,
    redPropertyRate: shares.redPropertyRate,
    ownersCommitteeRate: shares.ownersCommitteeRate,
    bigPartyCommitteeRate: shares.bigPartyCommitteeRate,
    dualRegisteredPer100Households: shares.dualRegisteredPer100Households,
    householdsPerWorker: shares.householdsPerWorker,
    stationAccessRate: shares.stationAccessRate,
    stationAccessRateLocated: shares.stationAccessRateLocated,
    locatedShare: shares.locatedShare,
    unassignedRate: shares.unassignedRate,
    stationCoverage: shares.stationCoverage,
    workersVolunteersPer1000: shares.workersVolunteersPer1000,
    withoutSocialOrgRate: shares.withoutSocialOrgRate,
    certifiedRate: shares.certifiedRate,
    registeredUnitsPerCommunity: shares.registeredUnitsPerCommunity,
    communitiesWithoutRegisteredUnitKnown: shares.communitiesWithoutRegisteredUnitKnown,
  };
}

interface KindTotals {
  city: Record<CommunityKind, Totals>;
  prefectures: Array<Record<CommunityKind, Totals>>;
  districts: Array<Record<CommunityKind, Totals>>;
}

const pair = (): Record<CommunityKind, Totals> => ({ 居委会: zeroTotals(), 村委会: zeroTotals() });

/** Community totals summed by the community's kind, for the dataset, each prefecture and each county. */
export function totalsByKind(model: Model, rollup: Rollup): KindTotals {
  const result: KindTotals = { city: pair(), prefectures: model.prefectures.map(pair), districts: model.districts.map(pair) };
  model.communities.forEach((community, index) => {
    const totals = rollup.communities[index];
    const district = model.streets[community.streetIndex]?.districtIndex ?? -1;
    const prefecture = model.districts[district]?.prefectureIndex ?? -1;
    if (!totals) return;
    for (const target of [result.city, result.districts[district], result.prefectures[prefecture]]) if (target) addInto(target[community.kind], totals);
  });
  return result;
}

const kindIndicators = (totals: Record<CommunityKind, Totals>): Record<CommunityKind, Indicators> => ({
  居委会: indicatorsOf(totals.居委会),
  村委会: indicatorsOf(totals.村委会),
});

/** The reports of the dataset and its prefectures, counties and townships: what a summary shows first. */
export function areaReportsOf(analysis: Analysis, cityName = "city"): Pick<AnalysisReport, "thresholds" | "city" | "prefectures" | "districts" | "streets"> {
  const { model, rollup } = analysis;
  const kinds = totalsByKind(model, rollup);
  return {
    thresholds: analysis.thresholds,
    city: { ...unitReport("city", "", cityName, null, rollup.city), byKind: kindIndicators(kinds.city) },
    prefectures: model.prefectures.map((row, index) => ({
      ...unitReport("prefecture", row.code, row.name, null, rollup.prefectures[index] as Totals),
      byKind: kindIndicators(kinds.prefectures[index] ?? pair()),
    })),
    districts: model.districts.map((row, index) => ({
      ...unitReport("district", row.code, row.name, model.prefectures[row.prefectureIndex]?.code ?? null, rollup.districts[index] as Totals),
      byKind: kindIndicators(kinds.districts[index] ?? pair()),
    })),
    streets: model.streets.map((row, index) =>
      unitReport("street", row.code, row.name, model.districts[row.districtIndex]?.code ?? null, rollup.streets[index] as Totals),
    ),
  };
}

/** Every community's report. */
export function communityReportsOf(analysis: Pick<Analysis, "model" | "rollup">): UnitReport[] {
  const { model, rollup } = analysis;
  return model.communities.map((row, index) =>
    unitReport("community", row.code, row.name, model.streets[row.streetIndex]?.code ?? null, rollup.communities[index] as Totals),
  );
}

/** Plain JSON-ready view of an analysis: indicators per unit, gaps and problems. */
export function reportOf(analysis: Analysis, cityName = "city"): AnalysisReport {
  return { ...areaReportsOf(analysis, cityName), communities: communityReportsOf(analysis), gaps: analysis.gaps, problems: analysis.model.problems };
}
