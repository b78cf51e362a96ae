import { describe, expect, it } from "vitest";
import { expression, validateStyleMin } from "@maplibre/maplibre-gl-style-spec";
import { extrusionHeight, heightScale, MIN_HEIGHT_SHARE, sandtableColouring, shareExpression, tallestMetresAtZoomZero } from "./extrusion.ts";

const freeze = <T>(rows: T[]): readonly T[] => Object.freeze(rows.map((row) => Object.freeze(row)));

describe("heightScale", () => {
  it.each([
    { name: "no areas", areas: [], domain: null, shares: {} },
    { name: "only missing values: flat", areas: [{ code: "a", value: null }], domain: null, shares: { a: 0 } },
    { name: "one value: full height", areas: [{ code: "a", value: 0.4 }], domain: [0.4, 0.4], shares: { a: 1 } },
    {
      name: "equal values: all full height",
      areas: [
        { code: "a", value: 3 },
        { code: "b", value: 3 },
      ],
      domain: [3, 3],
      shares: { a: 1, b: 1 },
    },
    {
      name: "linear from the minimum share to 1, missing flat",
      areas: [
        { code: "low", value: 0.2 },
        { code: "mid", value: 0.6 },
        { code: "high", value: 1 },
        { code: "none", value: null },
        { code: "nan", value: Number.NaN },
      ],
      domain: [0.2, 1],
      shares: { low: MIN_HEIGHT_SHARE, mid: MIN_HEIGHT_SHARE + (1 - MIN_HEIGHT_SHARE) / 2, high: 1, none: 0, nan: 0 },
    },
    {
      name: "negative values",
      areas: [
        { code: "a", value: -10 },
        { code: "b", value: 10 },
      ],
      domain: [-10, 10],
      shares: { a: MIN_HEIGHT_SHARE, b: 1 },
    },
  ])("$name", ({ areas, domain, shares }) => {
    const scale = heightScale(freeze(areas));
    expect(scale.domain).toEqual(domain);
    const actual = Object.fromEntries(scale.shares);
    expect(Object.keys(actual).toSorted()).toEqual(Object.keys(shares).toSorted());
    for (const [code, share] of Object.entries(shares)) expect(actual[code]).toBeCloseTo(share, 10);
  });
});

/** Evaluates a MapLibre expression for a feature with `code` at `zoom`, as the renderer would. */
function evaluate(spec: unknown, code: string, zoom: number): number {
  const compiled = expression.createExpression(spec, {
    type: "number",
    "property-type": "data-constant",
    expression: { interpolated: true, parameters: ["zoom", "feature"] },
  } as never);
  if (compiled.result !== "success") throw new Error(JSON.stringify(compiled.value));
  return compiled.value.evaluate({ zoom }, { type: "Polygon", properties: { code }, geometry: [] } as never) as number;
}

describe("height expressions", () => {
  const scale = heightScale(
    freeze([
      { code: "530102001", value: 0.2 },
      { code: "530102002", value: 1 },
      { code: "530102003", value: null },
    ]),
  );

  it("gives each code its rounded share, 0 for missing and unknown codes", () => {
    const share = shareExpression(scale);
    expect(evaluate(share, "530102002", 10)).toBe(1);
    expect(evaluate(share, "530102001", 10)).toBe(0.06);
    expect(evaluate(share, "530102003", 10)).toBe(0);
    expect(evaluate(share, "999", 10)).toBe(0);
  });

  it("holds at most 100 branches however many areas there are", () => {
    const many = heightScale(Array.from({ length: 5000 }, (_, index) => ({ code: String(index), value: index })));
    const match = shareExpression(many) as unknown[];
    expect((match.length - 3) / 2).toBeLessThanOrEqual(100);
  });

  it("halves the metres with each zoom level in, so the tallest prism keeps its size on screen", () => {
    const height = extrusionHeight(scale, 25);
    const atEight = evaluate(height, "530102002", 8);
    expect(atEight).toBeCloseTo(tallestMetresAtZoomZero(25) / 256, 3);
    expect(evaluate(height, "530102002", 9)).toBeCloseTo(atEight / 2, 3);
    expect(evaluate(height, "530102003", 9)).toBe(0);
  });

  it("is a valid fill-extrusion-height in a MapLibre style", () => {
    const style = {
      version: 8,
      sources: { areas: { type: "geojson", data: { type: "FeatureCollection", features: [] } } },
      layers: [{ id: "prisms", type: "fill-extrusion", source: "areas", paint: { "fill-extrusion-height": extrusionHeight(scale, 25) } }],
    };
    expect(validateStyleMin(style as never)).toEqual([]);
  });
});

describe("sandtableColouring", () => {
  it.each([
    ["province", "streets"],
    ["prefecture", "communities"],
    ["county", "communities"],
  ] as const)("raises a %s's %s by party coverage", (level, raised) => {
    expect(sandtableColouring(level)).toEqual({ level: raised, indicator: "partyBranchCoverage" });
  });
});
