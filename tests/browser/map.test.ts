// The app in headless Chromium: it loads the demo dataset offline and draws every layer where
// the data says, in the palette's colours.
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { palette } from "../../src/layers/palette.ts";
import { hexToPixel, isLocal, mapCentre, over, recordRequests, Screenshot, waitForMapReady, cityUrl } from "./browser.ts";
import { useBrowser } from "./use-browser.ts";
import { centre, largest, readLayer } from "./demo-data.ts";

const baseUrl = inject("baseUrl");
const browser = useBrowser();

async function open(path: string): Promise<{ page: Page; requests: string[] }> {
  const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
  const requests = recordRequests(page);
  await page.goto(cityUrl(path, baseUrl));
  await waitForMapReady(page);
  return { page, requests };
}

interface CompoundProperties {
  id: string;
  partyBranch: boolean;
}
interface StationProperties {
  id: string;
  level: string;
}

describe("the map", () => {
  it("draws Kunming with every layer and asks nothing of any other host", async () => {
    const { page, requests } = await open("./");
    const shot = await Screenshot.of(page);
    expect(shot.count(hexToPixel(palette.land), 12)).toBeGreaterThan(0.1 * shot.width * shot.height);
    expect(shot.count(hexToPixel(palette.water), 12)).toBeGreaterThan(500);
    expect(shot.count(hexToPixel(palette.districtLine), 30)).toBeGreaterThan(300);
    // Street stations are drawn at city scale too.
    expect(shot.count({ red: palette.station[0], green: palette.station[1], blue: palette.station[2] }, 30)).toBeGreaterThan(500);
    await expect(page.getByTestId("source-note").textContent()).resolves.toMatch(/合成演示数据/);
    await expect(page.getByTestId("as-of").textContent()).resolves.toMatch(/数据截至 \d{4}-\d{2}-\d{2}/);
    expect(await page.getByTestId("data-problems").count()).toBe(0);
    expect(requests.length).toBeGreaterThan(5);
    expect(requests.filter((url) => !isLocal(url))).toEqual([]);
    // The first files are asked for once, by index.html's inline script, and the app takes each
    // of its responses instead of asking again (src/data/first-files.ts). The engine worker reads
    // the manifest once more for itself (it re-reads it on every refresh).
    const asked = (file: string) => requests.filter((url) => new URL(url).pathname.endsWith(`/${file}`)).length;
    expect({ indicators: asked("indicators.json"), water: asked("water.geojson") }).toEqual({ indicators: 1, water: 1 });
    // The engine reads the city's manifest (and its table) once the map is drawn (readsTableEarly).
    await expect.poll(() => asked("manifest.json"), { timeout: 20_000 }).toBe(2);
    expect(await page.evaluate("Object.keys(window.partyFirstFiles?.files ?? { 'no inline script': 1 })")).toEqual([]);
    await page.close();
  });

  it("reads the tiles in the tile workers, not on the main thread", async () => {
    const { page, requests } = await open("./?debug=1");
    // The main thread reads the archive's header for the TileJSON, and the few tiles a worker asks
    // for before its PMTiles script has loaded. Every tile after that comes through a worker.
    const readOnMain = () => page.evaluate(() => window.partyMap?.tilesReadOnMainThread ?? -1);
    const atReady = await readOnMain();
    const tileRequests = () => requests.filter((url) => url.endsWith("/tiles.pmtiles")).length;
    const before = tileRequests();
    const station = readLayer<StationProperties>("stations").features.find((feature) => feature.properties.level === "街道");
    if (!station || station.geometry.type !== "Point") throw new Error("no street station in the demo data");
    const [longitude, latitude] = station.geometry.coordinates;
    await page.evaluate(
      ([lng, lat]) =>
        new Promise<void>((resolve, reject) => {
          const map = window.partyMap?.map;
          if (!map) return reject(new Error("no window.partyMap (is ?debug=1 in the URL?)"));
          map.once("idle", () => resolve());
          map.jumpTo({ center: [lng ?? 0, lat ?? 0], zoom: 14 });
        }),
      [longitude, latitude],
    );
    expect(tileRequests()).toBeGreaterThan(before);
    expect(atReady).toBeGreaterThanOrEqual(0);
    expect(await readOnMain()).toBe(atReady);
    // Those tiles are drawn: the street's compounds and its station are on the map.
    const drawn = await page.evaluate(() => {
      const features = window.partyMap?.map.queryRenderedFeatures() ?? [];
      return {
        compounds: features.filter((feature) => feature.sourceLayer === "compounds").length,
        stations: features.filter((feature) => feature.sourceLayer === "stations").length,
      };
    });
    expect(drawn.compounds).toBeGreaterThan(10);
    expect(drawn.stations).toBeGreaterThan(0);
    await page.close();
  });

  it.each([
    ["with a party branch", true, palette.compoundCovered],
    ["without a party branch", false, palette.compoundGap],
  ])("colours a compound %s at its place", async (_label, hasBranch, colour) => {
    const compound = largest(readLayer<CompoundProperties>("compounds").features, (properties) => properties.partyBranch === hasBranch);
    const [longitude, latitude] = centre(compound);
    const { page } = await open(`./#map=17/${latitude}/${longitude}&layers=compounds`);
    const shot = await Screenshot.of(page);
    const { x, y } = mapCentre(page);
    expect(shot.shareNear(x, y, 4, over(colour), 30)).toBeGreaterThan(0.6);
    await page.close();
  });

  it("puts a street's social-work station where the data says", async () => {
    const station = readLayer<StationProperties>("stations").features.find((feature) => feature.properties.level === "街道");
    if (!station || station.geometry.type !== "Point") throw new Error("no street station in the demo data");
    const [longitude, latitude] = station.geometry.coordinates;
    const { page } = await open(`./#map=15/${latitude}/${longitude}&layers=stations`);
    const shot = await Screenshot.of(page);
    const { x, y } = mapCentre(page);
    const blue = { red: palette.station[0], green: palette.station[1], blue: palette.station[2] };
    expect(shot.shareNear(x, y, 2, blue, 30)).toBeGreaterThan(0.8);
    // Ten pixels beside the marker is not blue: the marker is where the data says, not everywhere.
    expect(shot.shareNear(x + 40, y, 2, blue, 30)).toBe(0);
    await page.close();
  });

  it("keeps the Chinese labels above the data layers", async () => {
    const { page } = await open("./?debug=1#map=14.5/25.0405/102.7045");
    const order = await page.evaluate(() => window.partyMap?.map.getLayersOrder() ?? []);
    for (const id of ["data-compounds", "data-stations", "data-streets"]) {
      expect(order.indexOf(id)).toBeGreaterThan(order.indexOf("water"));
      expect(order.indexOf(id)).toBeLessThan(order.indexOf("labels-community"));
    }
    // Label text is drawn: dark label-coloured pixels exist in the view.
    const shot = await Screenshot.of(page);
    expect(shot.count(hexToPixel(palette.labelText), 40)).toBeGreaterThan(200);
    await page.close();
  });

  it("hides a layer when its switch is turned off", async () => {
    const compound = largest(readLayer<CompoundProperties>("compounds").features, (properties) => properties.partyBranch);
    const [longitude, latitude] = centre(compound);
    const { page } = await open(`./#map=15/${latitude}/${longitude}`);
    const covered = over(palette.compoundCovered);
    const before = (await Screenshot.of(page)).count(covered, 30);
    await page.getByRole("checkbox", { name: /^小区/ }).uncheck();
    await page.waitForFunction(() => window.location.hash.includes("layers="));
    await page.waitForTimeout(500);
    const after = (await Screenshot.of(page)).count(covered, 30);
    expect(before).toBeGreaterThan(200);
    expect(after).toBeLessThan(before / 10);
    await page.close();
  });
});

