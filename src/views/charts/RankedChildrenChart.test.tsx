import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { UnitReport } from "../../domain/analysis.ts";
import { indicatorsOf, zeroTotals, type Totals } from "../../domain/indicators.ts";
import { LanguageContext } from "../i18n/i18n.ts";
import { RankedChildrenChart } from "./RankedChildrenChart.tsx";

function street(code: string, name: string, totals: Partial<Totals>): UnitReport {
  return Object.freeze({ code, name, level: "street", parentCode: "530102", ...indicatorsOf({ ...zeroTotals(), ...totals }) });
}

// Coverage: 华山 50%, 护国 100%, 大观 missing (no compounds), 龙翔 25%. Households per worker:
// 华山 600, 护国 200, 大观 none, 龙翔 400.
const streets = Object.freeze([
  street("530102001", "华山街道", {
    compounds: 4,
    partyBranchKnown: 4,
    redPropertyKnown: 4,
    compoundsWithPartyBranch: 2,
    gridHouseholds: 1200,
    workers: 2,
    dualRegisteredMembers: 30,
  }),
  street("530102002", "护国街道", {
    compounds: 2,
    partyBranchKnown: 2,
    redPropertyKnown: 2,
    compoundsWithPartyBranch: 2,
    gridHouseholds: 400,
    workers: 2,
    dualRegisteredMembers: 10,
  }),
  street("530102003", "大观街道", { dualRegisteredMembers: 0 }),
  street("530102004", "龙翔街道", {
    compounds: 4,
    partyBranchKnown: 4,
    redPropertyKnown: 4,
    compoundsWithPartyBranch: 1,
    gridHouseholds: 800,
    workers: 2,
    dualRegisteredMembers: 50,
  }),
]);

const barCodes = () => Array.from(document.querySelectorAll(".chart-bar")).map((bar) => bar.getAttribute("data-code"));
const bar = (name: RegExp) => screen.getByRole("button", { name });
const options = () =>
  within(screen.getByRole("combobox"))
    .getAllByRole("option")
    .map((option) => option.getAttribute("value"));

describe("RankedChildrenChart", () => {
  it("ranks the children by party-branch coverage, the unit without compounds last and shown as missing", () => {
    render(<RankedChildrenChart units={streets} onChoose={() => undefined} />);
    expect(screen.getByRole("heading", { name: "乡镇(街道)排名" })).toBeTruthy();
    expect(barCodes()).toEqual(["530102002", "530102001", "530102004", "530102003"]);
    expect(bar(/护国街道/).getAttribute("aria-label")).toBe("护国街道:100.0%");
    const missing = bar(/大观街道/);
    expect(missing.getAttribute("aria-label")).toBe("大观街道:— (无数据)");
    expect(missing.querySelector(".chart-fill")).toBeNull();
    expect(missing.querySelector(".chart-value")?.textContent).toBe("—");
    expect(bar(/龙翔街道/).querySelector(".chart-fill")).not.toBeNull();
  });

  it("re-ranks by the chosen indicator and marks the households-per-worker standard", () => {
    render(<RankedChildrenChart units={streets} onChoose={() => undefined} />);
    fireEvent.change(screen.getByRole("combobox", { name: "排名指标" }), { target: { value: "householdsPerWorker" } });
    expect(barCodes()).toEqual(["530102001", "530102004", "530102002", "530102003"]);
    expect(document.querySelector(".chart-standard")?.textContent).toBe("标准 500");
    expect(screen.getByText(/标准为每人 500 户/)).toBeTruthy();
    fireEvent.change(screen.getByRole("combobox"), { target: { value: "dualRegisteredMembers" } });
    // A count of zero is a value (a zero-length bar), not missing.
    expect(bar(/大观街道/).getAttribute("aria-label")).toBe("大观街道:0");
  });

  it("defines the indicators by the thresholds it is given", () => {
    render(
      <RankedChildrenChart
        units={streets}
        indicator="stationAccessRate"
        thresholds={{ serviceDistanceMetres: 800, householdsPerWorker: 400 }}
        onChoose={() => undefined}
      />,
    );
    expect(screen.getByText(/800 米以内/)).toBeTruthy();
    expect(screen.getByRole("option", { name: "网格员人均服务户数" }).getAttribute("title")).toMatch(/标准为每人 400 户/);
  });

  it("follows an indicator the caller keeps and reports a change", () => {
    const onIndicatorChange = vi.fn<(indicator: string) => void>();
    render(<RankedChildrenChart units={streets} indicator="householdsPerWorker" onIndicatorChange={onIndicatorChange} onChoose={() => undefined} />);
    expect(barCodes()).toEqual(["530102001", "530102004", "530102002", "530102003"]);
    fireEvent.change(screen.getByRole("combobox"), { target: { value: "redPropertyRate" } });
    expect(onIndicatorChange).toHaveBeenCalledWith("redPropertyRate");
  });

  it("chooses a unit by click, Enter or Space, each bar focusable", () => {
    const onChoose = vi.fn<(code: string) => void>();
    render(<RankedChildrenChart units={streets} onChoose={onChoose} />);
    const target = bar(/华山街道/);
    expect(target.getAttribute("tabindex")).toBe("0");
    fireEvent.click(target);
    fireEvent.keyDown(target, { key: "Enter" });
    fireEvent.keyDown(target, { key: " " });
    fireEvent.keyDown(target, { key: "a" });
    expect(onChoose.mock.calls).toEqual([["530102001"], ["530102001"], ["530102001"]]);
  });

  it("shows the top bars and all of them on request", () => {
    render(<RankedChildrenChart units={streets} topCount={2} onChoose={() => undefined} />);
    expect(barCodes()).toHaveLength(2);
    fireEvent.click(screen.getByRole("button", { name: "显示全部 4 个" }));
    expect(barCodes()).toHaveLength(4);
    fireEvent.click(screen.getByRole("button", { name: "只看前 2 个" }));
    expect(barCodes()).toHaveLength(2);
  });

  it("offers the gap count only when the engine has counted gaps", () => {
    const { rerender } = render(<RankedChildrenChart units={streets} onChoose={() => undefined} />);
    expect(options()).not.toContain("gapCount");
    rerender(<RankedChildrenChart units={streets} gapCounts={{ "530102003": 7, "530102001": 2 }} onChoose={() => undefined} />);
    expect(options()).toContain("gapCount");
    fireEvent.change(screen.getByRole("combobox"), { target: { value: "gapCount" } });
    expect(barCodes()).toEqual(["530102003", "530102001", "530102002", "530102004"]);
  });

  it("says so when the area has no children", () => {
    render(<RankedChildrenChart units={[]} onChoose={() => undefined} />);
    expect(screen.getByText("该区域没有下级单位可比较")).toBeTruthy();
    expect(document.querySelector("svg")).toBeNull();
  });

  it("speaks English when asked", () => {
    render(
      <LanguageContext.Provider value="en">
        <RankedChildrenChart units={streets} onChoose={() => undefined} />
      </LanguageContext.Provider>,
    );
    expect(screen.getByRole("heading", { name: "Townships ranked" })).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "Rank by" })).toBeTruthy();
    expect(screen.getByRole("group", { name: "Townships ranked by Party coverage of compounds and villages" })).toBeTruthy();
    expect(bar(/大观街道/).getAttribute("aria-label")).toBe("大观街道: — (no data)");
  });
});
