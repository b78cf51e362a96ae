// Options of the wall display (大屏), read from the same query string as the rest of the app:
// `?mode=wall&dwell=15&quiet=30&tour=530102001&refresh=60&mask=0&basemap=light&3d=1`, or
// `tour=laggards` / `tour=laggards:<target id>` for the 考核督导 laggards tour. Pure and
// round-trip tested; a value out of range falls back to its default rather than breaking the wall.
import { TOUR_PATTERN } from "../../domain/tour-stops.ts";

export type WallBasemap = "dark" | "light";

export interface WallOptions {
  /** Seconds each tour stop stays on screen, its flight included. */
  dwellSeconds: number;
  /** Seconds without touch, mouse or keys before a paused tour resumes. */
  quietSeconds: number;
  /** What the tour steps through (see TOUR_PATTERN): a level, or the code of a unit whose children are toured; null for the default. */
  tour: string | null;
  /**
   * The laggards tour (`tour=laggards[:<target id>]`): the units behind a target, missed first,
   * then warned. `targetId` null: the first target with units behind. Null: an area tour (`tour`).
   */
  laggards: { targetId: string | null } | null;
  /** Seconds between data refreshes. */
  refreshSeconds: number;
  /** Personal names shown masked (张*兰); `mask=0` shows them in full. */
  maskNames: boolean;
  basemap: WallBasemap;
  /** The 3D sandtable: the map tilted, the toured level raised by party coverage, the bearing turning at each stop. */
  sandtable: boolean;
}

export const DEFAULT_WALL_OPTIONS: Readonly<WallOptions> = Object.freeze({
  dwellSeconds: 15,
  quietSeconds: 30,
  tour: null,
  laggards: null,
  refreshSeconds: 60,
  maskNames: true,
  basemap: "dark",
  sandtable: false,
});

/** Accepted ranges in seconds: a refresh faster than 5 s would keep the engine busy for nothing. */
const RANGES = {
  dwell: [1, 3600],
  quiet: [1, 3600],
  refresh: [5, 86_400],
} as const;

/** `laggards`, or `laggards:` and a target id (targetSchema: lower-case letters, digits and dashes). */
const LAGGARDS_PATTERN = /^laggards(?::([a-z0-9-]+))?$/;

export function isWallMode(search: string): boolean {
  return new URLSearchParams(search).get("mode") === "wall";
}

function seconds(value: string | null, [low, high]: readonly [number, number], fallback: number): number {
  if (value === null || value.trim() === "") return fallback;
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed >= low && parsed <= high ? parsed : fallback;
}

export function parseWallOptions(search: string): WallOptions {
  const query = new URLSearchParams(search);
  const tour = query.get("tour");
  const laggards = tour === null ? null : LAGGARDS_PATTERN.exec(tour);
  return {
    dwellSeconds: seconds(query.get("dwell"), RANGES.dwell, DEFAULT_WALL_OPTIONS.dwellSeconds),
    quietSeconds: seconds(query.get("quiet"), RANGES.quiet, DEFAULT_WALL_OPTIONS.quietSeconds),
    tour: tour !== null && TOUR_PATTERN.test(tour) ? tour : null,
    laggards: laggards ? { targetId: laggards[1] ?? null } : null,
    refreshSeconds: seconds(query.get("refresh"), RANGES.refresh, DEFAULT_WALL_OPTIONS.refreshSeconds),
    maskNames: query.get("mask") !== "0",
    basemap: query.get("basemap") === "light" ? "light" : "dark",
    sandtable: query.get("3d") === "1",
  };
}

/** The wall's part of a query string (mode=wall and every option that differs from its default). */
export function serializeWallOptions(options: WallOptions): string {
  const query = new URLSearchParams({ mode: "wall" });
  if (options.dwellSeconds !== DEFAULT_WALL_OPTIONS.dwellSeconds) query.set("dwell", String(options.dwellSeconds));
  if (options.quietSeconds !== DEFAULT_WALL_OPTIONS.quietSeconds) query.set("quiet", String(options.quietSeconds));
  if (options.laggards !== null) query.set("tour", options.laggards.targetId === null ? "laggards" : `laggards:${options.laggards.targetId}`);
  else if (options.tour !== null) query.set("tour", options.tour);
  if (options.refreshSeconds !== DEFAULT_WALL_OPTIONS.refreshSeconds) query.set("refresh", String(options.refreshSeconds));
  if (!options.maskNames) query.set("mask", "0");
  if (options.basemap !== DEFAULT_WALL_OPTIONS.basemap) query.set("basemap", options.basemap);
  if (options.sandtable) query.set("3d", "1");
  return `?${query.toString()}`;
}
