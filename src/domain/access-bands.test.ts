import { describe, expect, it } from "vitest";
import { accessBandsOf } from "./access-bands.ts";
import { DEFAULT_THRESHOLDS } from "./indicators.ts";

const compound = (id: string) => ({ id }) as never;

describe("accessBandsOf", () => {
  it("splits compounds at half the service distance and at the distance itself, keeping the rest out", () => {
    const analysis = {
      thresholds: { ...DEFAULT_THRESHOLDS, serviceDistanceMetres: 1000 },
      model: { compounds: [compound("a"), compound("b"), compound("c"), compound("d"), compound("e")] },
      access: { distance: Float64Array.from([0, 500, 500.5, 1000, Number.POSITIVE_INFINITY]), nearest: new Int32Array(5) },
    } as never;
    expect(accessBandsOf(analysis)).toEqual({ near: ["a", "b"], within: ["c", "d"] });
  });

  it("returns empty bands when there are no compounds", () => {
    const analysis = {
      thresholds: DEFAULT_THRESHOLDS,
      model: { compounds: [] },
      access: { distance: new Float64Array(0), nearest: new Int32Array(0) },
    } as never;
    expect(accessBandsOf(analysis)).toEqual({ near: [], within: [] });
  });
});
