// Derived layers and filters in the real app: areas filled by a rolled-up indicator, compounds by
// station access, service areas, "only gaps", an indicator filter, and what-if edits of existing
// stations. Expected colours and figures come from the engine run here on the same files.
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { METRES_PER_DEGREE_LONGITUDE_AT_EQUATOR } from "../../src/data/earth.ts";
import { labelPoint } from "../../src/domain/label-point.ts";
import { reportOf } from "../../src/domain/analysis.ts";
import { applyScenario } from "../../src/domain/what-if.ts";
import { summarizeEnclosed } from "../../src/domain/enclosed.ts";
import { buildChoropleth } from "../../src/layers/choropleth.ts";
import { palette, type Rgba } from "../../src/layers/palette.ts";
import { matchingAreas } from "../../src/views/shared/map-filters.ts";
import { analyzeFolder } from "../../scripts/lib/read-dataset.ts";
import { hexToPixel, Screenshot, waitForMapReady, type Pixel, cityUrl } from "./browser.ts";
import { largest, readLayer } from "./demo-data.ts";
import { useBrowser } from "./use-browser.ts";

const baseUrl = inject("baseUrl");
const browser = useBrowser();
const analysis = analyzeFolder("public/data/kunming");
const report = reportOf(analysis);

async function open(path: string): Promise<Page> {
  const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(cityUrl(path, baseUrl));
  await waitForMapReady(page);
  return page;
}

/** Where a place is on the page, in CSS pixels. */
async function screenPoint(page: Page, position: [number, number]): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId("map").boundingBox();
  if (!box) throw new Error("map has no box");
  const point = await page.evaluate((lngLat) => window.partyMap?.map.project(lngLat) ?? { x: Number.NaN, y: Number.NaN }, position);
  return { x: box.x + point.x, y: box.y + point.y };
}

function blend(colour: Pixel, alpha: number, background: Pixel = hexToPixel(palette.land)): Pixel {
  const mix = (top: number, bottom: number) => Math.round(top * alpha + bottom * (1 - alpha));
  return { red: mix(colour.red, background.red), green: mix(colour.green, background.green), blue: mix(colour.blue, background.blue) };
}
const rgba = (colour: Rgba): Pixel => blend({ red: colour[0], green: colour[1], blue: colour[2] }, colour[3] / 255);

describe("area choropleth", () => {
  const choropleth = buildChoropleth(
    "partyBranchCoverage",
    report.communities.map((unit) => ({ code: unit.code, value: unit.partyBranchCoverage })),
  );
  const communities = readLayer<{ code: string }>("communities").features;

  it("fills communities in the colour of their class, darkest where coverage is lowest", async () => {
    const lowest = choropleth.members[0] ?? [];
    const highest = choropleth.members.at(-1) ?? [];
    const low = largest(communities, (properties) => lowest.includes(properties.code));
    const high = largest(communities, (properties) => highest.includes(properties.code));
    const [longitude, latitude] = labelPoint(low.geometry);
    const page = await open(`./?debug=1#map=14/${latitude}/${longitude}&layers=communities&ac=communities:partyBranchCoverage`);
    const lowPoint = await screenPoint(page, [longitude ?? 0, latitude ?? 0]);
    // The fill waits for the engine's indicators, computed after the first frame.
    const lowColour = blend(hexToPixel(choropleth.classes[0]?.colour ?? ""), 0.78);
    await expect
      .poll(async () => (await Screenshot.of(page)).shareNear(lowPoint.x, lowPoint.y + 24, 3, lowColour, 12), { timeout: 60_000 })
      .toBeGreaterThan(0.8);
    expect(await page.getByTestId("legend").textContent()).toContain("小区/自然村党组织覆盖率");

    const [highLongitude, highLatitude] = labelPoint(high.geometry);
    await page.evaluate((centre) => window.partyMap?.map.jumpTo({ center: centre, zoom: 14 }), [highLongitude ?? 0, highLatitude ?? 0] as [number, number]);
    await page.waitForTimeout(800);
    const highPoint = await screenPoint(page, [highLongitude ?? 0, highLatitude ?? 0]);
    const again = await Screenshot.of(page);
    expect(again.shareNear(highPoint.x, highPoint.y + 24, 3, blend(hexToPixel(choropleth.classes.at(-1)?.colour ?? ""), 0.78), 12)).toBeGreaterThan(0.8);
    await page.close();
  });

  it("filters areas by the indicator: the count is the engine's, and a community outside the filter is not filled", async () => {
    const matching = matchingAreas(report.communities, "partyBranchCoverage", { comparison: "below", value: 0.5 });
    const outside = largest(
      communities,
      (properties) => !matching.includes(properties.code) && (choropleth.members[0] ?? []).length > 0 && !choropleth.missing.includes(properties.code),
    );
    const [longitude, latitude] = labelPoint(outside.geometry);
    const page = await open(`./?debug=1#map=14/${latitude}/${longitude}&layers=communities&ac=communities:partyBranchCoverage&af=below:0.5`);
    await expect
      .poll(() => page.getByTestId("filter-count").textContent(), { timeout: 60_000 })
      .toBe(`${matching.length} / ${report.communities.length} 个社区符合`);
    const point = await screenPoint(page, [longitude ?? 0, latitude ?? 0]);
    expect((await Screenshot.of(page)).shareNear(point.x, point.y + 24, 3, hexToPixel(palette.land), 6)).toBeGreaterThan(0.8);
    // The same place without the filter is filled.
    await page.getByRole("combobox", { name: "筛选" }).selectOption("");
    await expect.poll(async () => (await Screenshot.of(page)).shareNear(point.x, point.y + 24, 3, hexToPixel(palette.land), 6)).toBeLessThan(0.1);
    await page.close();
  });
});

