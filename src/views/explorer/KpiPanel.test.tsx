import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { UnitReport } from "../../domain/analysis.ts";
import { DEFAULT_THRESHOLDS, indicatorsOf, zeroTotals } from "../../domain/indicators.ts";
import { LanguageContext } from "../i18n/i18n.ts";
import { KpiPanel } from "./KpiPanel.tsx";

const totals = {
  ...zeroTotals(),
  compounds: 8,
  partyBranchKnown: 8,
  redPropertyKnown: 8,
  compoundsWithPartyBranch: 6,
  redPropertyCompounds: 2,
  compoundHouseholds: 800,
  households: 1000,
  unlocatedHouseholds: 200,
  stationAccessHouseholds: 250,
  targetStreets: 4,
  targetStreetsCovered: 3,
  streetsWithoutStation: 1,
  gridsWithoutWorker: 3,
  unassignedCompounds: 1234,
};
const unit: UnitReport = Object.freeze({ code: "", name: "测试市", level: "city", parentCode: null, ...indicatorsOf(totals) });

const reachDefinition = () => screen.getByText("社工站服务覆盖(户)").closest("[data-kpi]")?.getAttribute("title");

describe("KpiPanel", () => {
  it("shows each indicator with its definition on hover", () => {
    render(<KpiPanel unit={unit} />);
    const coverage = screen.getByText("小区/自然村党组织覆盖率").closest("[data-kpi]");
    expect(coverage?.textContent).toContain("75.0%");
    expect(coverage?.getAttribute("title")).toMatch(/÷ 情况已知的小区和自然村数/);
    // Reach is over all households, the 200 not on the map included: 250 / 1,000, not 250 / 800.
    const reach = screen.getByText("社工站服务覆盖(户)").closest("[data-kpi]");
    expect(reach?.textContent).toContain("25.0%");
    expect(reach?.getAttribute("title")).toMatch(/÷ 全部户数/);
    expect(screen.getByText("乡镇社工站覆盖率").closest("[data-kpi]")?.textContent).toContain("75.0%");
    expect(screen.getByText("位置未落图户数").closest("[data-kpi]")?.textContent).toContain("200");
    expect(screen.getByText("未入格小区").closest("[data-kpi]")?.textContent).toContain("1,234");
  });

  it("defines station reach by the service distance in force", () => {
    const { rerender } = render(<KpiPanel unit={unit} />);
    expect(reachDefinition()).toMatch(/1,000 米以内/);
    rerender(<KpiPanel unit={unit} thresholds={{ ...DEFAULT_THRESHOLDS, serviceDistanceMetres: 800 }} />);
    expect(reachDefinition()).toMatch(/800 米以内/);
  });

  it("shows a missing share as missing, not as zero", () => {
    const empty: UnitReport = { code: "", name: "空", level: "city", parentCode: null, ...indicatorsOf(zeroTotals()) };
    render(<KpiPanel unit={empty} />);
    expect(screen.getByText("红色物业比例").closest("[data-kpi]")?.textContent).toContain("—");
    expect(screen.getByText("缺社工站乡镇(街道)").closest("[data-kpi]")?.textContent).toContain("0");
  });

  it("shows a status while computing, in English too", () => {
    render(
      <LanguageContext.Provider value="en">
        <KpiPanel unit={undefined} status="Computing…" />
      </LanguageContext.Provider>,
    );
    expect(screen.getByText("Computing…")).toBeTruthy();
    expect(screen.getByText("Key indicators")).toBeTruthy();
  });
});
