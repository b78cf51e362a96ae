// How soon a failed refresh is tried again: a tenth of the refresh interval at first, doubling
// with every failure, never longer than the interval or five minutes, whichever is longer. A
// wall whose server is down keeps asking, but less and less often. Pure.

const LONGEST_WAIT_MS = 5 * 60_000;

/** Milliseconds before retry number `attempt` (0 for the first retry). */
export function retryDelayMs(attempt: number, refreshMs: number): number {
  const first = refreshMs / 10;
  const cap = Math.max(refreshMs, LONGEST_WAIT_MS);
  return Math.min(cap, first * 2 ** Math.max(0, attempt));
}