describe("compounds by station access", () => {
  it("colours a compound beyond reach apart from one next to a station, and 'only gaps' keeps just the former", async () => {
    const compounds = readLayer<{ id: string }>("compounds").features;
    const index = new Map(analysis.model.compounds.map((row, position) => [row.id, position]));
    const distanceOf = (id: string) => analysis.access.distance[index.get(id) ?? -1] ?? Number.POSITIVE_INFINITY;
    const near = largest(compounds, (properties) => distanceOf(properties.id) < 300);
    const [longitude, latitude] = labelPoint(near.geometry);
    const page = await open(`./?debug=1#map=17/${latitude}/${longitude}&layers=compounds&cb=stationAccess`);
    const point = await screenPoint(page, [longitude ?? 0, latitude ?? 0]);
    await expect
      .poll(async () => (await Screenshot.of(page)).shareNear(point.x, point.y, 3, rgba(palette.accessNear), 20), { timeout: 60_000 })
      .toBeGreaterThan(0.8);
    expect(await page.getByTestId("legend").textContent()).toContain("1000 米内无社工站");
    // Only gaps: the served compound is no longer drawn.
    await page.getByRole("checkbox", { name: "只看缺口小区" }).check();
    await expect.poll(async () => (await Screenshot.of(page)).shareNear(point.x, point.y, 3, rgba(palette.accessNear), 20)).toBeLessThan(0.1);
    expect(page.url()).toContain("og=1");

    const far = largest(compounds, (properties) => distanceOf(properties.id) > 1500);
    const [farLongitude, farLatitude] = labelPoint(far.geometry);
    await page.evaluate((centre) => window.partyMap?.map.jumpTo({ center: centre }), [farLongitude ?? 0, farLatitude ?? 0] as [number, number]);
    const farPoint = await screenPoint(page, [farLongitude ?? 0, farLatitude ?? 0]);
    await expect.poll(async () => (await Screenshot.of(page)).shareNear(farPoint.x, farPoint.y, 3, rgba(palette.accessBeyond), 20)).toBeGreaterThan(0.8);
    await page.close();
  });
});

describe("service areas", () => {
  it("tints the ground within the service distance of a station and not beyond it", async () => {
    // A station with no other within 3 km, so the ground 1,300 m away is outside every circle.
    const stations = analysis.model.stations;
    const apart = (row: (typeof stations)[number]) =>
      stations.every((other) => other === row || Math.hypot((other.longitude - row.longitude) * 101_000, (other.latitude - row.latitude) * 111_000) > 3000);
    const station = stations.find((row) => row.level === "街道" && apart(row));
    if (!station) throw new Error("no isolated street station in the demo data");
    const page = await open(`./?debug=1#map=14/${station.latitude}/${station.longitude}&layers=serviceAreas`);
    // 700 m east lies inside the 1,000 m circle; 1,300 m east lies outside it.
    const metresEast = (metres: number): [number, number] => [
      station.longitude + metres / (METRES_PER_DEGREE_LONGITUDE_AT_EQUATOR * Math.cos((station.latitude * Math.PI) / 180)),
      station.latitude,
    ];
    const inside = await screenPoint(page, metresEast(700));
    const outside = await screenPoint(page, metresEast(1300));
    const shot = await Screenshot.of(page);
    const land = hexToPixel(palette.land);
    expect(shot.shareNear(inside.x, inside.y, 2, land, 6)).toBeLessThan(0.2);
    expect(shot.shareNear(outside.x, outside.y, 2, land, 6)).toBeGreaterThan(0.8);
    await page.close();
  });
});

