import { describe, expect, it } from "vitest";
import type { UnitReport } from "../../domain/analysis.ts";
import { indicatorsOf, zeroTotals } from "../../domain/indicators.ts";
import { deepFreeze } from "../../../tests/support/deep-freeze.ts";
import { indicatorValue as kpiValue } from "../../domain/indicator-registry.ts";
import { rankByGaps, shortName, wallScope, WALL_KPIS, type ReportSet } from "./wall-kpis.ts";

const unit = (
  level: UnitReport["level"],
  code: string,
  name: string,
  parentCode: string | null,
  patch: Partial<ReturnType<typeof zeroTotals>> = {},
): UnitReport => ({
  code,
  name,
  level,
  parentCode,
  ...indicatorsOf({ ...zeroTotals(), ...patch }),
});

// Hand-made reports: one district with two streets; the first street has two communities.
const reports: ReportSet = deepFreeze({
  city: unit("city", "", "测试市", null, { compounds: 10, partyBranchKnown: 10, redPropertyKnown: 10, compoundsWithPartyBranch: 4 }),
  prefectures: [unit("prefecture", "5301", "昆明市", null)],
  districts: [unit("district", "530102", "五华区", "5301")],
  streets: [unit("street", "530102001", "华山街道", "530102"), unit("street", "530102002", "护国街道", "530102")],
  communities: [
    unit("community", "530102001001", "翠湖社区", "530102001"),
    unit("community", "530102001002", "钱局街社区", "530102001"),
    unit("community", "530102002001", "文庙社区", "530102002"),
  ],
});

describe("wallScope", () => {
  it("covers the dataset by district and ranks the streets", () => {
    const scope = wallScope(reports, null);
    expect(scope.unit.name).toBe("测试市");
    expect(scope.parts.map((part) => part.code)).toEqual(["530102"]);
    expect(scope.ranked.map((area) => area.code)).toEqual(["530102001", "530102002"]);
  });

  it("covers a toured street by community", () => {
    const scope = wallScope(reports, "530102001");
    expect(scope.unit.name).toBe("华山街道");
    expect(scope.parts.map((part) => part.code)).toEqual(["530102001001", "530102001002"]);
    expect(scope.ranked).toEqual(scope.parts);
  });

  it("falls back to the dataset for an unknown street", () => {
    expect(wallScope(reports, "530102999").unit.level).toBe("city");
  });

  it("covers a named prefecture by county, and a named county by township", () => {
    expect(wallScope(reports, "5301")).toMatchObject({ unit: { name: "昆明市" }, partLevel: "districts", rankedLevel: "districts" });
    expect(wallScope(reports, "530102").parts.map((part) => part.code)).toEqual(["530102001", "530102002"]);
  });

  it("covers a province by prefecture and ranks its counties", () => {
    const province = {
      ...reports,
      prefectures: [...reports.prefectures, unit("prefecture", "5329", "大理州", null)],
      districts: [...reports.districts, unit("district", "532901", "大理市", "5329")],
    };
    const scope = wallScope(province, null);
    expect(scope.parts.map((part) => part.code)).toEqual(["5301", "5329"]);
    expect(scope).toMatchObject({ partLevel: "prefectures", rankedLevel: "districts" });
    expect(scope.ranked.map((area) => area.code)).toEqual(["530102", "532901"]);
  });
});

describe("the KPI cards", () => {
  it("are the six the wall shows, each with its own label", () => {
    expect(WALL_KPIS.map((kpi) => kpi.field)).toEqual([
      "partyBranchCoverage",
      "redPropertyRate",
      "stationAccessRate",
      "streetsWithoutStation",
      "gridsWithoutWorker",
      "dualRegisteredMembers",
    ]);
    expect(new Set(WALL_KPIS.map((kpi) => kpi.label)).size).toBe(6);
  });

  it("name the totals behind a share", () => {
    expect(WALL_KPIS[0]?.detail(reports.city)).toEqual({ key: "wall.detail.partyBranch", values: { count: 4, total: 10 } });
  });

  it("read a share with a zero denominator as missing, not zero", () => {
    expect(kpiValue(reports.city, "partyBranchCoverage")).toBe(0.4);
    expect(kpiValue(reports.city, "redPropertyRate")).toBe(0);
    expect(kpiValue(reports.streets[0] as UnitReport, "partyBranchCoverage")).toBeNull();
  });
});

describe("rankByGaps", () => {
  it("puts the most gaps first, ties in code order, areas without gaps at zero", () => {
    const ranked = rankByGaps(reports.communities, { "530102001002": 5, "530102002001": 5, "530102001001": 0 }, 10);
    expect(ranked).toEqual([
      { code: "530102001002", name: "钱局街社区", gaps: 5 },
      { code: "530102002001", name: "文庙社区", gaps: 5 },
      { code: "530102001001", name: "翠湖社区", gaps: 0 },
    ]);
  });

  it("keeps the top of the list", () => {
    expect(rankByGaps(reports.streets, { "530102002": 1 }, 1).map((area) => area.code)).toEqual(["530102002"]);
  });
});

describe("shortName", () => {
  it.each([
    ["五华区", "五华"],
    ["石林彝族自治县", "石林"],
    ["禄劝彝族苗族自治县", "禄劝"],
    ["安宁市", "安宁"],
    ["华山街道", "华山"],
    ["翠湖西路社区居民委员会", "翠湖西路"],
    ["大村村民委员会", "大村"],
    ["文庙社区", "文庙"],
    // Too short once cut: the full name stays.
    ["东区", "东区"],
  ])("%s → %s", (name, expected) => {
    expect(shortName(name)).toBe(expected);
  });
});
