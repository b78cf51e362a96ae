import { describe, expect, it } from "vitest";
import { planHandles, touchedStationIds, type StationInfo } from "./what-if-handles.ts";
import { EMPTY_PLAN } from "../../shared/what-if-plan.ts";

// Station ids and places are made up in the shape of the demo data's (EPSG:4326 near Kunming).
const plan = Object.freeze({
  ...EMPTY_PLAN,
  planned: Object.freeze([Object.freeze([102.7, 25.0]), Object.freeze([102.8, 25.1])]) as Array<[number, number]>,
  moved: Object.freeze([Object.freeze({ id: "ST-2", position: Object.freeze([102.9, 25.2]) as [number, number] })]) as Array<{
    id: string;
    position: [number, number];
  }>,
});
const stations: StationInfo = Object.freeze({
  "ST-1": Object.freeze({ name: "翠湖社工站", position: Object.freeze([102.71, 25.05]) as [number, number] }),
  "ST-2": Object.freeze({ name: "华山社工室", position: Object.freeze([102.72, 25.04]) as [number, number] }),
});
const label = (name: string) => `handle ${name}`;

describe("planHandles", () => {
  it("puts a handle on every planned station, numbered, and every moved one, by name", () => {
    expect(planHandles(plan, null, stations, label)).toEqual([
      { id: "planned-1", position: [102.7, 25.0], label: "handle 1" },
      { id: "planned-2", position: [102.8, 25.1], label: "handle 2" },
      { id: "ST-2", position: [102.9, 25.2], label: "handle 华山社工室" },
    ]);
  });

  it("labels a moved station by its id until its name is known", () => {
    expect(planHandles(plan, null, undefined, label).at(-1)).toEqual({ id: "ST-2", position: [102.9, 25.2], label: "handle ST-2" });
  });

  it("adds the focused station at its own place once that is known", () => {
    const focused = { id: "ST-1", name: "翠湖社工站" };
    expect(planHandles(plan, focused, stations, label).at(-1)).toEqual({ id: "ST-1", position: [102.71, 25.05], label: "handle 翠湖社工站" });
    expect(planHandles(plan, focused, undefined, label)).toHaveLength(3);
  });

  it("does not add a second handle for a focused station that is already moved", () => {
    const handles = planHandles(plan, { id: "ST-2", name: "华山社工室" }, stations, label);
    expect(handles.filter((handle) => handle.id === "ST-2")).toEqual([{ id: "ST-2", position: [102.9, 25.2], label: "handle 华山社工室" }]);
  });

  it("has no handles for an empty plan and no focused station", () => {
    expect(planHandles(EMPTY_PLAN, null, stations, label)).toEqual([]);
  });
});

describe("touchedStationIds", () => {
  it("lists moved, removed and focused stations once each, sorted", () => {
    expect(touchedStationIds({ moved: plan.moved, removed: Object.freeze(["ST-3", "ST-1"]) as string[] }, "ST-2")).toEqual(["ST-1", "ST-2", "ST-3"]);
  });

  it("is empty when the plan touches no existing station and none is focused", () => {
    expect(touchedStationIds(EMPTY_PLAN, undefined)).toEqual([]);
  });
});
