import { describe, expect, it } from "vitest";
import { formatIndicatorValue } from "./indicator-format.ts";

describe("formatIndicatorValue", () => {
  it.each([
    [0.56, "share", "56.0%"],
    [0.1234, "share", "12.3%"],
    [1, "share", "100.0%"],
    [0, "share", "0.0%"],
    [12345, "count", "12,345"],
    [0, "count", "0"],
    [1234567, "count", "1,234,567"],
    [279.4, "ratio", "279"],
    [1499.5, "ratio", "1,500"],
    [0.4, "ratio", "0"],
    [null, "share", "—"],
    [undefined, "count", "—"],
    [Number.NaN, "count", "—"],
    [Number.POSITIVE_INFINITY, "ratio", "—"],
    ["12", "count", "—"],
  ] as const)("writes %s as a %s: %s", (value, format, expected) => {
    expect(formatIndicatorValue(value, format)).toBe(expected);
  });
});
