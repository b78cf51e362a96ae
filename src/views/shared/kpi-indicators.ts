// Which indicators the explorer's KPI panel and the snapshot sheet's KPI box show, in reading order.
import type { ReportIndicatorId } from "../../domain/indicator-registry.ts";

export const KPI_INDICATORS = [
  "partyBranchCoverage",
  "redPropertyRate",
  "stationAccessRate",
  "stationCoverage",
  "streetsWithoutStation",
  "gridsWithoutWorker",
  "unassignedCompounds",
  "unlocatedHouseholds",
] as const satisfies readonly ReportIndicatorId[];
