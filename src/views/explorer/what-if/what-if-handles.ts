// The stations what-if mode puts a draggable handle on, derived from the plan: every planned and
// moved station, and the existing station whose card is open (so it can be dragged or removed).
import type { UnitInfo } from "../../../domain/unit-lookup.ts";
import type { WhatIfHandle } from "../../map/WhatIfHandles.tsx";
import { plannedId, type WhatIfPlan } from "../../shared/what-if-plan.ts";

/** Names and places of existing stations by id, as the engine describes them. */
export type StationInfo = Readonly<Record<string, Pick<UnitInfo, "name" | "position">>>;

/** The existing station whose card is open in what-if mode. */
export interface FocusedStation {
  id: string;
  name: string;
}

/** Existing stations to look up: the moved, the removed and the focused one, sorted so the query key does not change with edit order. */
export function touchedStationIds(plan: Pick<WhatIfPlan, "moved" | "removed">, focusedId: string | undefined): string[] {
  return [...new Set([...plan.moved.map((move) => move.id), ...plan.removed, ...(focusedId ? [focusedId] : [])])].toSorted();
}

/**
 * Planned stations are labelled by number, moved ones by name (their id until the name is known).
 * The focused station gets a handle once its place is known, unless it already has one as moved.
 */
export function planHandles(
  plan: Pick<WhatIfPlan, "planned" | "moved">,
  focused: FocusedStation | null,
  stations: StationInfo | undefined,
  label: (name: string) => string,
): WhatIfHandle[] {
  const handles: WhatIfHandle[] = plan.planned.map((position, index) => ({ id: plannedId(index), position, label: label(`${index + 1}`) }));
  for (const move of plan.moved) handles.push({ id: move.id, position: move.position, label: label(stations?.[move.id]?.name ?? move.id) });
  const focusedPlace = focused && !plan.moved.some((move) => move.id === focused.id) ? stations?.[focused.id]?.position : undefined;
  if (focused && focusedPlace) handles.push({ id: focused.id, position: focusedPlace, label: label(focused.name) });
  return handles;
}
