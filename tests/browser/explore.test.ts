// Hovering and clicking the map: the tooltip names what is under the pointer, a click opens the
// unit's card and puts it in the link, and the link reopens the same card.
import { describe, expect, inject, it } from "vitest";
import { hexToPixel, Screenshot, waitForMapReady, cityUrl } from "./browser.ts";
import { palette } from "../../src/layers/palette.ts";
import { centre, largest, readLayer } from "./demo-data.ts";
import { useBrowser } from "./use-browser.ts";
import { applyScenario } from "../../src/domain/what-if.ts";
import { readFileSync } from "node:fs";
import { analyzeFolder } from "../../scripts/lib/read-dataset.ts";
import { bboxOf } from "../../src/domain/model.ts";
import type { MultiPolygon, Polygon } from "geojson";

const baseUrl = inject("baseUrl");
const browser = useBrowser();

interface CompoundProperties {
  id: string;
  name: string;
  households: number;
  partyBranch: boolean;
}

describe("exploring the map", () => {
  const compound = largest(readLayer<CompoundProperties>("compounds").features, (properties) => !properties.partyBranch);
  const [longitude, latitude] = centre(compound);

  it("shows a tooltip on hover and a card on click, and the link reopens the card", async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(cityUrl(`./#map=17/${latitude}/${longitude}`, baseUrl));
    await waitForMapReady(page);
    const box = await page.getByTestId("map").boundingBox();
    if (!box) throw new Error("map has no box");
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.move(x, y);
    await expect.poll(() => page.getByTestId("map-tooltip").textContent()).toContain(compound.properties.name);
    await page.mouse.click(x, y);
    const card = page.getByTestId("detail-card");
    await expect.poll(() => card.textContent()).toContain(compound.properties.name);
    expect(await card.locator('[data-field="households"]').textContent()).toBe(compound.properties.households.toLocaleString("zh-CN"));
    expect(await card.locator('[data-field="partyBranch"]').textContent()).toBe("否");
    expect(await card.getByTestId("card-synthetic").textContent()).toContain("合成演示数据");
    expect(page.url()).toContain(`sel=compounds:${compound.properties.id}`);
    // The selected compound is outlined in the selection colour.
    await expect.poll(async () => (await Screenshot.of(page)).count(hexToPixel(palette.selection), 30)).toBeGreaterThan(100);

    // The breadcrumb leads up: district › street › community › compound; a step opens that unit.
    const crumbs = page.getByTestId("breadcrumb").getByRole("button");
    await expect.poll(() => crumbs.count()).toBe(5);
    await crumbs.nth(3).click();
    await expect.poll(() => page.url()).toMatch(/sel=communities:\d{12}/);
    await expect.poll(() => page.getByTestId("detail-card").textContent()).toMatch(/社区/);

    const again = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await again.goto(page.url().replace(/sel=[^&]+/, `sel=compounds:${compound.properties.id}`));
    await waitForMapReady(again);
    await expect.poll(() => again.getByTestId("detail-card").textContent()).toContain(compound.properties.name);
    await again.getByRole("button", { name: "关闭" }).click();
    expect(await again.getByTestId("detail-card").count()).toBe(0);
    expect(again.url()).not.toContain("sel=");
    await page.close();
    await again.close();
  });

  it("shows a community's rolled-up indicators in its card", async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(cityUrl(`./#map=15/${latitude}/${longitude}&layers=streets,communities`, baseUrl));
    await waitForMapReady(page);
    const box = await page.getByTestId("map").boundingBox();
    if (!box) throw new Error("map has no box");
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const card = page.getByTestId("detail-card");
    await expect.poll(() => card.textContent()).toContain("社区");
    // The engine's figures for this community arrive from the worker.
    await expect.poll(() => card.locator('[data-kpi="partyBranchCoverage"] dd').textContent(), { timeout: 60_000 }).toMatch(/%|—/);
    await page.close();
  });
});

