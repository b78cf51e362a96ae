/**
 * How many households a community has and how they split into residential units, before anything
 * is placed. A community's households scatter around its prefecture's census mean for its kind
 * (census-calibration.ts). Urban 居委会 put 78-95% of them in 3-25 compounds (小区) of 60-2,000;
 * rural 村委会 put 88-98% in 3-24 natural villages (自然村 / 村民小组) of 8-400, the size of
 * Yunnan's mountain villages (about 55 households on average), and a town's 村委会 sometimes has
 * a compound as well. What is left are households nobody has placed on the map (位置未落图).
 */
import type { CompoundKind } from "../../../../src/data/contract.ts";
import type { Random } from "./prng.ts";

export interface CompoundRequest {
  households: number;
  kind: CompoundKind;
  /** Wanted footprint in square metres. */
  squareMetres: number;
}

export interface HouseholdPlan {
  /** Households the community declares; raised later if placed units need more. */
  households: number;
  compounds: CompoundRequest[];
}

export interface Density {
  /** Multiplier on compound counts. */
  compounds: number;
  /** Multiplier on grid counts. */
  grids: number;
}

export const CITY_DENSITY: Density = { compounds: 1, grids: 1 };

/** Spread of a community's households around its mean (log-normal, mean 1). */
const HOUSEHOLD_SIGMA = 0.35;

/** A log-normal factor with mean 1, kept within [0.3, 3] so no community is absurd. */
function unitFactor(random: Random, sigma: number): number {
  const value = Math.exp(random.normal(-(sigma * sigma) / 2, sigma));
  return Math.min(3, Math.max(0.3, value));
}

function splitByWeights(random: Random, total: number, count: number, sigma: number, minimum: number, maximum: number): number[] {
  const weights = Array.from({ length: count }, () => random.logNormal(1, sigma, 0.1, 20));
  const sum = weights.reduce((acc, weight) => acc + weight, 0);
  return weights.map((weight) => clamp(Math.round((weight / sum) * total), minimum, maximum));
}

export function planHouseholds(random: Random, kind: "居委会" | "村委会", meanHouseholds: number, urbanStreet: boolean, density: Density): HouseholdPlan {
  const households = Math.max(40, Math.round(meanHouseholds * unitFactor(random, HOUSEHOLD_SIGMA)));
  if (kind === "居委会") {
    const inCompounds = households * random.uniform(0.78, 0.95);
    const count = clamp(Math.round((inCompounds / random.uniform(120, 260)) * density.compounds), urbanStreet ? 5 : 3, Math.round(25 * density.compounds));
    const compounds = splitByWeights(random, inCompounds, count, 0.75, 60, 2000).map((size) => ({
      households: size,
      kind: "小区" as const,
      squareMetres: size * random.uniform(30, 70),
    }));
    return { households, compounds };
  }
  const located = households * random.uniform(0.88, 0.98);
  const compounds: CompoundRequest[] = [];
  let left = located;
  // A town's village committee often has one estate of new housing at its edge.
  if (urbanStreet && random.chance(0.35)) {
    const size = Math.round(Math.min(left * 0.5, random.logNormal(150, 0.4, 60, 400)));
    compounds.push({ households: size, kind: "小区", squareMetres: size * random.uniform(35, 70) });
    left -= size;
  }
  const count = clamp(Math.round((left / random.logNormal(55, 0.35, 25, 120)) * density.compounds), 3, Math.round(24 * density.compounds));
  for (const size of splitByWeights(random, left, count, 0.6, 8, 400)) {
    compounds.push({ households: size, kind: "自然村", squareMetres: size * random.uniform(150, 300) });
  }
  return { households, compounds };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
