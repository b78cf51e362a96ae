// Where the map flies for the tour: a new target object at each step, so even a stop reached
// again is flown to again, but not when the dataset reloads with the same stop in place.
import { useMemo } from "react";
import type { FlyTarget } from "../map/MapView.tsx";
import type { TourState } from "./tour-scheduler.ts";
import type { TourStop } from "../../domain/tour-stops.ts";

export function useTourFocus(stops: readonly TourStop[], tour: TourState): { stop: TourStop | undefined; flyTarget: FlyTarget | null } {
  const stop = tour.index >= 0 ? stops[tour.index] : undefined;
  // Primitives as dependencies: a reloaded dataset gives new stop objects with the same box.
  const [west = 0, south = 0, east = 0, north = 0] = stop?.bbox ?? [];
  const found = stop !== undefined;
  const flyTarget = useMemo((): FlyTarget | null => {
    if (tour.step === 0 || !found) return null;
    return { position: [(west + east) / 2, (south + north) / 2], bbox: [west, south, east, north] };
  }, [tour.step, found, west, south, east, north]);
  return { stop, flyTarget };
}
