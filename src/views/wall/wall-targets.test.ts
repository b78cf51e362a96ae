import { describe, expect, it } from "vitest";
import type { Target } from "../../data/contract.ts";
import { deepFreeze } from "../../../tests/support/deep-freeze.ts";
import { tallyOf, type TargetReport, type TargetStatus, type UnitStatus } from "../../domain/targets.ts";
import { formatDistance, formatTargetValue, laggardsOf, laggardTour } from "./wall-targets.ts";

const target = (id: string): Target => ({
  id,
  title: id,
  indicator: "partyBranchCoverage",
  level: "street",
  threshold: 0.8,
  start: "2020-01-01",
  deadline: "2026-12-31",
});
const unit = (code: string, status: TargetStatus, bbox: UnitStatus["bbox"] = [102, 25, 102.1, 25.1]): UnitStatus => ({
  level: "street",
  code,
  name: `街道${code}`,
  parentCode: "530102",
  value: status === "unknown" ? null : 0.5,
  status,
  distance: status === "unknown" ? null : 0.3,
  bbox,
});
/** Units in the engine's worst-first order (missed, warned, met, unknown). */
const report = (id: string, units: UnitStatus[]): TargetReport => ({
  target: target(id),
  indicator: "partyBranchCoverage",
  asOf: "2026-10-31",
  daysLeft: 61,
  tally: tallyOf(units),
  units,
});

const reports = deepFreeze([
  report("all-met", [unit("1", "met"), unit("2", "unknown")]),
  report("behind", [unit("3", "missed"), unit("4", "missed", null), unit("5", "warning"), unit("6", "met"), unit("7", "unknown")]),
]);

describe("the laggards tour", () => {
  it("visits the missed units, then the warned, skipping a unit without a box", () => {
    const tour = laggardTour(reports, "behind");
    expect(tour.note).toBeNull();
    expect(tour.stops.map((stop) => [stop.layer, stop.code])).toEqual([
      ["streets", "3"],
      ["streets", "5"],
    ]);
    expect(laggardsOf(tour.report as TargetReport).map((entry) => entry.code)).toEqual(["3", "4", "5"]);
  });

  it.each<[string, readonly TargetReport[], string | null, string | null, string | undefined]>([
    ["no target named: the first target behind", reports, null, null, "behind"],
    ["a target with every known unit met", reports, "all-met", "allMet", "all-met"],
    ["a target that does not exist", reports, "nowhere", "unknownTarget", undefined],
    ["a dataset without targets", [], null, "noTargets", undefined],
    ["no target named and none behind", reports.slice(0, 1), null, "allMet", "all-met"],
  ])("%s", (_label, given, targetId, note, toured) => {
    const tour = laggardTour(given, targetId);
    expect(tour.note).toBe(note);
    expect(tour.report?.target.id).toBe(toured);
    expect(tour.stops.length > 0).toBe(note === null);
  });
});

describe("target figures in words", () => {
  it.each<[number | null, "share" | "count" | "ratio", string]>([
    [0.123, "share", "12.3"],
    [0, "share", "0.0"],
    [3, "count", "3"],
    [0.45, "ratio", "0.5"],
    [null, "share", "—"],
  ])("a distance of %s (%s) reads %s", (distance, format, expected) => {
    expect(formatDistance(distance, format)).toBe(expected);
  });

  it.each<[number | null, "share" | "count" | "ratio", string]>([
    [0.8, "share", "80.0%"],
    [1.6, "ratio", "1.6"],
    [2, "ratio", "2"],
    [1234, "count", "1,234"],
    [null, "ratio", "—"],
  ])("a value of %s (%s) reads %s", (value, format, expected) => {
    expect(formatTargetValue(value, format)).toBe(expected);
  });
});
