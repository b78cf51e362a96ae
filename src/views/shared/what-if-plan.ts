// The what-if plan as the URL and panels hold it, and the engine scenario it stands for.
import { DEFAULT_THRESHOLDS } from "../../domain/indicators.ts";
import type { Scenario, StationEdit } from "../../domain/what-if.ts";

export interface WhatIfPlan {
  /** New stations, [longitude, latitude] in EPSG:4326. */
  planned: Array<[number, number]>;
  /** Existing stations dragged to a new place. */
  moved: Array<{ id: string; position: [number, number] }>;
  /** Existing stations taken away. */
  removed: string[];
  /** Service distance in metres. */
  serviceDistance: number;
}

export const EMPTY_PLAN: WhatIfPlan = { planned: [], moved: [], removed: [], serviceDistance: DEFAULT_THRESHOLDS.serviceDistanceMetres };

export function plannedId(index: number): string {
  return `planned-${index + 1}`;
}

export function isEmptyPlan(plan: WhatIfPlan): boolean {
  return plan.planned.length === 0 && plan.moved.length === 0 && plan.removed.length === 0 && plan.serviceDistance === DEFAULT_THRESHOLDS.serviceDistanceMetres;
}

export function scenarioOf(plan: WhatIfPlan): Scenario {
  const edits: StationEdit[] = [
    ...plan.removed.map((id): StationEdit => ({ type: "remove", id })),
    ...plan.moved.map(({ id, position: [longitude, latitude] }): StationEdit => ({ type: "move", id, longitude, latitude })),
    ...plan.planned.map(([longitude, latitude], index): StationEdit => ({
      type: "add",
      // No name: the engine calls it by its id, and the interface names planned stations itself,
      // in the language on screen (whatIf.planned, legend.planned).
      id: plannedId(index),
      longitude,
      latitude,
    })),
  ];
  return { edits, thresholds: { serviceDistanceMetres: plan.serviceDistance } };
}

/** Moves a station: an existing one is recorded as moved (again, if it was); a planned one changes place. */
export function moveStation(plan: WhatIfPlan, id: string, position: [number, number]): WhatIfPlan {
  const plannedIndex = plan.planned.findIndex((_position, index) => plannedId(index) === id);
  if (plannedIndex >= 0) return { ...plan, planned: plan.planned.map((existing, index) => (index === plannedIndex ? position : existing)) };
  return { ...plan, moved: [...plan.moved.filter((move) => move.id !== id), { id, position }] };
}

/** Removes a station: a planned one leaves the plan; an existing one is recorded as removed. */
export function removeStation(plan: WhatIfPlan, id: string): WhatIfPlan {
  const plannedIndex = plan.planned.findIndex((_position, index) => plannedId(index) === id);
  if (plannedIndex >= 0) return { ...plan, planned: plan.planned.filter((_position, index) => index !== plannedIndex) };
  if (plan.removed.includes(id)) return plan;
  return { ...plan, moved: plan.moved.filter((move) => move.id !== id), removed: [...plan.removed, id] };
}
