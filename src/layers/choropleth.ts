// Areas (streets or communities) filled by a rolled-up indicator. Classes are quantile breaks
// rounded to readable numbers (d3), so each colour holds a similar number of areas and the legend
// reads "60%–75%", not "0.6034–0.7519". Colours are ColorBrewer OrRd, readable by red-green
// colour-blind viewers: darker always means worse, whichever way the indicator points (the
// registry says which way that is, and how the indicator is written).
import { quantile } from "d3";
import type { ExpressionSpecification } from "maplibre-gl";
import type { IndicatorFormat } from "../domain/indicator-format.ts";
import { INDICATORS, type ReportIndicatorId } from "../domain/indicator-registry.ts";
import { palette } from "./palette.ts";

/** The indicators areas can be filled by, in the order offered (registry ids; the URL's `ac=`). */
export const AREA_INDICATORS = [
  "partyBranchCoverage",
  "redPropertyRate",
  "stationAccessRate",
  "householdsPerWorker",
  "dualRegisteredPer100Households",
  "gridsWithoutWorker",
  "unassignedCompounds",
  "workersVolunteersPer1000",
  "withoutSocialOrgRate",
  "registeredUnitsPerCommunity",
] as const satisfies readonly ReportIndicatorId[];
export type AreaIndicator = (typeof AREA_INDICATORS)[number];
export type AreaLevel = "streets" | "communities";

/** What the areas are filled by; null draws no fill. */
export interface AreaColouring {
  level: AreaLevel;
  indicator: AreaIndicator;
}

/**
 * The class colours from the lowest class up: the ramp runs light to dark, so it is turned round
 * when a higher value is better and the low end is the worse one.
 */
export function classColours(indicator: AreaIndicator, classCount: number): string[] {
  const ramp = palette.choropleth[classCount] ?? palette.choropleth[5];
  return INDICATORS[indicator].better === "higher" ? ramp.toReversed() : [...ramp];
}

export interface ChoroplethClass {
  /** Lower bound (inclusive); -Infinity for the first class. */
  from: number;
  /** Upper bound (exclusive); Infinity for the last class. */
  to: number;
  colour: string;
}

export interface Choropleth {
  indicator: AreaIndicator;
  classes: ChoroplethClass[];
  /** Codes of the areas in each class, in class order. */
  members: string[][];
  /** Areas whose value is missing (its denominator is zero): drawn in the missing colour. */
  missing: string[];
}

/** Rounds a break to a number a legend can show: whole percent for shares, two significant digits otherwise. */
function readable(value: number, format: IndicatorFormat): number {
  if (format === "share") return Math.round(value * 100) / 100;
  if (format === "count") return Math.round(value);
  if (value === 0) return 0;
  const magnitude = 10 ** (Math.floor(Math.log10(Math.abs(value))) - 1);
  return Math.round(value / magnitude) * magnitude;
}

/** Up to five classes from quantile breaks of the values, rounded and de-duplicated. */
export function choroplethBreaks(values: readonly number[], format: IndicatorFormat, classCount = 5): number[] {
  const sorted = values.toSorted((left, right) => left - right);
  if (sorted.length === 0) return [];
  const breaks: number[] = [];
  for (let index = 1; index < classCount; index += 1) {
    const value = readable(quantile(sorted, index / classCount) ?? 0, format);
    if (value > (sorted[0] ?? 0) && value <= (sorted[sorted.length - 1] ?? 0) && !breaks.includes(value)) breaks.push(value);
  }
  return breaks.toSorted((left, right) => left - right);
}

export function buildChoropleth(indicator: AreaIndicator, areas: ReadonlyArray<{ code: string; value: number | null }>): Choropleth {
  const format = INDICATORS[indicator].format;
  const present = areas.flatMap((area) => (area.value === null || !Number.isFinite(area.value) ? [] : [area.value]));
  const breaks = choroplethBreaks(present, format);
  const bounds = [Number.NEGATIVE_INFINITY, ...breaks, Number.POSITIVE_INFINITY];
  const colours = classColours(indicator, breaks.length + 1);
  const classes = bounds
    .slice(0, -1)
    .map((from, index): ChoroplethClass => ({ from, to: bounds[index + 1] ?? Number.POSITIVE_INFINITY, colour: colours[index] ?? palette.choroplethMissing }));
  const members: string[][] = classes.map(() => []);
  const missing: string[] = [];
  for (const area of areas) {
    if (area.value === null || !Number.isFinite(area.value)) {
      missing.push(area.code);
      continue;
    }
    const value = area.value;
    const index = classes.findIndex((entry) => value >= entry.from && value < entry.to);
    members[index === -1 ? classes.length - 1 : index]?.push(area.code);
  }
  return { indicator, classes, members, missing };
}

/** MapLibre fill colour: a `match` on the area's code, one branch per non-empty class. */
export function choroplethFill(choropleth: Choropleth): ExpressionSpecification {
  const branches: Array<string[] | string> = [];
  choropleth.classes.forEach((entry, index) => {
    const codes = choropleth.members[index] ?? [];
    if (codes.length > 0) branches.push(codes, entry.colour);
  });
  if (branches.length === 0) return ["literal", palette.choroplethMissing] as unknown as ExpressionSpecification;
  return ["match", ["to-string", ["get", "code"]], ...branches, palette.choroplethMissing] as unknown as ExpressionSpecification;
}

/** "45%–60%", "< 45%", "≥ 80%": a class's range as the legend shows it. */
export function classRange(entry: ChoroplethClass, format: IndicatorFormat): string {
  const show = (value: number) => (format === "share" ? `${Math.round(value * 100)}%` : value.toLocaleString("zh-CN"));
  if (!Number.isFinite(entry.from) && !Number.isFinite(entry.to)) return "全部 / all";
  if (!Number.isFinite(entry.from)) return `< ${show(entry.to)}`;
  // A share cannot exceed 100%: the top class of a share at 1 is exactly 100%.
  if (!Number.isFinite(entry.to)) return format === "share" && entry.from >= 1 ? show(1) : `≥ ${show(entry.from)}`;
  return `${show(entry.from)}–${show(entry.to)}`;
}
