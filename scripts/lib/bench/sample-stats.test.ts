import { describe, expect, it } from "vitest";
import { median, medianOfPresent, percentile } from "./sample-stats.ts";

describe("sample statistics", () => {
  it.each([
    { samples: [], expected: null },
    { samples: [5], expected: 5 },
    { samples: [3, 1, 2], expected: 2 },
    { samples: [4, 1, 3, 2], expected: 2.5 },
  ])("median of $samples", ({ samples, expected }) => {
    expect(median(samples)).toBe(expected);
  });

  it.each([
    { samples: [], p: 95, expected: null },
    { samples: [7], p: 95, expected: 7 },
    { samples: Array.from({ length: 20 }, (_, index) => index + 1), p: 95, expected: 19 },
    { samples: Array.from({ length: 100 }, (_, index) => 100 - index), p: 95, expected: 95 },
    { samples: [1, 2, 3], p: 100, expected: 3 },
  ])("p$p of $samples.length samples", ({ samples, p, expected }) => {
    expect(percentile(samples, p)).toBe(expected);
  });

  it("takes the median of the runs that produced a value", () => {
    expect(medianOfPresent([null, 3, 1, null])).toBe(2);
    expect(medianOfPresent([null, null])).toBeNull();
  });
});
