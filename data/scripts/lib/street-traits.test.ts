import { describe, expect, it } from "vitest";
import { missingStationStreets, streetSetting, urbanity } from "./street-traits.ts";

describe("missingStationStreets", () => {
  const codes = Array.from({ length: 150 }, (_, i) => `5301${String(i).padStart(5, "0")}`);
  it("picks a fixed number per prefecture, deterministically", () => {
    const missing = missingStationStreets(1, codes);
    expect(missing.size).toBe(5);
    expect([...missingStationStreets(1, codes)]).toEqual([...missing]);
    expect([...missingStationStreets(2, codes)]).not.toEqual([...missing]);
  });

  it("counts each prefecture separately", () => {
    const copies = codes.map((code) => `5303${code.slice(4)}`);
    expect(missingStationStreets(1, [...codes, ...copies]).size).toBe(10);
  });
});

describe("urbanity", () => {
  it.each([
    ["530102001", "华山街道", 1, 1],
    ["530102010", "西翥街道", 1, 0.3],
    ["530113102", "汤丹镇", 2 / 28, 0],
  ])("%s %s", (code, name, share, expected) => {
    expect(urbanity(code, name, share)).toBeCloseTo(expected, 5);
  });

  it("applies the same settings to province copies", () => {
    expect(streetSetting("530302010")).toBe(streetSetting("530102010"));
  });
});
