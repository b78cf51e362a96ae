/**
 * Grid (网格) attributes. A grid's households are its compounds' households plus its share of the
 * community's scattered households; staffing follows size, with deliberate gaps: grids with no
 * worker, grids with more than 500 households per worker, and grids with no building leader.
 */
import type { GridProperties } from "../../../../src/data/contract.ts";
import { personName } from "./names.ts";
import type { Random } from "./prng.ts";
import { withStaffedDate } from "./programmes.ts";

export const UNSTAFFED_GRID_SHARE = 0.04;
export const NO_BUILDING_LEADER_SHARE = 0.05;
/** Households per worker above which a grid counts as overloaded (the app's threshold too). */
export const OVERLOAD_HOUSEHOLDS_PER_WORKER = 500;

export interface GridTally {
  id: string;
  name: string;
  communityCode: string;
  households: number;
  buildings: number;
}

export function gridAttributes(random: Random, tally: GridTally): GridProperties {
  const workers = staffing(random, tally.households);
  const buildingLeaders = random.chance(NO_BUILDING_LEADER_SHARE) ? 0 : Math.max(1, Math.round(tally.buildings * random.uniform(0.8, 1)));
  return withStaffedDate({
    id: tally.id,
    name: tally.name,
    communityCode: tally.communityCode,
    workers,
    households: tally.households,
    buildingLeaders,
    workerName: workers > 0 ? personName(random) : null,
  });
}

/**
 * Mostly one worker; grids above the overload line usually get a second (and very big ones a
 * third), but about a third of them do not, which leaves roughly 10% of grids overloaded.
 */
function staffing(random: Random, households: number): number {
  if (random.chance(UNSTAFFED_GRID_SHARE)) return 0;
  if (households <= OVERLOAD_HOUSEHOLDS_PER_WORKER || !random.chance(0.62)) return 1;
  return households > 2 * OVERLOAD_HOUSEHOLDS_PER_WORKER && random.chance(0.5) ? 3 : 2;
}

/**
 * Splits `total` into integer parts proportional to `weights` (largest remainder), so the parts
 * add up exactly: grid households must sum to the community's.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (weights.length === 0) return [];
  if (sum <= 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const exact = weights.map((w) => (w / sum) * total);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((s, p) => s + p, 0);
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .toSorted((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    parts[index] = (parts[index] as number) + 1;
    left -= 1;
  }
  return parts;
}
