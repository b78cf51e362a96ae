import { describe, expect, it } from "vitest";
import { DEVELOPMENT_ZONE_DISTRICTS, KUNMING_DISTRICT_CODES, communityKind, districtCodeFor, isDevelopmentZone } from "./divisions.ts";

describe("communityKind", () => {
  it.each([
    ["530102001001", "居委会"],
    ["530102001199", "居委会"],
    ["530124103200", "村委会"],
    ["530124103399", "村委会"],
    ["530125404498", "居委会"],
    ["530127403598", "村委会"],
  ])("%s is %s", (code, kind) => {
    expect(communityKind(code)).toBe(kind);
  });

  it.each(["530102001000", "530102001600", "53010200100", "abc"])("rejects %s", (code) => {
    expect(() => communityKind(code)).toThrow(/12-digit|NBS ranges/);
  });
});

describe("isDevelopmentZone", () => {
  it.each([
    ["530102001", false],
    ["530113102", false],
    ["530115201", false],
    ["530102401", true],
    ["530127599", true],
  ])("%s -> %s", (code, expected) => {
    expect(isDevelopmentZone(code)).toBe(expected);
  });
});

describe("districtCodeFor", () => {
  it.each([
    ["530102001", "530102", "530102"],
    ["530111402", "530111", "530111"],
    ["530129405", "530129", "530129"],
  ])("%s in county %s -> %s", (street, county, expected) => {
    expect(districtCodeFor(street, county)).toBe(expected);
  });

  it("uses the zone decision rather than the county code", () => {
    const zones = { "530171001": { name: "test zone", districtCode: "530111" } };
    expect(districtCodeFor("530171001", "530171", zones)).toBe("530111");
  });

  it("refuses a development zone without a decision", () => {
    expect(() => districtCodeFor("530171401", "530171")).toThrow(/no district decision/);
  });

  it("refuses a county without a polygon", () => {
    expect(() => districtCodeFor("530171001", "530171")).toThrow(/no polygon/);
  });

  it("only decides zones onto polygon districts", () => {
    for (const d of Object.values(DEVELOPMENT_ZONE_DISTRICTS)) {
      expect(KUNMING_DISTRICT_CODES).toContain(d.districtCode);
    }
  });
});
