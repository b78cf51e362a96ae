// What compounds are coloured by: one yes/no indicator at a time, in the covered/gap colours.
// Expressions read the contract's properties, so GeoJSON sources and vector tiles share them.
import type { ExpressionSpecification } from "maplibre-gl";
import { palette, rgbaToCss } from "./palette.ts";

export const COMPOUND_COLOURINGS = ["partyBranch", "redProperty", "ownersCommittee", "gridAssigned"] as const;
export type CompoundColouring = (typeof COMPOUND_COLOURINGS)[number];

/** True where the compound meets the indicator (drawn in the covered colour). */
function condition(colouring: CompoundColouring): ExpressionSpecification {
  // A missing gridId (null in GeoJSON, absent in tiles) is "in no grid".
  if (colouring === "gridAssigned") return ["to-boolean", ["get", "gridId"]];
  return ["to-boolean", ["get", colouring]];
}

export function compoundFill(colouring: CompoundColouring): ExpressionSpecification {
  return ["case", condition(colouring), rgbaToCss(palette.compoundCovered), rgbaToCss(palette.compoundGap)];
}
