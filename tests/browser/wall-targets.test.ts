// 考核督导 on the provincial wall (the default tiled dataset, headless Chromium): the panel shows
// each target's met / known units as the engine computes them in node from the generated folder
// (the same figures the attribute table gives the worker; see the provincial wall test), and
// `tour=laggards` flies to the first unit behind the first target that has any: the map's pixels
// change, the camera is over that unit, and its card names it with its standing.
import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { analyzeFolder } from "../../scripts/lib/read-dataset.ts";
import { targetsFileSchema } from "../../src/data/contract.ts";
import { evaluateTarget } from "../../src/domain/targets.ts";
import { Screenshot, waitForMapReady } from "./browser.ts";
import { useBrowser } from "./use-browser.ts";

const baseUrl = inject("baseUrl");
const FOLDER = "data/generated/yunnan";
const TEST_TIMEOUT_MS = 300_000;
const browser = useBrowser();

describe("the provincial wall's 考核督导", () => {
  it(
    "shows the engine's met / known figures and tours the laggards of the first target behind",
    async () => {
      const analysis = analyzeFolder(FOLDER);
      const { targets } = targetsFileSchema.parse(JSON.parse(readFileSync(`${FOLDER}/targets.json`, "utf8")));
      const reports = targets.map((target) => evaluateTarget(analysis, target));
      const behind = reports.find((report) => report.units.some((unit) => unit.status === "missed" || unit.status === "warning"));
      // The engine's order puts the worst unit first: missed before warned, furthest first.
      const first = behind?.units[0];
      if (!behind || !first?.bbox) throw new Error("no target has a unit behind it in the province");
      const laggards = behind.units.filter((unit) => (unit.status === "missed" || unit.status === "warning") && unit.bbox).length;

      const page = await browser().newPage({ viewport: { width: 1920, height: 1080 } });
      // The attribute table is held back until the map has drawn the province: the tour, which
      // needs the engine's figures, cannot have flown before the first screenshot.
      const gate: { release?: () => void } = {};
      const held = new Promise<void>((resolve) => {
        gate.release = resolve;
      });
      await page.route("**/attributes.bin.gz", async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(new URL("./?mode=wall&debug=1&dwell=600&tour=laggards", baseUrl).href);
      await waitForMapReady(page, 120_000);
      const map = await page.getByTestId("map").boundingBox();
      if (!map) throw new Error("the map has no box");
      const cardTitle = () => page.evaluate(() => document.querySelector('[data-testid="wall-card"] h2')?.textContent ?? null);
      await page.waitForFunction(() => window.partyMap?.map.loaded() && !window.partyMap.map.isMoving(), undefined, { timeout: 60_000 });
      expect(await cardTitle()).toBeNull();
      const before = await Screenshot.of(page);
      gate.release?.();

      const panel = page.getByTestId("wall-targets");
      for (const report of reports) {
        const { met, warning, missed, unknown } = report.tally;
        const item = panel.locator(`[data-target="${report.target.id}"]`);
        await expect
          .poll(
            () =>
              item
                .evaluate((element) => [element.getAttribute("data-met"), element.getAttribute("data-known"), element.getAttribute("data-unknown")])
                .catch(() => null),
            { timeout: 120_000 },
          )
          .toEqual([String(met), String(met + warning + missed), String(unknown)]);
        // The words say the same, the denominator named.
        const known = met + warning + missed;
        expect(await item.locator(".wall-target-done").textContent()).toContain(
          known > 0 ? `达标 ${met.toLocaleString("zh-CN")} / ${known.toLocaleString("zh-CN")} 个有数据的` : "均无数据",
        );
      }
      // Under the map and inside the screen; the map kept its size when the figures arrived.
      const box = await panel.boundingBox();
      expect(await page.getByTestId("map").boundingBox()).toEqual(map);
      expect(box && box.y + box.height <= 1080 && box.x >= map.x - 1 && box.x + box.width <= map.x + map.width + 1 && box.y >= map.y + map.height).toBe(true);

      await expect.poll(cardTitle, { timeout: 60_000 }).toBe(first.name);
      const card = page.getByTestId("wall-card");
      expect(await card.textContent()).toContain(`导览 1 / ${laggards}`);
      expect(await card.getByTestId("wall-card-target").getAttribute("data-status")).toBe(first.status);
      expect(await page.getByTestId("wall-tour-note").getAttribute("data-note")).toBe("laggards");
      await page.waitForFunction(() => window.partyMap?.map.loaded() && !window.partyMap.map.isMoving(), undefined, { timeout: 60_000 });
      const centre = await page.evaluate(() => window.partyMap?.map.getCenter().toArray() ?? null);
      const [west, south, east, north] = first.bbox;
      expect(centre && centre[0] >= west && centre[0] <= east && centre[1] >= south && centre[1] <= north).toBe(true);

      // The map drew somewhere else: most sampled pixels of its box differ from the province overview.
      const after = await Screenshot.of(page);
      let changed = 0;
      let samples = 0;
      for (let row = 1; row < 30; row += 1) {
        for (let column = 1; column < 40; column += 1) {
          const [x, y] = [map.x + (map.width * column) / 40, map.y + (map.height * row) / 30];
          const [a, b] = [before.pixel(x, y), after.pixel(x, y)];
          samples += 1;
          if (Math.hypot(a.red - b.red, a.green - b.green, a.blue - b.blue) > 24) changed += 1;
        }
      }
      expect(changed / samples).toBeGreaterThan(0.2);
      await page.close();
    },
    TEST_TIMEOUT_MS,
  );
});
