import { describe, expect, it } from "vitest";
import { stationIssueStreets, streetSetting, urbanity, STATION_ISSUES_PER_PREFECTURE } from "./street-traits.ts";

describe("stationIssueStreets", () => {
  const codes = Array.from({ length: 150 }, (_, i) => `5301${String(i).padStart(5, "0")}`);
  const perPrefecture = STATION_ISSUES_PER_PREFECTURE.missing + STATION_ISSUES_PER_PREFECTURE.unstaffed + STATION_ISSUES_PER_PREFECTURE.late;
  it("picks a fixed number of each problem per prefecture, deterministically", () => {
    const issues = stationIssueStreets(1, codes);
    expect(issues.size).toBe(perPrefecture);
    expect([...issues.values()].filter((issue) => issue === "missing")).toHaveLength(STATION_ISSUES_PER_PREFECTURE.missing);
    expect([...issues.values()].filter((issue) => issue === "unstaffed")).toHaveLength(STATION_ISSUES_PER_PREFECTURE.unstaffed);
    expect([...stationIssueStreets(1, codes)]).toEqual([...issues]);
    expect([...stationIssueStreets(2, codes)]).not.toEqual([...issues]);
  });

  it("counts each prefecture separately", () => {
    const others = codes.map((code) => `5303${code.slice(4)}`);
    expect(stationIssueStreets(1, [...codes, ...others]).size).toBe(2 * perPrefecture);
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

  it("knows Kunming's peripheral streets by their full code only", () => {
    expect(streetSetting("530102010")).toBe("outer");
    expect(streetSetting("530302010")).toBe("centre");
  });
});
