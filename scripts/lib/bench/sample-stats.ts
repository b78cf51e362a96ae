// Summaries of timing samples. Medians average the two middle values; percentiles use the
// nearest-rank definition, so p95 of 20 frames is the 19th slowest, an observed frame.

export function median(samples: readonly number[]): number | null {
  if (samples.length === 0) return null;
  const sorted = samples.toSorted((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
}

/** Nearest-rank percentile, p in (0, 100]. */
export function percentile(samples: readonly number[], p: number): number | null {
  if (samples.length === 0) return null;
  const sorted = samples.toSorted((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? null;
}

/** Median over runs of a figure that may be missing in some (a timed-out page). */
export function medianOfPresent(values: readonly (number | null)[]): number | null {
  return median(values.filter((value): value is number => value !== null && Number.isFinite(value)));
}
