// Compounds grouped by walking distance to their nearest station (straight line, metres), for
// colouring the map: within half the service distance, within it, and (implicitly) beyond it.
import type { Analysis } from "./analysis.ts";

export interface AccessBandIds {
  near: string[];
  within: string[];
}

export function accessBandsOf(analysis: Pick<Analysis, "model" | "access" | "thresholds">): AccessBandIds {
  const metres = analysis.thresholds.serviceDistanceMetres;
  const near: string[] = [];
  const within: string[] = [];
  analysis.model.compounds.forEach((compound, index) => {
    const distance = analysis.access.distance[index] ?? Number.POSITIVE_INFINITY;
    if (distance <= metres / 2) near.push(compound.id);
    else if (distance <= metres) within.push(compound.id);
  });
  return { near, within };
}
