// The one registry of the indicators the interface shows: the report field each reads, how it is
// written, what it counts, which way is better, and the message keys of its label and definition.
// The KPI panel, charts, wall, area fills, legend and exported sheets read it; each view keeps only
// its own list of ids. Message keys are plain strings here, because domain imports nothing from
// views; src/views/shared/indicator-text.ts makes a key the messages lack a compile error.
import { formatIndicatorValue, type IndicatorFormat } from "./indicator-format.ts";
import type { Indicators, Thresholds } from "./indicators.ts";

export const INDICATOR_IDS = [
  "partyBranchCoverage",
  "redPropertyRate",
  "stationAccessRate",
  "stationCoverage",
  "streetsWithoutStation",
  "gridsWithoutWorker",
  "unassignedCompounds",
  "unlocatedHouseholds",
  "householdsPerWorker",
  "dualRegisteredMembers",
  "dualRegisteredPer100Households",
  "registeredUnitsPerCommunity",
  "communitiesWithoutRegisteredUnit",
  "bigPartyCommitteeMemberUnits",
  "workersVolunteersPer1000",
  "withoutSocialOrgRate",
  "certifiedRate",
  "gapCount",
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];
/** Indicators read from a unit's report; the gap count comes from the engine's gap list instead. */
export type ReportIndicatorId = Exclude<IndicatorId, "gapCount">;

/** What a count counts; for a share, what its numerator and denominator count (小区 only: estates). */
export type CountedUnit = "compounds" | "estates" | "households" | "townships" | "grids" | "members" | "gaps" | "units" | "communities" | "people" | "workers";

export interface IndicatorSpec {
  id: IndicatorId;
  /** The report field it reads; null when the value is not in the report. */
  field: keyof Indicators | null;
  format: IndicatorFormat;
  counts: CountedUnit;
  /** For a ratio: what the count is divided by. */
  per?: "worker" | "100 households" | "community" | "1,000 residents";
  /** Which end is better: the area fills give the worse end the dark colour. */
  better: "higher" | "lower";
  label: string;
  definition: string;
  /** The map's wording (area colouring, legend, filter) where it differs from `label`. */
  mapLabel?: string;
  /** The wall's wording where it differs from `label`. */
  wallLabel?: string;
  /** The definition's placeholders under the thresholds in force, already written out. */
  definitionValues?: (thresholds: Thresholds) => Record<string, string>;
}

