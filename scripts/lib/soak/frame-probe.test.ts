import { describe, expect, it } from "vitest";
import { FRAME_BUCKETS, frameSummary } from "./frame-probe.ts";

/** A histogram with `count` frames at each of the given intervals (ms). */
function histogram(entries: Array<[number, number]>): number[] {
  const buckets = Array.from({ length: FRAME_BUCKETS }, () => 0);
  for (const [interval, count] of entries) buckets[interval] = (buckets[interval] ?? 0) + count;
  return buckets;
}

describe("frameSummary", () => {
  it("has no figures without frames", () => {
    expect(frameSummary(histogram([]))).toEqual({ frames: 0, median: null, p95: null });
  });

  it("takes the nearest-rank median and 95th percentile", () => {
    // 90 frames at 50 ms, 10 at 400 ms: the median is 50, the 95th percentile 400.
    expect(
      frameSummary(
        histogram([
          [50, 90],
          [400, 10],
        ]),
      ),
    ).toEqual({ frames: 100, median: 50, p95: 400 });
  });

  it("counts one frame as every quantile", () => {
    expect(frameSummary(histogram([[17, 1]]))).toEqual({ frames: 1, median: 17, p95: 17 });
  });

  it("keeps intervals of 2 s and longer in the last bucket", () => {
    expect(frameSummary(histogram([[FRAME_BUCKETS - 1, 3]])).median).toBe(2000);
  });
});
