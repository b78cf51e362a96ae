import { describe, expect, it } from "vitest";
import { cellRuns } from "./cell-runs.ts";

describe("QR module runs", () => {
  it("joins neighbouring dark modules of a row into one run, ending after the last", () => {
    const T = true;
    const F = false;
    expect(
      cellRuns([
        [T, T, F, T],
        [F, F, F, F],
        [T, F, T, T],
      ]),
    ).toEqual([
      { row: 0, from: 0, to: 2 },
      { row: 0, from: 3, to: 4 },
      { row: 2, from: 0, to: 1 },
      { row: 2, from: 2, to: 4 },
    ]);
  });
});
