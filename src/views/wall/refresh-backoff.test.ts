import { describe, expect, it } from "vitest";
import { retryDelayMs } from "./refresh-backoff.ts";

describe("retryDelayMs", () => {
  it("starts at a tenth of the refresh interval and doubles", () => {
    expect([0, 1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, 60_000))).toEqual([6_000, 12_000, 24_000, 48_000, 96_000]);
  });

  it("waits at most five minutes, or one interval when that is longer", () => {
    expect(retryDelayMs(10, 60_000)).toBe(300_000);
    expect(retryDelayMs(10, 3_600_000)).toBe(3_600_000);
  });

  it("treats a negative attempt as the first", () => {
    expect(retryDelayMs(-1, 10_000)).toBe(1_000);
  });
});
