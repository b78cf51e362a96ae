import { describe, expect, it } from "vitest";
import { EMPTY_PLAN, isEmptyPlan, moveStation, removeStation, scenarioOf } from "./what-if-plan.ts";

const plan = Object.freeze({ ...EMPTY_PLAN, planned: [[102.7, 25.0] as [number, number], [102.8, 25.1] as [number, number]] });

describe("what-if plan", () => {
  it("turns removals, moves and new stations into one engine scenario", () => {
    const scenario = scenarioOf({ ...plan, moved: [{ id: "s1", position: [102.9, 25.2] }], removed: ["s2"], serviceDistance: 800 });
    expect(scenario.edits.map((edit) => `${edit.type}:${edit.id}`)).toEqual(["remove:s2", "move:s1", "add:planned-1", "add:planned-2"]);
    expect(scenario.thresholds).toEqual({ serviceDistanceMetres: 800 });
  });

  it("moves a planned station in place and records an existing one as moved once", () => {
    expect(moveStation(plan, "planned-2", [1, 2]).planned).toEqual([
      [102.7, 25.0],
      [1, 2],
    ]);
    const twice = moveStation(moveStation(plan, "s1", [1, 1]), "s1", [2, 2]);
    expect(twice.moved).toEqual([{ id: "s1", position: [2, 2] }]);
  });

  it("removes a planned station from the plan and records an existing one as removed, dropping its move", () => {
    expect(removeStation(plan, "planned-1").planned).toEqual([[102.8, 25.1]]);
    const removed = removeStation(moveStation(plan, "s1", [1, 1]), "s1");
    expect(removed).toMatchObject({ moved: [], removed: ["s1"] });
    expect(removeStation(removed, "s1")).toBe(removed);
  });

  it("knows an empty plan", () => {
    expect(isEmptyPlan(EMPTY_PLAN)).toBe(true);
    expect(isEmptyPlan({ ...EMPTY_PLAN, removed: ["s1"] })).toBe(false);
  });
});
