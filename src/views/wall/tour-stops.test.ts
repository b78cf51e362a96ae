import { describe, expect, it } from "vitest";
import type { Layers } from "../../domain/dataset.ts";
import { deepFreeze, rectangle } from "../../domain/test-fixtures.ts";
import { tourStops } from "./tour-stops.ts";

// West edges chosen so west + 0.1 is exact in floating point.
const street = (code: string, name: string, west: number) => ({
  type: "Feature" as const,
  geometry: rectangle(west, 25, west + 0.1, 25.1),
  properties: { code, name, districtCode: "530102" },
});
const community = (code: string, name: string, streetCode: string, west: number) => ({
  type: "Feature" as const,
  geometry: rectangle(west, 25, west + 0.05, 25.05),
  properties: { code, name, streetCode, kind: "居委会" as const, households: 1, population: 1, partyOrgType: null, partyMembers: 0, bigPartyCommittee: false, dualRegisteredMembers: 0 },
});

// Hand-made: two streets listed out of code order; the second street has two communities, also out of order.
const layers = deepFreeze({
  streets: { type: "FeatureCollection", features: [street("530102002", "护国街道", 102.75), street("530102001", "华山街道", 102.7)] },
  communities: {
    type: "FeatureCollection",
    features: [community("530102002002", "新村社区", "530102002", 102.85), community("530102001001", "翠湖社区", "530102001", 102.7), community("530102002001", "文庙社区", "530102002", 102.8)],
  },
}) as unknown as Pick<Layers, "streets" | "communities">;

describe("tourStops", () => {
  it("tours every street in code order, each with its bounding box", () => {
    expect(tourStops(layers, null)).toEqual([
      { layer: "streets", code: "530102001", name: "华山街道", bbox: [102.7, 25, 102.8, 25.1] },
      { layer: "streets", code: "530102002", name: "护国街道", bbox: [102.75, 25, 102.85, 25.1] },
    ]);
  });

  it("tours one street's communities in code order", () => {
    expect(tourStops(layers, "530102002").map((stop) => [stop.layer, stop.code])).toEqual([
      ["communities", "530102002001"],
      ["communities", "530102002002"],
    ]);
  });

  it("falls back to the streets when the tour street has no communities", () => {
    expect(tourStops(layers, "530102999").map((stop) => stop.code)).toEqual(["530102001", "530102002"]);
  });

  it("has no stops for an empty dataset", () => {
    const empty = { streets: { type: "FeatureCollection", features: [] }, communities: { type: "FeatureCollection", features: [] } } as unknown as Pick<Layers, "streets" | "communities">;
    expect(tourStops(empty, null)).toEqual([]);
  });
});
