import { describe, expect, it } from "vitest";
import { INDICATORS } from "../domain/indicator-registry.ts";
import { AREA_INDICATORS, buildChoropleth, choroplethBreaks, choroplethFill, classColours, classRange } from "./choropleth.ts";
import { palette } from "./palette.ts";

describe("choropleth breaks", () => {
  it.each([
    { name: "no values", values: [], format: "share" as const, expected: [] },
    { name: "one value", values: [0.5], format: "share" as const, expected: [] },
    {
      name: "shares round to whole percent",
      values: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1],
      format: "share" as const,
      expected: [0.28, 0.46, 0.64, 0.82],
    },
    { name: "counts round to integers and de-duplicate", values: [0, 0, 0, 0, 1, 1, 2, 3, 8, 20], format: "count" as const, expected: [1, 4] },
    { name: "ratios keep two significant digits", values: [312, 355, 401, 488, 512, 677], format: "ratio" as const, expected: [360, 400, 490, 510] },
  ])("$name", ({ values, format, expected }) => {
    expect(choroplethBreaks(values, format)).toEqual(expected);
  });
});

describe("buildChoropleth", () => {
  const areas = [
    { code: "a", value: 0.1 },
    { code: "b", value: 0.5 },
    { code: "c", value: 0.9 },
    { code: "d", value: null },
    { code: "e", value: 0.95 },
  ];

  it("puts every area in exactly one class, missing values apart", () => {
    const choropleth = buildChoropleth("partyBranchCoverage", areas);
    expect(choropleth.missing).toEqual(["d"]);
    expect(choropleth.members.flat().toSorted()).toEqual(["a", "b", "c", "e"]);
    expect(choropleth.classes).toHaveLength(choropleth.members.length);
  });

  it("gives the dark end to low values when higher is better, and to high values otherwise", () => {
    const coverage = buildChoropleth("partyBranchCoverage", areas);
    const lowest = coverage.members.findIndex((codes) => codes.includes("a"));
    expect(coverage.classes[lowest]?.colour).toBe(palette.choropleth[coverage.classes.length]?.at(-1));
    const load = buildChoropleth("householdsPerWorker", [
      { code: "x", value: 100 },
      { code: "y", value: 300 },
      { code: "z", value: 900 },
    ]);
    const highest = load.members.findIndex((codes) => codes.includes("z"));
    expect(load.classes[highest]?.colour).toBe(palette.choropleth[load.classes.length]?.at(-1));
  });

  it("matches codes to class colours in the fill expression, grey for missing", () => {
    const fill = choroplethFill(buildChoropleth("partyBranchCoverage", areas)) as unknown[];
    expect(fill[0]).toBe("match");
    expect(fill.at(-1)).toBe(palette.choroplethMissing);
    const codes = fill
      .filter((part): part is string[] => Array.isArray(part) && typeof part[0] === "string" && part[0] !== "to-string" && part[0] !== "get")
      .flat();
    expect(codes.toSorted()).toEqual(["a", "b", "c", "e"]);
  });

  it("draws every area as missing when no area has a value", () => {
    expect(choroplethFill(buildChoropleth("stationAccessRate", [{ code: "a", value: null }]))).toEqual(["literal", palette.choroplethMissing]);
  });
});

describe("classColours", () => {
  it.each(AREA_INDICATORS)("gives the worse end of %s the dark colour, as the registry's direction says", (indicator) => {
    const colours = classColours(indicator, 5);
    const darkest = palette.choropleth[5].at(-1);
    expect(colours[INDICATORS[indicator].better === "higher" ? 0 : 4]).toBe(darkest);
    expect(colours.toSorted()).toEqual(palette.choropleth[5].toSorted());
  });

  it("turns the ramp round for a higher-is-better indicator only", () => {
    expect(classColours("stationAccessRate", 3)).toEqual(classColours("householdsPerWorker", 3).toReversed());
  });
});

describe("classRange", () => {
  it.each([
    { entry: { from: Number.NEGATIVE_INFINITY, to: 0.45, colour: "" }, format: "share" as const, expected: "< 45%" },
    { entry: { from: 0.45, to: 0.6, colour: "" }, format: "share" as const, expected: "45%–60%" },
    { entry: { from: 800, to: Number.POSITIVE_INFINITY, colour: "" }, format: "ratio" as const, expected: "≥ 800" },
    { entry: { from: 1, to: Number.POSITIVE_INFINITY, colour: "" }, format: "share" as const, expected: "100%" },
  ])("$expected", ({ entry, format, expected }) => {
    expect(classRange(entry, format)).toBe(expected);
  });
});