describe("search", () => {
  it("finds a real community by name, flies there and opens its card", async () => {
    const community = readLayer<{ code: string; name: string }>("communities").features.find((feature) => feature.properties.name === "翠湖社区居民委员会");
    if (!community) throw new Error("翠湖社区居民委员会 is not in the demo data");
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(cityUrl("./", baseUrl));
    await waitForMapReady(page);
    const input = page.getByRole("combobox", { name: "搜索地名或代码" });
    await expect.poll(() => input.isEnabled()).toBe(true);
    await input.fill("翠湖社区");
    await expect.poll(() => page.getByRole("listbox").textContent()).toContain("翠湖社区居民委员会");
    await input.press("Enter");
    await expect.poll(() => page.getByTestId("detail-card").textContent()).toContain("翠湖社区居民委员会");
    expect(page.url()).toContain(`sel=communities:${community.properties.code}`);
    // After the flight the camera is over the community.
    const [west, south, east, north] = bboxOf(community.geometry as Polygon | MultiPolygon);
    await expect
      .poll(
        () => {
          const match = /map=([\d.]+)\/([\d.]+)\/([\d.]+)/.exec(page.url());
          const [zoom, latitude, longitude] = (match?.slice(1) ?? []).map(Number);
          return zoom !== undefined && zoom > 12 && latitude! > south && latitude! < north && longitude! > west && longitude! < east;
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    await page.close();
  });
});

describe("the gap list", () => {
  it("ranks the gaps as the engine does, filters by kind and goes to an item", async () => {
    const top = analyzeFolder("public/data/kunming").gaps;
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(cityUrl("./", baseUrl));
    await waitForMapReady(page);
    const panel = page.getByTestId("gap-panel");
    await expect.poll(() => panel.locator(".gap-name").first().textContent(), { timeout: 60_000 }).toBe(top[0]?.unitName);
    expect(await panel.locator(".gap-name").nth(1).textContent()).toBe(top[1]?.unitName);
    await panel.getByRole("combobox", { name: "缺口类型" }).selectOption("grid-no-worker");
    const firstGrid = top.find((gap) => gap.kind === "grid-no-worker");
    await expect.poll(() => panel.locator(".gap-name").first().textContent()).toBe(firstGrid?.unitName);
    // The filtered list exports as CSV with Chinese headers and every matching gap.
    const [download] = await Promise.all([page.waitForEvent("download"), panel.getByRole("button", { name: "导出 CSV" }).click()]);
    const csv = readFileSync((await download.path()) ?? "", "utf8");
    expect(download.suggestedFilename()).toMatch(/^缺口清单-.*\.csv$/);
    expect(csv.startsWith("\uFEFF排名,缺口类型")).toBe(true);
    // Header and one row per gap, then a blank line and what the data is: 数据截至 and the synthetic note.
    const [table = "", notes = ""] = csv.trim().split("\r\n\r\n");
    expect(table.split("\r\n")).toHaveLength(1 + top.filter((gap) => gap.kind === "grid-no-worker").length);
    expect(notes).toMatch(/^数据截至 \d{4}-\d{2}-\d{2}\r\n"?示意数据/);
    await panel.locator(".gap-item").first().click();
    await expect.poll(() => page.getByTestId("detail-card").textContent()).toContain(firstGrid?.unitName ?? "?");
    expect(page.url()).toContain(`sel=grids:${firstGrid?.unitId}`);
    await page.close();
  });
});

describe("what-if planning", () => {
  it("adds a station where the map is clicked and shows the change the engine computes", async () => {
    const base = analyzeFolder("public/data/kunming");
    const far = base.gaps.find((gap) => gap.kind === "compound-beyond-service");
    if (!far) throw new Error("no compound beyond the service distance in the demo data");
    const [longitude, latitude] = far.location;
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(cityUrl(`./?debug=1#map=15/${latitude}/${longitude}`, baseUrl));
    await waitForMapReady(page);
    const panel = page.getByTestId("what-if-panel");
    const toggle = panel.getByRole("checkbox");
    await expect.poll(() => toggle.isEnabled(), { timeout: 60_000 }).toBe(true);
    await toggle.check();
    const box = await page.getByTestId("map").boundingBox();
    if (!box) throw new Error("map has no box");
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const clicked = await page.evaluate(({ x, y }) => window.partyMap?.map.unproject([x, y]).toArray() ?? [0, 0], { x: box.width / 2, y: box.height / 2 });
    const [clickedLongitude = 0, clickedLatitude = 0] = clicked;
    const expected = applyScenario(base, { edits: [{ type: "add", id: "planned-1", longitude: clickedLongitude, latitude: clickedLatitude }] });
    const cell = panel.locator('[data-field="stationAccessHouseholds"] td').nth(1);
    await expect.poll(() => cell.textContent(), { timeout: 30_000 }).toBe(expected.rollup.city.stationAccessHouseholds.toLocaleString("zh-CN"));
    expect(expected.rollup.city.stationAccessHouseholds).toBeGreaterThan(base.rollup.city.stationAccessHouseholds);
    expect(await panel.locator('[data-field="gaps"] td').textContent()).toMatch(/^−[1-9]\d* \/ \+0$/);

    // The plan is in the link: opening it elsewhere shows the same plan and the same figures.
    expect(page.url()).toMatch(/whatif=1&wi=[\d.]+,[\d.]+/);
    const planned = /wi=([\d.]+),([\d.]+)/.exec(page.url())?.slice(1).map(Number) ?? [];
    const fromLink = applyScenario(base, { edits: [{ type: "add", id: "planned-1", longitude: planned[0] ?? 0, latitude: planned[1] ?? 0 }] });
    const again = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await again.goto(page.url());
    await waitForMapReady(again);
    const againCell = again.getByTestId("what-if-panel").locator('[data-field="stationAccessHouseholds"] td').nth(1);
    await expect.poll(() => againCell.textContent(), { timeout: 60_000 }).toBe(fromLink.rollup.city.stationAccessHouseholds.toLocaleString("zh-CN"));
    await again.close();
    await page.close();
  });
});
