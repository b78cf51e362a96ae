import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { GridLoad } from "../../domain/area-breakdown.ts";
import { LanguageContext } from "../i18n/i18n.ts";
import { HouseholdsPerWorkerChart } from "./HouseholdsPerWorkerChart.tsx";

// Households per worker 120, 450, 500, 501, 950 (bins of 100 up to 1,000), and two grids without a worker.
const loads: readonly GridLoad[] = Object.freeze(
  [
    { code: "G1", households: 120, workers: 1 },
    { code: "G2", households: 900, workers: 2 },
    { code: "G3", households: 500, workers: 1 },
    { code: "G4", households: 501, workers: 1 },
    { code: "G5", households: 1900, workers: 2 },
    { code: "G6", households: 300, workers: 0 },
    { code: "G7", households: 0, workers: 0 },
  ].map((load) => Object.freeze(load)),
);

const binCount = (from: number) => document.querySelector(`tr[data-from="${from}"] td:last-child`)?.textContent;

describe("HouseholdsPerWorkerChart", () => {
  it("bins the staffed grids, marks the standard and counts grids without a worker apart", () => {
    render(<HouseholdsPerWorkerChart loads={loads} />);
    expect(document.querySelectorAll(".load-bin")).toHaveLength(10);
    expect([binCount(100), binCount(400), binCount(500), binCount(900), binCount(0)]).toEqual(["1", "1", "2", "1", "0"]);
    expect(screen.getByText("100–200 户/人")).toBeTruthy();
    expect(document.querySelector(".chart-standard")?.textContent).toBe("标准 500");
    expect(screen.getByText("网格 7 个,超过标准 2 个")).toBeTruthy();
    expect(screen.getByTestId("no-worker").textContent).toBe("无网格员 2 个(不计入分布)");
    expect(screen.getByRole("img").getAttribute("aria-label")).toContain("无网格员 2 个");
  });

  it("says so when the area has no grids", () => {
    render(<HouseholdsPerWorkerChart loads={[]} />);
    expect(screen.getByText("该区域没有网格")).toBeTruthy();
  });

  it("speaks English when asked", () => {
    render(
      <LanguageContext.Provider value="en">
        <HouseholdsPerWorkerChart loads={loads} />
      </LanguageContext.Provider>,
    );
    expect(screen.getByText("7 grids, 2 past the standard")).toBeTruthy();
    expect(screen.getByTestId("no-worker").textContent).toBe("2 without a worker (not in the distribution)");
  });
});
