// How an indicator's value is written. One formatter for the KPI panel, charts, wall, legend and
// exported sheets, so the same number never reads two ways.

/** A share is a fraction 0-1; a count is whole things; a ratio is a count per something. */
export type IndicatorFormat = "share" | "count" | "ratio";

/**
 * 0.56 -> "56.0%", 12345 -> "12,345", 279.4 -> "279" (a ratio is read to the whole unit).
 * Missing (null, NaN, anything not a number) -> "—", never 0: a share over zero has no value.
 */
export function formatIndicatorValue(value: unknown, format: IndicatorFormat): string {
  if (typeof value !== "number" || !Number.isFinite(value)) return "—";
  if (format === "share") return `${(value * 100).toFixed(1)}%`;
  // zh-CN groups by thousands like en ("12,345"), so one grouping serves both languages.
  return (format === "ratio" ? Math.round(value) : value).toLocaleString("zh-CN");
}
