import { describe, expect, it } from "vitest";
import { markerFilter, ownGapsUnit } from "./use-gap-lists.ts";

describe("markerFilter", () => {
  it.each([
    { areaCode: undefined, kind: "all", expected: {} },
    { areaCode: "530102", kind: "all", expected: { areaCode: "530102" } },
    { areaCode: undefined, kind: "grid-no-worker", expected: { kinds: ["grid-no-worker"] } },
    { areaCode: "530102", kind: "grid-no-worker", expected: { areaCode: "530102", kinds: ["grid-no-worker"] } },
  ] as const)("keeps area $areaCode and kind $kind", ({ areaCode, kind, expected }) => {
    expect(markerFilter(areaCode, kind)).toEqual(expected);
  });
});

describe("ownGapsUnit", () => {
  it.each([
    { layer: "streets", id: "530102001", expected: "530102001" },
    { layer: "grids", id: "530102001001-G01", expected: "530102001001-G01" },
    { layer: "compounds", id: "C-1", expected: "C-1" },
    { layer: "communities", id: "530102001001", expected: undefined },
    { layer: "districts", id: "530102", expected: undefined },
    { layer: "stations", id: "ST-1", expected: undefined },
  ] as const)("lists the own gaps of a selected $layer unit: $expected", ({ layer, id, expected }) => {
    expect(ownGapsUnit({ layer, id })).toBe(expected);
  });

  it("lists none without a selection", () => {
    expect(ownGapsUnit(null)).toBeUndefined();
  });
});
