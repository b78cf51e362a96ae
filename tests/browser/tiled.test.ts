// A dataset served as a PMTiles archive draws the same map from range requests: same colours at
// the same places, the indicators computed at build time, picking through MapLibre.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { palette } from "../../src/layers/palette.ts";
import { formatIndicatorValue } from "../../src/domain/indicator-format.ts";
import { INDICATORS } from "../../src/domain/indicator-registry.ts";
import { KPI_INDICATORS } from "../../src/views/shared/kpi-indicators.ts";
import { hexToPixel, isLocal, recordRequests, Screenshot, waitForMapReady } from "./browser.ts";
import { analyzeFolder } from "../../scripts/lib/read-dataset.ts";
import { useBrowser } from "./use-browser.ts";
import { centre, largest, readLayer } from "./demo-data.ts";

const baseUrl = inject("baseUrl");
const DATASET = "data/kunming/tiled/manifest.json";
const browser = useBrowser();

async function open(hash: string): Promise<{ page: Page; requests: string[] }> {
  const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
  const requests = recordRequests(page);
  await page.goto(new URL(`./?debug=1&data=${DATASET}${hash}`, baseUrl).href);
  await waitForMapReady(page);
  return { page, requests };
}

/**
 * Watches the engine worker's request for the attribute table: the map's data-ready attribute at
 * the moment it was asked for ("false" or "true"; undefined until it is asked for).
 */
async function mapReadyWhenTableAsked(page: Page): Promise<() => string | undefined> {
  let ready: string | undefined;
  await page.route("**/attributes.bin.gz", async (route) => {
    ready ??= await page.evaluate(() => document.querySelector('[data-testid="map"]')?.getAttribute("data-ready") ?? "no map");
    await route.continue();
  });
  return () => ready;
}

describe("a tiled dataset", () => {
  it("reads the city's attribute table once the map is drawn, so the two do not compete for the CPU", async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    const tableAsked = await mapReadyWhenTableAsked(page);
    await page.goto(new URL(`./?data=${DATASET}`, baseUrl).href);
    await waitForMapReady(page);
    await expect.poll(tableAsked, { timeout: 20_000 }).toBe("true");
    await page.close();
  });

  it("draws compounds from the archive in the legend's colours, without loading the GeoJSON", async () => {
    const compound = largest(readLayer<{ id: string; partyBranch: boolean }>("compounds").features, (properties) => properties.partyBranch);
    const [longitude, latitude] = centre(compound);
    const { page, requests } = await open(`#map=16/${latitude}/${longitude}&layers=compounds`);
    const shot = await Screenshot.of(page);
    const covered = { red: palette.compoundCovered[0], green: palette.compoundCovered[1], blue: palette.compoundCovered[2] };
    // MapLibre fills are opaque here (the colour carries its alpha in rgba), so allow for blending.
    expect(shot.shareNear(640, 48 + 376, 4, covered, 60)).toBeGreaterThan(0.6);
    expect(requests.some((url) => url.endsWith("tiles.pmtiles"))).toBe(true);
    // No layer GeoJSON is fetched: only the basemap's water.
    expect(new Set(requests.filter((url) => url.endsWith(".geojson")).map((url) => new URL(url).pathname))).toEqual(new Set(["/basemap/water.geojson"]));
    expect(requests.filter((url) => !isLocal(url))).toEqual([]);
    const picked = await page.evaluate(() => window.partyMap?.pickAt(640, 376) ?? null);
    expect(picked).toMatchObject({ layer: "compounds", id: compound.properties.id });
    await page.close();
  });

  it("shows the indicators computed when the tiles were built", async () => {
    const indicators = JSON.parse(readFileSync(join(inject("distDir"), "data/kunming/tiled/indicators.json"), "utf8")) as {
      city: Record<string, number | null>;
    };
    const { page } = await open("");
    for (const kpi of KPI_INDICATORS.map((id) => INDICATORS[id])) {
      await expect(page.locator(`[data-kpi="${kpi.field}"] dd`).textContent()).resolves.toBe(formatIndicatorValue(indicators.city[kpi.field], kpi.format));
    }
    await expect(page.getByRole("checkbox", { name: /^小区/ }).locator("..").textContent()).resolves.toContain(
      readLayer("compounds").features.length.toLocaleString("zh-CN"),
    );
    await page.close();
  });
});

const provinceIndicators = () =>
  JSON.parse(readFileSync(join(inject("distDir"), "data/yunnan/indicators.json"), "utf8")) as { city: Record<string, number | null> };