describe("compound colouring", () => {
  it("recolours compounds by the chosen indicator, legend included", async () => {
    const compound = largest(
      readLayer<CompoundProperties & { gridId: string | null }>("compounds").features,
      (properties) => properties.partyBranch && properties.gridId === null,
    );
    const [longitude, latitude] = centre(compound);
    const { page } = await open(`./#map=17/${latitude}/${longitude}&layers=compounds`);
    const { x, y } = mapCentre(page);
    expect((await Screenshot.of(page)).shareNear(x, y, 4, over(palette.compoundCovered), 30)).toBeGreaterThan(0.6);
    await page.getByRole("combobox", { name: "小区着色依据" }).selectOption("gridAssigned");
    await expect.poll(async () => (await Screenshot.of(page)).shareNear(x, y, 4, over(palette.compoundGap), 30)).toBeGreaterThan(0.6);
    expect(await page.getByTestId("legend").textContent()).toContain("未划入网格");
    expect(page.url()).toContain("cb=gridAssigned");
    await page.close();
  });
});

describe("picking", () => {
  it("finds the compound and the station under a screen point", async () => {
    const compound = largest(readLayer<CompoundProperties>("compounds").features, (properties) => properties.partyBranch);
    const [longitude, latitude] = centre(compound);
    const { page } = await open(`./?debug=1#map=17/${latitude}/${longitude}`);
    const size = await page.getByTestId("map").boundingBox();
    if (!size) throw new Error("map has no box");
    const atCentre = await page.evaluate(({ x, y }) => window.partyMap?.pickAt(x, y) ?? null, { x: size.width / 2, y: size.height / 2 });
    expect(atCentre).toMatchObject({ layer: "compounds", id: compound.properties.id });
    // With compounds hidden the same point finds the grid around it instead.
    await page.getByRole("checkbox", { name: /^小区/ }).uncheck();
    const beneath = await page.evaluate(({ x, y }) => window.partyMap?.pickAt(x, y) ?? null, { x: size.width / 2, y: size.height / 2 });
    expect(beneath?.layer).toBe("grids");
    await page.close();
  });
});

describe("bad input", () => {
  it("names the file, feature and field, and keeps drawing the rest", async () => {
    const { page } = await open("./?data=fixtures/broken/manifest.json");
    const problems = page.getByTestId("data-problems");
    await expect(problems.textContent()).resolves.toMatch(/compounds-bad\.geojson feature #1 \(bad-geometry\), geometry: geometry is null/);
    await expect(problems.textContent()).resolves.toMatch(/feature #2 \(bad-code\), properties\.communityCode/);
    await expect(problems.textContent()).resolves.toMatch(/missing-grids\.geojson.*HTTP 404/);
    const shot = await Screenshot.of(page);
    expect(shot.count(hexToPixel(palette.land), 12)).toBeGreaterThan(0.1 * shot.width * shot.height);
    await page.close();
  });
});
