import { describe, expect, it } from "vitest";
import { formatTable, jsonLine, makeRow, meetsTarget } from "./bench-report.ts";

describe("benchmark report", () => {
  it("rounds by unit and computes app ÷ baseline", () => {
    expect(makeRow("ready", "city", "ms", 3512.345, 2000)).toEqual({ name: "ready", scale: "city", value: 3512.3, unit: "ms", baseline: 2000, ratio: 1.76 });
    expect(makeRow("heap-after-load", "city", "MB", 101.23456, null)).toMatchObject({ value: 101.23, baseline: null, ratio: null });
    expect(makeRow("pick-latency", "city", "ms", 0.04567, null).value).toBe(0.046);
  });

  it("leaves the ratio out when a side is missing or the baseline is zero", () => {
    expect(makeRow("pick-latency", "city", "ms", null, 3).ratio).toBeNull();
    expect(makeRow("bytes-transferred", "city", "MB", 3, 0).ratio).toBeNull();
  });

  it("prints exactly the six JSON fields, without the table note", () => {
    const row = makeRow("pick-latency", "province", "ms", null, null, "pickAt not available");
    expect(JSON.parse(jsonLine(row))).toEqual({ name: "pick-latency", scale: "province", value: null, unit: "ms", baseline: null, ratio: null });
  });

  it("lines the table up, with a dash for missing values", () => {
    const table = formatTable([makeRow("ready", "city", "ms", 3500, 1750), makeRow("pick-latency", "city", "ms", null, null, "pickAt not available")]);
    const lines = table.split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/^city\s+ready\s+3,500 ms\s+1,750 ms\s+2\.00$/);
    expect(lines[3]).toMatch(/—.*—.*—\s+pickAt not available$/);
  });
});

describe("benchmark targets", () => {
  it("checks ratios and values against the issue's targets, and says when it cannot", () => {
    expect(meetsTarget(makeRow("ready", "city", "ms", 1000, 2500, undefined, { ratioAtMost: 0.5 }))).toBe(true);
    expect(meetsTarget(makeRow("ready", "city", "ms", 1500, 2500, undefined, { ratioAtMost: 0.5 }))).toBe(false);
    expect(meetsTarget(makeRow("pan-fps", "city", "fps", 12, 5, undefined, { ratioAtLeast: 2 }))).toBe(true);
    expect(meetsTarget(makeRow("what-if-p95", "province", "ms", 51, null, undefined, { valueAtMost: 50 }))).toBe(false);
    expect(meetsTarget(makeRow("ready", "city", "ms", 1000, null, undefined, { ratioAtMost: 0.5 }))).toBeNull();
    expect(meetsTarget(makeRow("ready", "city", "ms", 1000, 2000))).toBeNull();
  });

  it("prints the target and its outcome in the table", () => {
    const table = formatTable([makeRow("what-if-p95", "province", "ms", 40, null, undefined, { valueAtMost: 50 })]);
    expect(table.split("\n")[2]).toMatch(/≤ 50 ms met$/);
  });
});