describe("the Yunnan dataset", () => {
  const PROVINCE = "data/yunnan/manifest.json";

  it("opens the whole province from its tiles, with the province's figures and its lakes", async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    const requests = recordRequests(page);
    const tableAsked = await mapReadyWhenTableAsked(page);
    await page.goto(new URL(`./?debug=1&data=${PROVINCE}`, baseUrl).href);
    await waitForMapReady(page);
    // The province's 14 MB table is read while the map draws (readsTableEarly).
    expect(tableAsked()).toBe("false");
    const { city } = provinceIndicators();
    for (const kpi of KPI_INDICATORS.map((id) => INDICATORS[id])) {
      await expect(page.locator(`[data-kpi="${kpi.field}"] dd`).textContent()).resolves.toBe(formatIndicatorValue(city[kpi.field], kpi.format));
    }
    // 1,429 townships in the target: the coverage KPI is over them, not over all 1,461.
    expect(city.targetStreets).toBe(1429);
    await expect(page.getByTestId("source-note").textContent()).resolves.toMatch(/合成/);
    expect(requests.filter((url) => !isLocal(url))).toEqual([]);
    await page.close();
  });

  it("ranks the province's gaps in the browser as the CLI does, from the attribute table", async () => {
    const gaps = analyzeFolder("data/generated/yunnan").gaps;
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    const requests = recordRequests(page);
    await page.goto(new URL(`./?debug=1&data=${PROVINCE}`, baseUrl).href);
    await waitForMapReady(page);
    const panel = page.getByTestId("gap-panel");
    await expect.poll(() => panel.locator(".gap-name").first().textContent(), { timeout: 90_000 }).toBe(gaps[0]?.unitName);
    expect(await panel.locator(".gap-name").nth(1).textContent()).toBe(gaps[1]?.unitName);
    // A kind deep in the list: grids without a worker, somewhere among 200,000 gaps.
    await panel.getByRole("combobox", { name: "缺口类型" }).selectOption("grid-no-worker");
    await expect.poll(() => panel.locator(".gap-name").first().textContent()).toBe(gaps.find((gap) => gap.kind === "grid-no-worker")?.unitName);
    // The engine read the table, not the layers' GeoJSON.
    expect(requests.some((url) => url.endsWith("attributes.bin.gz"))).toBe(true);
    expect(requests.filter((url) => /\/data\/yunnan\/.*\.geojson$/.test(url))).toEqual([]);
    await page.close();
  });

  it("draws 洱海 as water in 大理 and picks the county beside it", async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(new URL(`./?debug=1&data=${PROVINCE}#map=11/25.784/100.192`, baseUrl).href);
    await waitForMapReady(page);
    const shot = await Screenshot.of(page);
    expect(shot.shareNear(640, 48 + 376, 6, hexToPixel(palette.water), 30)).toBeGreaterThan(0.8);
    // 340 px (about 25 km) west of the lake's centre is 大理市's land, in a unit of 大理州 (5329).
    const picked = await page.evaluate(() => window.partyMap?.pickAt(300, 424) ?? null);
    expect(picked?.layer).toMatch(/^(districts|streets|communities)$/);
    expect(String(picked?.id)).toMatch(/^5329/);
    await page.close();
  });
});

describe("search on the tiled province", () => {
  it("finds a residential unit far from Kunming by name, from the worker's index", async () => {
    // A 大理 unit whose name no other unit shares: the search must find exactly it.
    const units = (
      JSON.parse(readFileSync("data/generated/yunnan/compounds.geojson", "utf8")) as { features: Array<{ properties: { id: string; name: string } }> }
    ).features;
    const counts = new Map<string, number>();
    for (const { properties } of units) counts.set(properties.name, (counts.get(properties.name) ?? 0) + 1);
    const target = units.find(
      ({ properties }) => properties.id.startsWith("5329") && counts.get(properties.name) === 1 && properties.name.length >= 4,
    )?.properties;
    if (!target) throw new Error("no uniquely named unit in 大理");
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(new URL("./?debug=1&data=data/yunnan/manifest.json", baseUrl).href);
    await waitForMapReady(page);
    const box = page.getByRole("combobox", { name: "搜索地名或代码" });
    // The worker's index answers once the engine has read the attribute table.
    await expect.poll(() => page.getByTestId("gap-panel").locator(".gap-name").count(), { timeout: 90_000 }).toBeGreaterThan(0);
    await box.fill(target.name);
    const option = page.getByRole("option", { name: new RegExp(target.name) });
    await expect.poll(() => option.count(), { timeout: 30_000 }).toBe(1);
    await option.click();
    await expect.poll(() => page.url()).toContain(`sel=compounds:${target.id}`);
    await page.close();
  });
});
