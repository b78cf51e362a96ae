// Loading a tiled dataset: the progress line says what has loaded and what failed, with the file,
// and a failed file or tile leaves the rest of the page working (map drawn, precomputed figures).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { formatIndicatorValue } from "../../src/domain/indicator-format.ts";
import { palette } from "../../src/layers/palette.ts";
import { CITY_DATASET, hexToPixel, Screenshot, waitForMapReady } from "./browser.ts";
import { tileDataOffset } from "./demo-data.ts";
import { useBrowser } from "./use-browser.ts";

const baseUrl = inject("baseUrl");
const browser = useBrowser();
const TILED = join(inject("distDir"), "data/kunming/tiled");
const precomputed = () => JSON.parse(readFileSync(join(TILED, "indicators.json"), "utf8")) as { city: Record<string, number | null> };

const step = (page: Page, id: string) => page.locator(`[data-testid="load-status"] [data-step="${id}"]`);
const land = hexToPixel(palette.land);

describe("loading a tiled dataset", () => {
  it("names a table that fails to load, and keeps the map and the precomputed figures", async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.route("**/attributes.bin.gz", (route) => route.fulfill({ status: 404, body: "not here" }));
    await page.goto(new URL(`./?data=${CITY_DATASET}`, baseUrl).href);
    await waitForMapReady(page);
    await expect.poll(() => step(page, "table").getAttribute("data-state"), { timeout: 30_000 }).toBe("failed");
    const table = (await step(page, "table").textContent()) ?? "";
    expect(table).toContain("attributes.bin.gz");
    expect(table).toContain("404");
    expect(await step(page, "map").getAttribute("data-state")).toBe("done");
    expect(await page.getByTestId("load-status").textContent()).toContain("其余部分照常可用");
    // The precomputed figures stand in for the engine's, and the map is drawn.
    await expect(page.locator('[data-kpi="partyBranchCoverage"] dd').textContent()).resolves.toBe(
      formatIndicatorValue(precomputed().city.partyBranchCoverage ?? null, "share"),
    );
    expect((await Screenshot.of(page)).count(land, 12)).toBeGreaterThan(100_000);
    // Dismissed, it goes; nothing else went away with it.
    await page.getByTestId("load-status").getByRole("button").click();
    expect(await page.getByTestId("load-status").count()).toBe(0);
    await page.close();
  });

  it("counts tiles that fail, names the archive, and draws the others", async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    const offset = tileDataOffset(join(TILED, "tiles.pmtiles"));
    let failed = 0;
    await page.route("**/tiles.pmtiles", async (route) => {
      const start = Number(/bytes=(\d+)-/.exec(route.request().headers().range ?? "")?.[1] ?? -1);
      // Every other tile by its place in the archive; headers and directories always answer.
      if (start >= offset && Math.floor(start / 97) % 2 === 0) {
        failed += 1;
        return route.fulfill({ status: 500, body: "broken" });
      }
      return route.fallback();
    });
    await page.goto(new URL(`./?data=${CITY_DATASET}#map=12/25.04/102.71`, baseUrl).href);
    await waitForMapReady(page);
    await expect.poll(() => step(page, "map").getAttribute("data-state"), { timeout: 30_000 }).toBe("failed");
    expect(failed).toBeGreaterThan(0);
    const map = (await step(page, "map").textContent()) ?? "";
    expect(map).toContain("tiles.pmtiles");
    expect(map).toMatch(/\d+ 个瓦片加载失败/);
    // The tiles that did load are drawn: land from the district layer covers much of the view.
    expect((await Screenshot.of(page)).count(land, 12)).toBeGreaterThan(50_000);
    await page.close();
  });
});
