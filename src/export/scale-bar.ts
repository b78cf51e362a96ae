// Scale bar maths for a Web Mercator map (EPSG:3857 as MapLibre draws it, 512-pixel world at
// zoom 0). The scale holds at the map's centre latitude; across a city the error stays below 1%.

import { EARTH_CIRCUMFERENCE_METRES } from "../data/earth.ts";

const WORLD_PIXELS_AT_ZOOM_ZERO = 512;
/** One sheet unit (1/96 inch) on paper, in metres. */
const METRES_PER_SHEET_UNIT = 0.0254 / 96;

/** Ground metres per CSS pixel of the map at a latitude (degrees) and zoom. */
export function metresPerMapPixel(latitude: number, zoom: number): number {
  return (EARTH_CIRCUMFERENCE_METRES * Math.cos((latitude * Math.PI) / 180)) / (WORLD_PIXELS_AT_ZOOM_ZERO * 2 ** zoom);
}

export interface ScaleBar {
  /** Ground length of the whole bar in metres: 1, 2 or 5 × a power of ten. */
  metres: number;
  /** Length of the bar on the sheet, in sheet units. */
  length: number;
  /** Alternating segments the bar is divided into. */
  segments: number;
}

/**
 * The longest round length (1, 2 or 5 × 10^n metres) that fits in `maxLength` sheet units at
 * `metresPerUnit` ground metres per sheet unit. Null when the inputs make no bar.
 */
export function scaleBar(metresPerUnit: number, maxLength: number): ScaleBar | null {
  if (!(metresPerUnit > 0) || !(maxLength > 0) || !Number.isFinite(metresPerUnit)) return null;
  const budget = metresPerUnit * maxLength;
  const power = 10 ** Math.floor(Math.log10(budget));
  const leading = [5, 2, 1].find((digit) => digit * power <= budget * (1 + 1e-9)) ?? 1;
  const metres = leading * power;
  return { metres, length: metres / metresPerUnit, segments: leading === 5 ? 5 : leading === 2 ? 4 : 2 };
}

/** The bar's length as people say it: "500 米", "2 千米" / "500 m", "2 km". */
export function formatDistance(metres: number, language: "zh" | "en"): string {
  const kilometres = metres >= 1000;
  const value = kilometres ? metres / 1000 : metres;
  const text = Number(value.toPrecision(6)).toLocaleString("en-US");
  if (language === "zh") return `${text} ${kilometres ? "千米" : "米"}`;
  return `${text} ${kilometres ? "km" : "m"}`;
}

/**
 * The representative fraction of a printed sheet (1 : N), N rounded to three significant digits;
 * only meaningful for paper printed at its page size.
 */
export function scaleDenominator(metresPerUnit: number): number {
  const exact = metresPerUnit / METRES_PER_SHEET_UNIT;
  if (!(exact > 0) || !Number.isFinite(exact)) return Number.NaN;
  const magnitude = 10 ** (Math.floor(Math.log10(exact)) - 2);
  return Math.round(exact / magnitude) * magnitude;
}
