// The 3D sandtable (电子沙盘): areas raised as prisms whose height is their indicator value,
// scaled to the range of that indicator over the areas of the level shown, and coloured by the
// same choropleth as the flat fill. Heights are held at a constant on-screen size across zooms
// (they double in metres per zoom level out), so prisms read the same over the province and over
// a city.
import type { ExpressionSpecification } from "maplibre-gl";
import { METRES_PER_PIXEL_AT_ZOOM_ZERO } from "../data/earth.ts";
import type { AreaColouring } from "./choropleth.ts";

/** The camera pitch of the sandtable, in degrees from the vertical. */
export const SANDTABLE_PITCH = 55;

/**
 * What the sandtable raises when no area colouring is chosen: party-organisation coverage of the
 * townships over a province (or anything above a city), of the communities over a city or less.
 */
export function sandtableColouring(datasetLevel: "province" | "prefecture" | "county" | "township"): AreaColouring {
  return { level: datasetLevel === "province" ? "streets" : "communities", indicator: "partyBranchCoverage" };
}

/** The lowest area with a value is this share of the tallest, so it still reads as raised. */
export const MIN_HEIGHT_SHARE = 0.06;

/** The tallest prism's height in CSS pixels at pitch 0 (seen from the side it is drawn foreshortened). */
export const TALLEST_PIXELS = 140;

/** Height shares are rounded to this step, so a `match` holds at most 1 / step branches however many areas. */
const SHARE_STEP = 0.01;

export interface HeightScale {
  /** Lowest and highest value over the areas with one; null when none has a value. */
  domain: [number, number] | null;
  /** Each area's height as a share of the tallest (0 for an area without a value). */
  shares: Map<string, number>;
}

/**
 * Heights of `areas` as shares of the tallest: linear from MIN_HEIGHT_SHARE at the lowest value to
 * 1 at the highest; all at 1 when every value is the same; 0 (flat) where the value is missing.
 */
export function heightScale(areas: ReadonlyArray<{ code: string; value: number | null }>): HeightScale {
  const values = areas.flatMap((area) => (area.value !== null && Number.isFinite(area.value) ? [area.value] : []));
  const shares = new Map<string, number>();
  if (values.length === 0) {
    for (const area of areas) shares.set(area.code, 0);
    return { domain: null, shares };
  }
  const low = Math.min(...values);
  const high = Math.max(...values);
  for (const area of areas) {
    const value = area.value;
    if (value === null || !Number.isFinite(value)) shares.set(area.code, 0);
    else shares.set(area.code, high === low ? 1 : MIN_HEIGHT_SHARE + ((1 - MIN_HEIGHT_SHARE) * (value - low)) / (high - low));
  }
  return { domain: [low, high], shares };
}

/** Metres that TALLEST_PIXELS span at zoom 0 at `latitude` (degrees). */
export function tallestMetresAtZoomZero(latitude: number): number {
  return TALLEST_PIXELS * METRES_PER_PIXEL_AT_ZOOM_ZERO * Math.cos((latitude * Math.PI) / 180);
}

/** MapLibre `match` from an area's code to its height share (rounded to SHARE_STEP); 0 for an unknown code. */
export function shareExpression(scale: HeightScale): ExpressionSpecification {
  const byShare = new Map<number, string[]>();
  for (const [code, share] of scale.shares) {
    const rounded = Math.round(share / SHARE_STEP) * SHARE_STEP;
    if (rounded === 0) continue;
    const key = Number(rounded.toFixed(2));
    const codes = byShare.get(key) ?? [];
    codes.push(code);
    byShare.set(key, codes);
  }
  if (byShare.size === 0) return ["literal", 0] as unknown as ExpressionSpecification;
  const branches = [...byShare].toSorted(([left], [right]) => left - right).flatMap(([share, codes]) => [codes, share]);
  return ["match", ["to-string", ["get", "code"]], ...branches, 0] as unknown as ExpressionSpecification;
}

/**
 * `fill-extrusion-height` in metres: the share times the tallest height, which halves with every
 * zoom level in so the prisms keep their on-screen size. Sized at one latitude (the dataset's
 * centre); across a province (21°-29° N) that is within 5%.
 */
export function extrusionHeight(scale: HeightScale, latitude: number): ExpressionSpecification {
  const share = shareExpression(scale);
  const atZero = tallestMetresAtZoomZero(latitude);
  // Base ½: MapLibre's exponential interpolation between these two stops is then exactly atZero / 2^zoom.
  return ["interpolate", ["exponential", 0.5], ["zoom"], 0, ["*", atZero, share], 24, ["*", atZero / 2 ** 24, share]] as unknown as ExpressionSpecification;
}