describe("what-if edits of existing stations", () => {
  it("removes a selected station and shows the engine's figures; the link keeps the removal", async () => {
    // A station whose removal leaves households out of reach, so the figure must move.
    const station = analysis.model.stations.find(
      (row) =>
        row.level === "街道" &&
        applyScenario(analysis, { edits: [{ type: "remove", id: row.id }] }).rollup.city.stationAccessHouseholds < analysis.rollup.city.stationAccessHouseholds,
    );
    if (!station) throw new Error("no street station whose removal changes access");
    const page = await open(`./?debug=1#map=15/${station.latitude}/${station.longitude}&whatif=1&sel=stations:${station.id}`);
    const panel = page.getByTestId("what-if-panel");
    await panel.getByTestId("what-if-remove").click({ timeout: 60_000 });
    const expected = applyScenario(analysis, { edits: [{ type: "remove", id: station.id }] });
    const cell = panel.locator('[data-field="stationAccessHouseholds"] td').nth(1);
    await expect.poll(() => cell.textContent(), { timeout: 30_000 }).toBe(expected.rollup.city.stationAccessHouseholds.toLocaleString("zh-CN"));
    expect(expected.rollup.city.stationAccessHouseholds).toBeLessThan(analysis.rollup.city.stationAccessHouseholds);
    expect(page.url()).toContain(`wr=${station.id}`);
    // The gap list follows the plan: it counts the gaps as they would be.
    const gapCount = page.getByTestId("gap-panel").locator("h2 .count");
    await expect.poll(() => gapCount.textContent()).toBe(expected.gaps.length.toLocaleString("en-US"));
    expect(expected.gaps.length).toBeGreaterThan(analysis.gaps.length);
    await expect.poll(() => panel.getByTestId("what-if-edits").textContent()).toContain(station.name);
    await page.close();
  });

  it("drags a planned station to a new place and the plan in the link follows", async () => {
    const station = analysis.model.stations.find((row) => row.level === "街道");
    if (!station) throw new Error("no street station in the demo data");
    const page = await open(`./?debug=1#map=15/${station.latitude}/${station.longitude}&whatif=1&wi=${station.longitude + 0.004},${station.latitude}`);
    const handle = page.locator(".what-if-handle");
    await expect.poll(() => handle.count(), { timeout: 60_000 }).toBe(1);
    const box = await handle.boundingBox();
    if (!box) throw new Error("handle has no box");
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    for (let step = 1; step <= 10; step += 1) await page.mouse.move(box.x + box.width / 2 - step * 10, box.y + box.height / 2 + step * 5);
    await page.mouse.up();
    await expect.poll(() => /wi=([\d.]+),([\d.]+)/.exec(page.url())?.[1]).not.toBe(String(Number((station.longitude + 0.004).toFixed(5))));
    const [longitude = 0] = /wi=([\d.]+),([\d.]+)/.exec(page.url())?.slice(1).map(Number) ?? [];
    expect(longitude).toBeLessThan(station.longitude + 0.004);
    // The drag did not also plan a second station.
    expect(page.url()).not.toMatch(/wi=[^&]*;/);
    await page.close();
  });
});

describe("rectangle selection", () => {
  it("summarises what a drawn rectangle encloses with the engine's counts, and keeps the shape in the link", async () => {
    const page = await open("./?debug=1#map=14/25.04/102.71");
    await page.getByRole("button", { name: "矩形框选" }).click();
    const canvas = page.getByTestId("shape-canvas");
    const box = await canvas.boundingBox();
    if (!box) throw new Error("shape canvas has no box");
    await page.mouse.move(box.x + 200, box.y + 150);
    await page.mouse.down();
    for (let step = 1; step <= 8; step += 1) await page.mouse.move(box.x + 200 + step * 40, box.y + 150 + step * 30);
    await page.mouse.up();
    await expect.poll(() => /shp=([^&]+)/.exec(page.url())?.[1] ?? "").toMatch(/;.*;.*;/);
    const ring = (/shp=([^&]+)/.exec(page.url())?.[1] ?? "").split(";").map((pair) => pair.split(",").map(Number) as [number, number]);
    const expected = summarizeEnclosed(analysis, ring);
    expect(expected.compounds).toBeGreaterThan(10);
    const compounds = page.getByTestId("enclosed-panel").locator('[data-field="compounds"] dd');
    await expect.poll(() => compounds.textContent(), { timeout: 60_000 }).toBe(expected.compounds.toLocaleString("zh-CN"));
    expect(await page.getByTestId("enclosed-panel").locator('[data-field="households"] dd').textContent()).toBe(expected.households.toLocaleString("zh-CN"));
    // The shape is drawn on the map in the selection colour.
    const corner = await screenPoint(page, ring[0] ?? [0, 0]);
    await expect.poll(async () => (await Screenshot.of(page)).shareNear(corner.x, corner.y, 4, hexToPixel(palette.selection), 60)).toBeGreaterThan(0.05);
    await page.close();
  });
});
