import { expression, type ExpressionSpecification } from "@maplibre/maplibre-gl-style-spec";
import { describe, expect, it } from "vitest";
import { compoundFill, compoundGapFilter } from "./compound-colouring.ts";
import { palette, rgbaToCss } from "./palette.ts";

/** Evaluates a style expression for one feature's properties, as MapLibre would. */
function evaluate(spec: ExpressionSpecification, properties: Record<string, unknown>, type: "color" | "boolean" = "boolean"): unknown {
  const propertySpec = { type, "property-type": "data-driven", expression: { interpolated: false, parameters: ["zoom", "feature"] } } as const;
  const compiled = expression.createExpression(spec, propertySpec as never);
  if (compiled.result !== "success") throw new Error(JSON.stringify(compiled.value));
  return compiled.value.evaluate({ zoom: 14 }, { type: "Polygon", properties } as never);
}

describe("compound colouring", () => {
  it.each([
    [{ partyBranch: true }, rgbaToCss(palette.compoundCovered)],
    [{ partyBranch: false }, rgbaToCss(palette.compoundGap)],
    // Unknown (null in GeoJSON, absent in tiles) is drawn as "no value", never as a gap.
    [{ partyBranch: null }, palette.choroplethMissing],
    [{}, palette.choroplethMissing],
  ])("fills %j with the right colour", (properties, colour) => {
    expect(String(evaluate(compoundFill("partyBranch"), properties, "color"))).toBe(colour);
  });

  it("keeps only known gaps when showing gaps, and a unit in no grid is a gap", () => {
    const gaps = compoundGapFilter("redProperty") as ExpressionSpecification;
    expect([true, false, null].map((value) => evaluate(gaps, { redProperty: value }))).toEqual([false, true, false]);
    const unassigned = compoundGapFilter("gridAssigned") as ExpressionSpecification;
    expect([{ gridId: "G1" }, { gridId: null }, {}].map((properties) => evaluate(unassigned, properties))).toEqual([false, true, true]);
  });
});
