/**
 * Hand-made shapes for the geometry tests (degrees, EPSG:4326, near Kunming so metre conversions
 * are realistic). Written by hand for these tests; deep-frozen so a function that mutates its
 * input fails loudly.
 */
import type { Area, Point } from "./polygon.ts";

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

const square = (west: number, south: number, size: number) => [
  [west, south],
  [west + size, south],
  [west + size, south + size],
  [west, south + size],
  [west, south],
];

/** An L-shaped (non-convex) polygon about 4 × 4 km. */
export const L_SHAPE: Area = deepFreeze([
  [
    [
      [102.7, 25.0],
      [102.74, 25.0],
      [102.74, 25.015],
      [102.715, 25.015],
      [102.715, 25.04],
      [102.7, 25.04],
      [102.7, 25.0],
    ],
  ],
]);

/** A 5 km square with a 1.5 km square hole (a lake) in the middle. */
export const SQUARE_WITH_HOLE: Area = deepFreeze([[square(102.7, 25.0, 0.05), square(102.72, 25.02, 0.015).toReversed()]]);

/** Two separate squares (a district with an exclave). */
export const TWO_SQUARES: Area = deepFreeze([[square(102.7, 25.0, 0.03)], [square(102.75, 25.0, 0.01)]]);

/** A convex hexagon-ish polygon. */
export const CONVEX: Area = deepFreeze([
  [
    [
      [102.7, 25.0],
      [102.73, 24.995],
      [102.75, 25.02],
      [102.73, 25.045],
      [102.7, 25.04],
      [102.69, 25.02],
      [102.7, 25.0],
    ],
  ],
]);

export const FIXTURES: readonly (readonly [string, Area])[] = [
  ["convex polygon", CONVEX],
  ["L-shaped polygon", L_SHAPE],
  ["polygon with a hole", SQUARE_WITH_HOLE],
  ["MultiPolygon", TWO_SQUARES],
];

export const CORE: Point = [102.705, 25.005];
