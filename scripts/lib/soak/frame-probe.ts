// Frame times while the wall's map flies, kept as a histogram of 1-ms buckets so that measuring a
// long soak does not itself grow the page's memory. The script runs in the page before the app;
// the summary is pure and tested.
import type { Page } from "playwright-core";

/** Buckets 0..2000 ms; the last one holds every interval of 2 s and longer. */
export const FRAME_BUCKETS = 2001;

/**
 * Counts the interval between animation frames whenever the map (window.partyMap, ?debug=1) is
 * moving. A plain string: tsx rewrites functions handed to the page in ways only Node knows.
 */
export const FRAME_PROBE_SCRIPT = `
(() => {
  const probe = { moving: new Uint32Array(${FRAME_BUCKETS}), last: 0 };
  const tick = (now) => {
    const map = window.partyMap && window.partyMap.map;
    if (probe.last && map && map.isMoving()) probe.moving[Math.min(${FRAME_BUCKETS - 1}, Math.round(now - probe.last))] += 1;
    probe.last = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  window.soakFrames = probe;
})();
`;

interface ProbeWindow {
  soakFrames?: { moving: Uint32Array };
}

export async function resetFrames(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as ProbeWindow).soakFrames?.moving.fill(0));
}

export async function readFrames(page: Page): Promise<number[]> {
  return page.evaluate(() => Array.from((window as unknown as ProbeWindow).soakFrames?.moving ?? []));
}

export interface FrameSummary {
  frames: number;
  /** Milliseconds; null when no frame was counted. */
  median: number | null;
  p95: number | null;
}

/** The bucket (ms) below which `share` of the frames fall: nearest rank over the histogram. */
function quantile(histogram: readonly number[], total: number, share: number): number | null {
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(share * total));
  let seen = 0;
  for (let bucket = 0; bucket < histogram.length; bucket += 1) {
    seen += histogram[bucket] ?? 0;
    if (seen >= rank) return bucket;
  }
  return histogram.length - 1;
}

export function frameSummary(histogram: readonly number[]): FrameSummary {
  const frames = histogram.reduce((sum, count) => sum + count, 0);
  return { frames, median: quantile(histogram, frames, 0.5), p95: quantile(histogram, frames, 0.95) };
}