export const INDICATORS = {
  partyBranchCoverage: {
    id: "partyBranchCoverage",
    field: "partyBranchCoverage",
    format: "share",
    counts: "compounds",
    better: "higher",
    label: "kpi.partyBranchCoverage",
    definition: "kpi.partyBranchCoverage.definition",
  },
  redPropertyRate: {
    id: "redPropertyRate",
    field: "redPropertyRate",
    format: "share",
    counts: "estates",
    better: "higher",
    label: "kpi.redPropertyRate",
    definition: "kpi.redPropertyRate.definition",
    mapLabel: "indicator.redPropertyRate",
  },
  stationAccessRate: {
    id: "stationAccessRate",
    field: "stationAccessRate",
    format: "share",
    counts: "households",
    better: "higher",
    label: "kpi.stationAccessRate",
    definition: "kpi.stationAccessRate.definition",
    mapLabel: "indicator.stationAccessRate",
    definitionValues: (thresholds) => ({ metres: formatIndicatorValue(thresholds.serviceDistanceMetres, "count") }),
  },
  stationCoverage: {
    id: "stationCoverage",
    field: "stationCoverage",
    format: "share",
    counts: "townships",
    better: "higher",
    label: "kpi.stationCoverage",
    definition: "kpi.stationCoverage.definition",
  },
  streetsWithoutStation: {
    id: "streetsWithoutStation",
    field: "streetsWithoutStation",
    format: "count",
    counts: "townships",
    better: "lower",
    label: "kpi.streetsWithoutStation",
    definition: "kpi.streetsWithoutStation.definition",
  },
  gridsWithoutWorker: {
    id: "gridsWithoutWorker",
    field: "gridsWithoutWorker",
    format: "count",
    counts: "grids",
    better: "lower",
    label: "kpi.gridsWithoutWorker",
    definition: "kpi.gridsWithoutWorker.definition",
    mapLabel: "indicator.gridsWithoutWorker",
  },
  unassignedCompounds: {
    id: "unassignedCompounds",
    field: "unassignedCompounds",
    format: "count",
    counts: "compounds",
    better: "lower",
    label: "kpi.unassignedCompounds",
    definition: "kpi.unassignedCompounds.definition",
    mapLabel: "indicator.unassignedCompounds",
  },
  unlocatedHouseholds: {
    id: "unlocatedHouseholds",
    field: "unlocatedHouseholds",
    format: "count",
    counts: "households",
    better: "lower",
    label: "kpi.unlocatedHouseholds",
    definition: "kpi.unlocatedHouseholds.definition",
  },
  householdsPerWorker: {
    id: "householdsPerWorker",
    field: "householdsPerWorker",
    format: "ratio",
    counts: "households",
    per: "worker",
    better: "lower",
    label: "charts.householdsPerWorker",
    definition: "charts.householdsPerWorker.definition",
    mapLabel: "indicator.householdsPerWorker",
    definitionValues: (thresholds) => ({ standard: formatIndicatorValue(thresholds.householdsPerWorker, "count") }),
  },
  dualRegisteredMembers: {
    id: "dualRegisteredMembers",
    field: "dualRegisteredMembers",
    format: "count",
    counts: "members",
    better: "higher",
    label: "charts.dualRegisteredMembers",
    definition: "charts.dualRegisteredMembers.definition",
    wallLabel: "wall.kpi.dualRegisteredMembers",
  },
  dualRegisteredPer100Households: {
    id: "dualRegisteredPer100Households",
    field: "dualRegisteredPer100Households",
    format: "ratio",
    counts: "members",
    per: "100 households",
    better: "higher",
    label: "indicator.dualRegisteredPer100Households",
    definition: "indicator.dualRegisteredPer100Households.definition",
  },
  registeredUnitsPerCommunity: {
    id: "registeredUnitsPerCommunity",
    field: "registeredUnitsPerCommunity",
    format: "ratio",
    counts: "units",
    per: "community",
    better: "higher",
    label: "indicator.registeredUnitsPerCommunity",
    definition: "indicator.registeredUnitsPerCommunity.definition",
  },
  communitiesWithoutRegisteredUnit: {
    id: "communitiesWithoutRegisteredUnit",
    field: "communitiesWithoutRegisteredUnitKnown",
    format: "count",
    counts: "communities",
    better: "lower",
    label: "indicator.communitiesWithoutRegisteredUnit",
    definition: "indicator.communitiesWithoutRegisteredUnit.definition",
  },
  bigPartyCommitteeMemberUnits: {
    id: "bigPartyCommitteeMemberUnits",
    field: "bigPartyCommitteeMemberUnits",
    format: "count",
    counts: "units",
    better: "higher",
    label: "indicator.bigPartyCommitteeMemberUnits",
    definition: "indicator.bigPartyCommitteeMemberUnits.definition",
  },
  workersVolunteersPer1000: {
    id: "workersVolunteersPer1000",
    field: "workersVolunteersPer1000",
    format: "ratio",
    counts: "people",
    per: "1,000 residents",
    better: "higher",
    label: "indicator.workersVolunteersPer1000",
    definition: "indicator.workersVolunteersPer1000.definition",
  },
  withoutSocialOrgRate: {
    id: "withoutSocialOrgRate",
    field: "withoutSocialOrgRate",
    format: "share",
    counts: "communities",
    better: "lower",
    label: "indicator.withoutSocialOrgRate",
    definition: "indicator.withoutSocialOrgRate.definition",
  },
  certifiedRate: {
    id: "certifiedRate",
    field: "certifiedRate",
    format: "share",
    counts: "workers",
    better: "higher",
    label: "indicator.certifiedRate",
    definition: "indicator.certifiedRate.definition",
  },
  gapCount: {
    id: "gapCount",
    field: null,
    format: "count",
    counts: "gaps",
    better: "lower",
    label: "charts.gapCount",
    definition: "charts.gapCount.definition",
  },
} as const satisfies { [Id in IndicatorId]: IndicatorSpec & { id: Id } };

/** The values a definition's placeholders take under the thresholds in force ({metres}, {standard}). */
export function definitionValues(id: IndicatorId, thresholds: Thresholds): Record<string, string> {
  const spec: IndicatorSpec = INDICATORS[id];
  return spec.definitionValues?.(thresholds) ?? {};
}

/** A unit's value of an indicator; null when it has none (a share whose denominator is zero). */
export function indicatorValue(unit: Indicators, id: ReportIndicatorId): number | null {
  const value: unknown = unit[INDICATORS[id].field];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** A unit's value of an indicator as every view writes it: "56.0%", "1,234", "—". */
export function formattedValue(unit: Indicators, id: ReportIndicatorId): string {
  return formatIndicatorValue(indicatorValue(unit, id), INDICATORS[id].format);
}
