// The KPI panel shows what the engine computes (in its worker), the same numbers the command
// line analysis gives for the same files.
import { describe, expect, inject, it } from "vitest";
import { reportOf } from "../../src/domain/analysis.ts";
import { formatIndicatorValue } from "../../src/domain/indicator-format.ts";
import { INDICATORS } from "../../src/domain/indicator-registry.ts";
import { KPI_INDICATORS } from "../../src/views/shared/kpi-indicators.ts";
import { analyzeFolder } from "../../scripts/lib/read-dataset.ts";
import { waitForMapReady, cityUrl } from "./browser.ts";
import { useBrowser } from "./use-browser.ts";

const baseUrl = inject("baseUrl");
const browser = useBrowser();

describe("the KPI panel", () => {
  it("shows the engine's city indicators, each with its definition", async () => {
    const expected = reportOf(analyzeFolder("public/data/kunming")).city;
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(cityUrl("./", baseUrl));
    await waitForMapReady(page);
    await page.waitForFunction(() => !document.querySelector('[data-testid="kpi-panel"]')?.textContent?.includes("…"), undefined, { timeout: 60_000 });
    for (const kpi of KPI_INDICATORS.map((id) => INDICATORS[id])) {
      const value = await page.locator(`[data-kpi="${kpi.field}"] dd`).textContent();
      expect({ field: kpi.field, value }).toEqual({ field: kpi.field, value: formatIndicatorValue(expected[kpi.field], kpi.format) });
      expect(await page.locator(`[data-kpi="${kpi.field}"]`).getAttribute("title")).toBeTruthy();
    }
    await page.close();
  });
});
