// The wall display (?mode=wall) in headless Chromium at 1920×1080 and 3840×2160 (device pixel
// ratio 1, as a 4K wall without OS scaling runs): dark, panels inside the screen beside the map,
// the map drawn at full resolution, the tour moving on, and a click on the map selecting the
// feature under the pointer (the map is not CSS-scaled, so the click lands where it is aimed).
// Also a 5760×1080 splice wall (a canvas wider than MapLibre's default 4096 cap) and a lost
// WebGL context that comes back.
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { analyzeFolder } from "../../scripts/lib/read-dataset.ts";
import { reportOf } from "../../src/domain/analysis.ts";
import { tourStops } from "../../src/domain/tour-stops.ts";
import { wallPalette } from "../../src/layers/palette.ts";
import { formatIndicatorValue } from "../../src/domain/indicator-format.ts";
import { WALL_KPIS } from "../../src/views/wall/wall-kpis.ts";
import { hexToPixel, Screenshot, waitForMapReady, type Pixel, cityUrl } from "./browser.ts";
import { centre, largest, readLayer } from "./demo-data.ts";
import { useBrowser } from "./use-browser.ts";

const baseUrl = inject("baseUrl");
/** Software WebGL draws a 4K frame in about half a second; a shared 2-core machine needs headroom. */
const TEST_TIMEOUT_MS = 240_000;
const browser = useBrowser();

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Opens the wall; `errors` collects page errors and WebGL's complaints (a broken context restore shows there first). */
async function openWall(width: number, height: number, query: string): Promise<{ page: Page; map: Box; errors: string[] }> {
  const page = await browser().newPage({ viewport: { width, height } });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.text().startsWith("WebGL:")) errors.push(message.text());
  });
  await page.goto(cityUrl(`./?mode=wall&debug=1&${query}`, baseUrl));
  await waitForMapReady(page, 120_000);
  const map = await page.getByTestId("map").boundingBox();
  if (!map) throw new Error("the map has no box");
  return { page, map, errors };
}

const luminance = ({ red, green, blue }: Pixel) => 0.2126 * red + 0.7152 * green + 0.0722 * blue;

/** Distinct colours (quantised to 16 levels a channel) on a grid of samples over the map's box. */
function mapColours(shot: Screenshot, map: Box): number {
  const seen = new Set<number>();
  for (let row = 1; row < 40; row += 1) {
    for (let column = 1; column < 60; column += 1) {
      const { red, green, blue } = shot.pixel(map.x + (map.width * column) / 60, map.y + (map.height * row) / 40);
      seen.add(((red >> 4) << 8) | ((green >> 4) << 4) | (blue >> 4));
    }
  }
  return seen.size;
}

/** Pixels of the wall's selection colour inside the map's box. */
function selectionPixels(shot: Screenshot, map: Box, near?: { x: number; y: number; radius: number }): number {
  const colour = hexToPixel(wallPalette.selection);
  const [left, top, right, bottom] = near
    ? [near.x - near.radius, near.y - near.radius, near.x + near.radius, near.y + near.radius]
    : [map.x, map.y, map.x + map.width, map.y + map.height];
  let hits = 0;
  for (let y = Math.max(map.y, top); y < Math.min(map.y + map.height, bottom); y += 1) {
    for (let x = Math.max(map.x, left); x < Math.min(map.x + map.width, right); x += 1) {
      const pixel = shot.pixel(x, y);
      if (Math.hypot(pixel.red - colour.red, pixel.green - colour.green, pixel.blue - colour.blue) < 40) hits += 1;
    }
  }
  return hits;
}

/** The tour's flight has ended over a street (the first view shows the whole city, zoom < 11). */
const settled = () => {
  const map = window.partyMap?.map;
  return map !== undefined && !map.isMoving() && map.getZoom() > 11 && map.loaded();
};
const cardTitle = (page: Page) => page.getByTestId("wall-card").locator("h2").textContent();
/** The card's title and the tour's step and stop, read together (a 4K screenshot can outlast a dwell). */
const tourState = (page: Page) =>
  page.evaluate(() => ({
    title: document.querySelector('[data-testid="wall-card"] h2')?.textContent,
    step: Number(document.querySelector('[data-testid="wall"]')?.getAttribute("data-tour-step")),
    index: Number(document.querySelector('[data-testid="wall"]')?.getAttribute("data-tour-index")),
  }));

