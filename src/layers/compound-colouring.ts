// What compounds are coloured by: one yes/no indicator at a time, in the covered/gap colours, or
// station access in three distance bands. Expressions read the contract's properties, so GeoJSON
// sources and vector tiles share them.
import type { ExpressionSpecification } from "maplibre-gl";
import { palette, rgbaToCss } from "./palette.ts";

export const COMPOUND_COLOURINGS = ["partyBranch", "redProperty", "ownersCommittee", "gridAssigned", "stationAccess"] as const;
export type CompoundColouring = (typeof COMPOUND_COLOURINGS)[number];
export type YesNoColouring = Exclude<CompoundColouring, "stationAccess">;

/**
 * Compound ids by distance to the nearest station, from the engine: within half the service
 * distance, within it; every other compound is beyond it.
 */
export interface AccessBands {
  near: readonly string[];
  within: readonly string[];
}

/** True where the compound meets the indicator (drawn in the covered colour). */
export function compoundCondition(colouring: YesNoColouring): ExpressionSpecification {
  // A missing gridId (null in GeoJSON, absent in tiles) is "in no grid".
  if (colouring === "gridAssigned") return ["to-boolean", ["get", "gridId"]];
  return ["to-boolean", ["get", colouring]];
}

function accessFill(bands: AccessBands | undefined): ExpressionSpecification {
  // Until the engine has measured distances, compounds show as "no value", not as out of reach.
  if (!bands) return ["literal", palette.choroplethMissing] as unknown as ExpressionSpecification;
  const branches: Array<readonly string[] | string> = [];
  if (bands.near.length > 0) branches.push(bands.near, rgbaToCss(palette.accessNear));
  if (bands.within.length > 0) branches.push(bands.within, rgbaToCss(palette.accessWithin));
  if (branches.length === 0) return ["literal", rgbaToCss(palette.accessBeyond)] as unknown as ExpressionSpecification;
  return ["match", ["to-string", ["get", "id"]], ...branches, rgbaToCss(palette.accessBeyond)] as unknown as ExpressionSpecification;
}

/** Colourings whose field may be unknown (null) or not apply (a 自然村 has no property company). */
export function mayBeUnknown(colouring: YesNoColouring): boolean {
  return colouring !== "gridAssigned";
}

export function compoundFill(colouring: CompoundColouring, bands?: AccessBands): ExpressionSpecification {
  if (colouring === "stationAccess") return accessFill(bands);
  if (!mayBeUnknown(colouring)) return ["case", compoundCondition(colouring), rgbaToCss(palette.compoundCovered), rgbaToCss(palette.compoundGap)];
  // Unknown is not no: null (absent in tiles) gets the "no value" colour, never the gap colour.
  return [
    "case",
    ["==", ["get", colouring], true],
    rgbaToCss(palette.compoundCovered),
    ["==", ["get", colouring], false],
    rgbaToCss(palette.compoundGap),
    palette.choroplethMissing,
  ];
}

/** "Show only gaps": the filter that keeps compounds in the gap state of the colouring. */
export function compoundGapFilter(colouring: CompoundColouring, bands?: AccessBands): ExpressionSpecification | null {
  if (colouring !== "stationAccess") return mayBeUnknown(colouring) ? ["==", ["get", colouring], false] : ["!", compoundCondition(colouring)];
  if (!bands) return null;
  const served = [...bands.near, ...bands.within];
  // A `match` looks labels up in a set; `in` over a literal array would scan it for every feature.
  return served.length > 0 ? (["match", ["to-string", ["get", "id"]], served, false, true] as unknown as ExpressionSpecification) : null;
}
