/**
 * How many households a community has and how they split into compounds, before anything is
 * placed. Urban 居委会 have 2,000-6,000 households, many in 5-25 compounds of 100-2,000; villages
 * (村委会) 500-1,500, with 0-4 mapped settlements of 30-300. The rest are scattered households
 * that belong to the community but to no compound.
 */
import type { Random } from "./prng.ts";

export type CompoundStyle = "estate" | "village-group";

export interface CompoundRequest {
  households: number;
  style: CompoundStyle;
  /** Wanted footprint in square metres. */
  squareMetres: number;
}

export interface HouseholdPlan {
  /** Households the community wants; raised later if placed compounds need more. */
  households: number;
  compounds: CompoundRequest[];
}

export interface Density {
  /** Multiplier on compound counts (the province stress set uses more). */
  compounds: number;
  /** Multiplier on grid counts. */
  grids: number;
}

export const CITY_DENSITY: Density = { compounds: 1, grids: 1 };

export function planHouseholds(
  random: Random,
  kind: "居委会" | "村委会",
  urbanStreet: boolean,
  density: Density,
): HouseholdPlan {
  if (kind === "居委会") {
    const households = Math.round(random.logNormal(urbanStreet ? 3400 : 2600, 0.35, 2000, 6000));
    const inCompounds = households * random.uniform(0.6, 0.9);
    const maximum = Math.round(25 * density.compounds);
    const minimum = urbanStreet ? 5 : 3;
    const count = clamp(Math.round((inCompounds / random.uniform(120, 260)) * density.compounds), minimum, maximum);
    const weights = Array.from({ length: count }, () => random.logNormal(1, 0.75, 0.1, 20));
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    const compounds = weights.map((weight) => {
      const size = clamp(Math.round((weight / total) * inCompounds), 100, 2000);
      return { households: size, style: "estate" as const, squareMetres: size * random.uniform(30, 70) };
    });
    return { households, compounds };
  }
  const households = Math.round(random.logNormal(850, 0.35, 500, 1500));
  const count = Math.round(random.weighted([[0, 0.15], [1, 0.22], [2, 0.25], [3, 0.2], [4, 0.18]] as const) * density.compounds);
  const compounds: CompoundRequest[] = [];
  let budget = households * 0.8;
  for (let i = 0; i < count; i++) {
    const estate = random.chance(urbanStreet ? 0.5 : 0.2);
    const size = Math.round(estate ? random.logNormal(180, 0.5, 60, 300) : random.logNormal(90, 0.6, 30, 300));
    if (size > budget) break;
    budget -= size;
    compounds.push({
      households: size,
      style: estate ? "estate" : "village-group",
      squareMetres: size * (estate ? random.uniform(35, 70) : random.uniform(120, 250)),
    });
  }
  return { households, compounds };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
