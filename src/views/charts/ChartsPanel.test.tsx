import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { UnitReport } from "../../domain/analysis.ts";
import type { GridLoad } from "../../domain/area-breakdown.ts";
import { indicatorsOf, zeroTotals } from "../../domain/indicators.ts";
import { ChartsPanel } from "./ChartsPanel.tsx";

const loads: readonly GridLoad[] = Object.freeze([
  Object.freeze({ code: "G1", households: 600, workers: 1 }),
  Object.freeze({ code: "G2", households: 300, workers: 0 }),
]);
const districts: readonly UnitReport[] = Object.freeze([
  Object.freeze({
    code: "530102",
    name: "五华区",
    level: "district" as const,
    parentCode: null,
    ...indicatorsOf({ ...zeroTotals(), compounds: 2, partyBranchKnown: 2, redPropertyKnown: 2, compoundsWithPartyBranch: 1 }),
  }),
]);

describe("ChartsPanel", () => {
  it("shows both charts for the area and passes a chosen unit on", () => {
    const onChoose = vi.fn<(code: string) => void>();
    render(<ChartsPanel units={districts} gridLoads={loads} scope="昆明市" onChoose={onChoose} />);
    expect(screen.getByRole("region", { name: "图表" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "图表 · 昆明市" })).toBeTruthy();
    expect(screen.getByTestId("load-chart")).toBeTruthy();
    expect(screen.getByTestId("no-worker").textContent).toBe("无网格员 1 个(不计入分布)");
    fireEvent.click(screen.getByRole("button", { name: "五华区:50.0%" }));
    expect(onChoose).toHaveBeenCalledWith("530102");
  });

  it.each([
    [true, "正在计算…"],
    [false, "该数据集未附网格明细"],
  ])("without grid loads (computing: %s) says %s", (computing, message) => {
    render(<ChartsPanel units={[]} gridLoads={undefined} computing={computing} onChoose={vi.fn<(code: string) => void>()} />);
    expect(screen.getByText(message)).toBeTruthy();
    expect(screen.queryByTestId("load-chart")).toBeNull();
  });
});
