import { describe, expect, it } from "vitest";
import { unitReport } from "../../domain/analysis.ts";
import { zeroTotals } from "../../domain/indicators.ts";
import { kpiView } from "./kpi-view.ts";

// Kunming (5301) and its Wuhua district (530102), NBS 2023 codes; the figures are all zero.
const city = Object.freeze(unitReport("city", "5301", "昆明市", null, zeroTotals()));
const district = Object.freeze(unitReport("district", "530102", "五华区", "5301", zeroTotals()));
/** The same city under a what-if plan: equal figures, another object. */
const planned = Object.freeze(unitReport("city", "5301", "昆明市", null, zeroTotals()));
const root = Object.freeze({ name: "昆明市", report: city });

describe("kpiView", () => {
  it("shows the whole dataset when no area is selected", () => {
    expect(kpiView({ planned: undefined, area: null, root, afterLabel: "规划后" })).toEqual({ unit: city, scope: "昆明市", hidden: false });
  });

  it("hides the panel for a selected area whose card holds its KPIs", () => {
    expect(kpiView({ planned: undefined, area: { name: "五华区", report: district }, root, afterLabel: "规划后" })).toEqual({
      unit: district,
      scope: "五华区",
      hidden: true,
    });
  });

  it("shows the whole dataset while the selected area's report is not known yet", () => {
    expect(kpiView({ planned: undefined, area: { name: "五华区", report: undefined }, root, afterLabel: "规划后" })).toEqual({
      unit: city,
      scope: "昆明市",
      hidden: false,
    });
  });

  it("shows a plan's outcome for the whole dataset, even with an area selected", () => {
    const view = kpiView({ planned, area: { name: "五华区", report: district }, root, afterLabel: "规划后" });
    expect(view.unit).toBe(planned);
    expect(view).toMatchObject({ scope: "昆明市 · 规划后", hidden: false });
  });

  it("has nothing to show before the dataset's report arrives", () => {
    expect(kpiView({ planned: undefined, area: null, root: { name: "", report: undefined }, afterLabel: "规划后" })).toEqual({
      unit: undefined,
      scope: "",
      hidden: false,
    });
  });
});