describe.each([
  [1920, 1080],
  [3840, 2160],
])("the wall at %i×%i", (width, height) => {
  const scale = height / 1080;

  it(
    "is dark, shows the engine's figures in panels beside a drawn map, and tours the streets",
    async () => {
      const analysis = analyzeFolder("public/data/kunming");
      const expected = reportOf(analysis).city;
      const stops = tourStops(analysis.model, null);
      const { page, map, errors } = await openWall(width, height, "dwell=5");
      // The map fills the middle at the screen's resolution: its canvas has as many pixels as its box
      // on screen (not clamped), and its layout size is its size on screen (no CSS scaling anywhere above it).
      const canvas = await page.evaluate(() => {
        const element = document.querySelector<HTMLCanvasElement>(".maplibregl-canvas");
        return { width: element?.width ?? 0, height: element?.height ?? 0, layoutWidth: element?.clientWidth ?? 0 };
      });
      expect(canvas).toMatchObject({ width: Math.floor(map.width), height: Math.floor(map.height) });
      expect(Math.abs(canvas.layoutWidth - map.width)).toBeLessThan(1);
      expect(map.width).toBeGreaterThan(0.45 * width);

      // The tour starts at the first street, outlined on the map, and moves on after the dwell.
      await expect.poll(() => cardTitle(page)).toBe("华山街道");
      const first = await tourState(page);
      expect(first.title).toBe("华山街道");
      const shot = await Screenshot.of(page);
      expect(luminance(shot.pixel(map.x - 8 * scale, map.y + map.height / 2))).toBeLessThan(40);
      expect(luminance(shot.pixel(width * 0.3, 6 * scale))).toBeLessThan(50);
      expect(mapColours(shot, map)).toBeGreaterThan(12);
      // It moves on in the engine's order (华山 → 护国 → …). On a loaded machine the 4K screenshot
      // above can outlast a dwell, so the stop reached is checked against the order, not assumed.
      expect(stops.slice(0, 2).map((stop) => stop.name)).toEqual(["华山街道", "护国街道"]);
      let next = first;
      await expect
        .poll(
          async () => {
            next = await tourState(page);
            return next.step > first.step && next.title === stops[next.index]?.name;
          },
          { timeout: 20_000 },
        )
        .toBe(true);
      expect(next.index).toBe((first.index + next.step - first.step) % stops.length);
      await page.waitForFunction(settled, undefined, { timeout: 20_000 });
      expect(selectionPixels(await Screenshot.of(page), map)).toBeGreaterThan(200 * scale);
      // Six KPI cards with the engine's figures, inside the screen and clear of the map.
      for (const kpi of WALL_KPIS) {
        const card = page.locator(`.wall-kpi[data-kpi="${kpi.field}"]`);
        await expect.poll(() => card.locator(".wall-kpi-value").textContent(), { timeout: 60_000 }).toBe(formatIndicatorValue(expected[kpi.field], kpi.format));
        const box = await card.boundingBox();
        if (!box) throw new Error(`${kpi.field} has no box`);
        expect(box.x >= 0 && box.y >= 0 && box.x + box.width <= width && box.y + box.height <= height).toBe(true);
        expect(box.x + box.width <= map.x || box.x >= map.x + map.width).toBe(true);
        expect(await card.locator("svg rect").count()).toBe(14);
      }
      await expect.poll(() => page.getByTestId("wall-ranking").locator("li").count(), { timeout: 60_000 }).toBe(10);
      expect(await page.getByTestId("as-of").textContent()).toMatch(/数据截至 \d{4}-\d{2}-\d{2}/);

      expect(errors).toEqual([]);
      await page.close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "selects the compound under a click",
    async () => {
      const compound = largest(readLayer<{ id: string; name: string; communityCode: string }>("compounds").features, (properties) =>
        properties.communityCode.startsWith("530102001"),
      );
      const { page, map } = await openWall(width, height, "dwell=600");
      await expect.poll(() => cardTitle(page)).toBe("华山街道");
      await page.waitForFunction(settled, undefined, { timeout: 20_000 });
      // Where the compound is on screen, from the map's own projection (CSS pixels in the map box).
      const point = await page.evaluate((position) => window.partyMap?.map.project(position) ?? null, centre(compound));
      if (!point) throw new Error("no projection");
      const [x, y] = [map.x + point.x, map.y + point.y];
      expect(x > map.x && x < map.x + map.width && y > map.y && y < map.y + map.height).toBe(true);
      await page.mouse.click(x, y);
      await expect.poll(() => cardTitle(page)).toBe(compound.properties.name);
      expect(await page.getByTestId("wall-card").getAttribute("data-code")).toBe(compound.properties.id);
      await page.waitForFunction(() => window.partyMap?.map.loaded(), undefined, { timeout: 20_000 });
      expect(selectionPixels(await Screenshot.of(page), map, { x, y, radius: 200 * scale })).toBeGreaterThan(20);
      // Someone is at the screen: the tour says it has paused.
      await expect.poll(() => page.getByTestId("wall-paused").count()).toBe(1);
      await page.close();
    },
    TEST_TIMEOUT_MS,
  );
});

describe("the wall on other screens", () => {
  it(
    "lays out a 5760×1080 splice wall with panels at the sides and a full-resolution map between them",
    async () => {
      const { page, map } = await openWall(5760, 1080, "dwell=600");
      const canvasWidth = await page.evaluate(() => document.querySelector<HTMLCanvasElement>(".maplibregl-canvas")?.width ?? 0);
      // Wider than MapLibre's default cap of 4096 device pixels.
      expect(map.width).toBeGreaterThan(4096);
      expect(canvasWidth).toBe(Math.floor(map.width));
      const left = await page.locator(".wall-left").boundingBox();
      const right = await page.locator(".wall-right").boundingBox();
      expect(left && left.x + left.width <= map.x && left.width < 500).toBe(true);
      expect(right && right.x >= map.x + map.width && right.x + right.width <= 5760).toBe(true);
      await page.close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "draws again after its WebGL context is lost and restored",
    async () => {
      const { page, map, errors } = await openWall(1920, 1080, "dwell=600");
      await expect.poll(() => cardTitle(page)).toBe("华山街道");
      await page.waitForFunction(settled, undefined, { timeout: 20_000 });
      const before = await Screenshot.of(page);
      expect(selectionPixels(before, map)).toBeGreaterThan(200);
      await page.evaluate(async () => {
        const extension = window.partyMap?.map.getCanvas().getContext("webgl2")?.getExtension("WEBGL_lose_context");
        if (!extension) throw new Error("WEBGL_lose_context is not available");
        extension.loseContext();
        await new Promise((resolve) => setTimeout(resolve, 300));
        extension.restoreContext();
      });
      await expect.poll(() => page.evaluate(() => window.partyMap?.contextRestorations), { timeout: 20_000 }).toBe(1);
      await page.evaluate(() => window.partyMap?.whenIdle());
      const after = await Screenshot.of(page);
      expect(mapColours(after, map)).toBeGreaterThan(12);
      expect(selectionPixels(after, map)).toBeGreaterThan(200);
      expect(errors).toEqual([]);
      await page.close();
    },
    TEST_TIMEOUT_MS,
  );
});

describe("the provincial wall (the default dataset)", () => {
  it(
    "shows the province's figures by prefecture, ranks its counties and tours prefectures then counties",
    async () => {
      const report = reportOf(analyzeFolder("data/generated/yunnan"));
      const page = await browser().newPage({ viewport: { width: 1920, height: 1080 } });
      await page.goto(new URL("./?mode=wall&debug=1&dwell=5", baseUrl).href);
      const map = await waitForMapReady(page, 120_000).then(() => page.getByTestId("map").boundingBox());
      if (!map) throw new Error("the map has no box");
      for (const kpi of WALL_KPIS) {
        const card = page.locator(`.wall-kpi[data-kpi="${kpi.field}"]`);
        await expect
          .poll(() => card.locator(".wall-kpi-value").textContent(), { timeout: 60_000 })
          .toBe(formatIndicatorValue(report.city[kpi.field], kpi.format));
        // One bar per prefecture.
        expect(await card.locator("svg rect").count()).toBe(report.prefectures.length);
      }
      const ranking = page.getByTestId("wall-ranking");
      await expect.poll(() => ranking.locator("li").count(), { timeout: 60_000 }).toBe(10);
      expect(await ranking.locator("h2").textContent()).toBe("缺口最多的县(市、区)");
      // Prefectures in code order, each followed by its counties: 昆明市, then 五华区.
      const first = [...report.prefectures].toSorted((a, b) => a.code.localeCompare(b.code))[0];
      await expect.poll(() => cardTitle(page), { timeout: 60_000 }).toBe(first?.name);
      expect(await page.getByTestId("wall-card").textContent()).toContain(`导览 1 / ${report.prefectures.length + report.districts.length}`);
      const county = report.districts.filter((unit) => unit.parentCode === first?.code).toSorted((a, b) => a.code.localeCompare(b.code))[0];
      await expect.poll(() => cardTitle(page), { timeout: 30_000 }).toBe(county?.name);
      await page.waitForFunction(() => window.partyMap?.map.loaded() && !window.partyMap.map.isMoving(), undefined, { timeout: 30_000 });
      const shot = await Screenshot.of(page);
      expect(mapColours(shot, map)).toBeGreaterThan(12);
      expect(selectionPixels(shot, map)).toBeGreaterThan(200);
      await page.close();
    },
    TEST_TIMEOUT_MS,
  );
});
