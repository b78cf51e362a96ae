import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { DetailCard, syntheticKey } from "./DetailCard.tsx";
import { formatField, summaryLine } from "../shared/field-labels.ts";
import { MapTooltip } from "./MapTooltip.tsx";

const grid = Object.freeze({
  layer: "grids" as const,
  id: "530102001001-G01",
  name: "翠湖社区第1网格",
  properties: Object.freeze({ id: "530102001001-G01", communityCode: "530102001001", households: 820, workers: 0, workerName: null, buildingLeaders: 3 }),
});

describe("DetailCard", () => {
  it("lists the unit's fields, showing missing values as missing", () => {
    const onClose = vi.fn<() => void>();
    render(<DetailCard selected={grid} report={undefined} language="zh" onClose={onClose} />);
    expect(screen.getByRole("heading", { name: "翠湖社区第1网格" })).toBeTruthy();
    expect(screen.getByText("网格")).toBeTruthy();
    expect(document.querySelector('[data-field="workers"]')?.textContent).toBe("0");
    expect(document.querySelector('[data-field="workerName"]')?.textContent).toBe("—");
    fireEvent.click(screen.getByRole("button", { name: "关闭" }));
    expect(onClose).toHaveBeenCalledOnce();
  });
});

describe("MapTooltip", () => {
  it("names the feature under the pointer with one line of figures", () => {
    render(<MapTooltip picked={grid} point={{ x: 10, y: 20 }} language="en" />);
    expect(screen.getByRole("tooltip").textContent).toBe("翠湖社区第1网格GridHouseholds 820 · Grid workers 0");
  });
  it("renders nothing over nothing", () => {
    const { container } = render(<MapTooltip picked={null} point={{ x: 0, y: 0 }} language="zh" />);
    expect(container.innerHTML).toBe("");
  });
});

describe("field formatting", () => {
  it.each([
    [true, "zh", "是"],
    [false, "en", "no"],
    [null, "zh", "—"],
    [Number.NaN, "zh", "—"],
    [12345, "zh", "12,345"],
    ["党总支", "zh", "党总支"],
  ] as const)("formats %s in %s as %s", (value, language, expected) => {
    expect(formatField(value, language)).toBe(expected);
  });
  it("summarises a compound", () => {
    expect(summaryLine("compounds", { households: 300, partyBranch: true }, "zh")).toBe("户数 300 · 党支部(党小组) 是");
  });
});

describe("the synthetic note", () => {
  const synthetic = { geometry: ["streets", "communities", "compounds"], attributes: ["communities", "compounds"] } as const;
  it.each([
    ["compounds", false, "card.synthetic.both"],
    ["streets", false, "card.synthetic.geometry"],
    ["districts", true, "card.synthetic.rollup"],
    ["districts", false, null],
  ] as const)("for %s (report %s) is %s", (layer, hasReport, key) => {
    expect(syntheticKey(layer, { geometry: [...synthetic.geometry], attributes: [...synthetic.attributes] }, hasReport)).toBe(key);
  });
  it("is nothing for real data", () => {
    expect(syntheticKey("compounds", { geometry: [], attributes: [] }, true)).toBeNull();
  });
});
