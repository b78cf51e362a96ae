// 考核督导 in the real app, on the city served as tiles (the province's code path): the timeline
// moves the KPIs to the engine's figures on that date, the targets' tallies are the engine's, the
// 双报到 arcs are drawn between the unit and its community (pixels at both ends), and the
// meeting's change sheet exports with the change colours on it.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { PNG } from "pngjs";
import { describe, expect, inject, it } from "vitest";
import { parseTargetsFile } from "../../src/data/programme-files.ts";
import { analyzeModel } from "../../src/domain/analysis.ts";
import { modelAsOf } from "../../src/domain/as-of.ts";
import { diffDates } from "../../src/domain/date-diff.ts";
import { formatIndicatorValue } from "../../src/domain/indicator-format.ts";
import { evaluateTarget } from "../../src/domain/targets.ts";
import { palette } from "../../src/layers/palette.ts";
import { analyzeFolder } from "../../scripts/lib/read-dataset.ts";
import { exportTo } from "../../scripts/lib/snapshot-app.ts";
import { distance, hexToPixel, Screenshot, waitForMapReady } from "./browser.ts";
import { pointInPolygon } from "../../src/domain/geo.ts";
import { useBrowser } from "./use-browser.ts";

const baseUrl = inject("baseUrl");
const DATASET = "data/kunming/tiled/manifest.json";
const FOLDER = "public/data/kunming";
const browser = useBrowser();
const base = analyzeFolder(FOLDER);
const on = (date: string) => analyzeModel(modelAsOf(base.model, date), base.thresholds);
const EARLY = "2021-03-31";

async function open(hash: string, viewport = { width: 1400, height: 900 }): Promise<Page> {
  const page = await browser().newPage({ viewport, acceptDownloads: true });
  page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
  await page.goto(new URL(`./?debug=1&data=${DATASET}${hash}`, baseUrl).href);
  await waitForMapReady(page);
  return page;
}

const pixel = ([red, green, blue]: readonly number[]) => ({ red: red ?? 0, green: green ?? 0, blue: blue ?? 0 });
/** Where a place is on the page (the map sits under the header). */
async function onScreen(page: Page, position: readonly [number, number]): Promise<[number, number]> {
  return page.evaluate(([longitude, latitude]) => {
    const map = window.partyMap?.map;
    const point = map?.project([longitude ?? 0, latitude ?? 0]);
    const box = map?.getContainer().getBoundingClientRect();
    return [(point?.x ?? 0) + (box?.left ?? 0), (point?.y ?? 0) + (box?.top ?? 0)] as [number, number];
  }, position);
}

const kpi = (page: Page, field: string) => page.locator(`[data-kpi="${field}"] dd`);

describe("the 考核督导 timeline", () => {
  it("shows the KPIs the engine computes for the date chosen, and says which date it shows", async () => {
    const now = base.rollup.city;
    const early = on(EARLY).rollup.city;
    const coverage = (totals: typeof now) => formatIndicatorValue(totals.targetStreetsCovered / totals.targetStreets, "share");
    expect(coverage(early)).not.toBe(coverage(now));
    const page = await open("");
    await expect.poll(() => kpi(page, "stationCoverage").textContent(), { timeout: 60_000 }).toBe(coverage(now));
    await page.getByTestId("as-of-date").fill(EARLY);
    await expect.poll(() => kpi(page, "stationCoverage").textContent(), { timeout: 60_000 }).toBe(coverage(early));
    await expect(page.getByTestId("view-date").textContent()).resolves.toContain(EARLY);
    expect(new URL(page.url()).hash).toContain(`asof=${EARLY}`);
    // The targets' tallies are the engine's on that date too.
    const targets = parseTargetsFile("targets.json", JSON.parse(readFileSync(join(FOLDER, "targets.json"), "utf8")));
    const done = page.getByTestId("target-done");
    await expect
      .poll(() => done.first().textContent(), { timeout: 30_000 })
      .toContain(`达标 ${evaluateTarget(on(EARLY), targets[0] as (typeof targets)[number]).tally.met.toLocaleString()} /`);
    for (const [index, target] of targets.entries()) {
      const { tally } = evaluateTarget(on(EARLY), target);
      await expect(done.nth(index).textContent()).resolves.toContain(
        `达标 ${tally.met.toLocaleString()} / ${(tally.met + tally.warning + tally.missed).toLocaleString()}`,
      );
    }
    // Back to the data date.
    await page.getByRole("button", { name: /回到数据截至日/ }).click();
    await expect.poll(() => kpi(page, "stationCoverage").textContent(), { timeout: 60_000 }).toBe(coverage(now));
    await expect(page.getByTestId("view-date").count()).resolves.toBe(0);
    await page.close();
  });
});

describe("the 双报到 arcs", () => {
  it("draw from the unit to its community: arc pixels at both ends, none before they are shown", async () => {
    // A community whose one unit stands well away from it, so the two ends are apart on screen.
    const units = JSON.parse(readFileSync(join(FOLDER, "registered-units.geojson"), "utf8")) as {
      features: Array<{ properties: { communityCode: string; members: number }; geometry: { coordinates: [number, number] } }>;
    };
    const byCommunity = new Map<string, typeof units.features>();
    for (const unit of units.features) byCommunity.set(unit.properties.communityCode, [...(byCommunity.get(unit.properties.communityCode) ?? []), unit]);
    const community = base.model.communities.find((row) => {
      const own = byCommunity.get(row.code) ?? [];
      const [unit] = own;
      return (
        own.length === 1 &&
        unit !== undefined &&
        unit.properties.members > 0 &&
        Math.hypot(unit.geometry.coordinates[0] - row.longitude, unit.geometry.coordinates[1] - row.latitude) > 0.02
      );
    });
    expect(community).toBeDefined();
    if (!community) return;
    const [unit] = byCommunity.get(community.code) ?? [];
    const from = unit?.geometry.coordinates ?? [0, 0];
    const to: [number, number] = [community.longitude, community.latitude];
    const middle = [(from[0] + to[0]) / 2, (from[1] + to[1]) / 2];
    const page = await open(`#map=12/${middle[1]}/${middle[0]}&sel=communities:${community.code}&layers=`);
    await page.evaluate(async () => window.partyMap?.whenIdle());
    // The selection flies to the community: put both ends back in view, then read them on screen.
    await page.evaluate(([lon, lat]) => window.partyMap?.map.jumpTo({ center: [lon ?? 0, lat ?? 0], zoom: 12 }), middle);
    await page.evaluate(async () => window.partyMap?.whenIdle());
    const ends = [await onScreen(page, from), await onScreen(page, to)];
    const source = pixel(palette.arcSource);
    const target = pixel(palette.arcTarget);
    const measure = async () => {
      const shot = await Screenshot.of(page);
      const [[sx = 0, sy = 0] = [], [tx = 0, ty = 0] = []] = ends;
      return { source: shot.shareNear(sx, sy, 5, source, 45), target: shot.shareNear(tx, ty, 5, target, 45) };
    };
    const before = await measure();
    await page.getByRole("checkbox", { name: /双报到连线/ }).check();
    await expect.poll(() => page.getByTestId("programmes-panel").textContent(), { timeout: 30_000 }).toContain("1 个报到单位");
    await page.evaluate(async () => window.partyMap?.whenIdle());
    await page.waitForTimeout(500);
    const after = await measure();
    expect(before.source).toBeLessThan(0.05);
    expect(before.target).toBeLessThan(0.05);
    expect(after.source).toBeGreaterThan(0.08);
    expect(after.target).toBeGreaterThan(0.08);
    await page.close();
  });
});

describe("the change since the last meeting", () => {
  it("colours the changed townships on the map and exports the meeting sheet with them", async () => {
    const diff = diffDates(on("2020-12-31"), on(EARLY), "street", "stationCoverage");
    // The improved township with the largest box: the one easiest to see on screen.
    const area = (code: string) => {
      const box = base.model.streets.find((street) => street.code === code)?.bbox ?? [0, 0, 0, 0];
      return (box[2] - box[0]) * (box[3] - box[1]);
    };
    const improved = diff.units.filter((unit) => unit.kind === "improved").toSorted((a, b) => area(b.code) - area(a.code))[0];
    expect(improved).toBeDefined();
    const row = base.model.streets.find((street) => street.code === improved?.code);
    const page = await open(`#asof=${EARLY}`, { width: 1280, height: 800 });
    // The fill is drawn at 72% over the land: that blend is the colour to look for.
    const [fill, land] = [hexToPixel(palette.changeImproved), hexToPixel(palette.land)];
    const blend = { red: 0.72 * fill.red + 0.28 * land.red, green: 0.72 * fill.green + 0.28 * land.green, blue: 0.72 * fill.blue + 0.28 * land.blue };
    // Points spread over the township (inside its outline): labels and station dots cover a few.
    const inside: Array<[number, number]> = [];
    const [west = 0, south = 0, east = 0, north = 0] = row?.bbox ?? [];
    for (let i = 1; i < 12; i++)
      for (let j = 1; j < 12; j++) {
        const point: [number, number] = [west + ((east - west) * i) / 12, south + ((north - south) * j) / 12];
        if (row && pointInPolygon(point[0], point[1], row.geometry)) inside.push(point);
      }
    expect(inside.length).toBeGreaterThan(10);
    const shareAt = async () => {
      await page.evaluate(async () => window.partyMap?.whenIdle());
      const shot = await Screenshot.of(page);
      const points = await Promise.all(inside.map((point) => onScreen(page, point)));
      return points.filter(([x, y]) => distance(shot.pixel(x, y), blend) < 30).length / points.length;
    };
    await expect.poll(() => page.getByTestId("target-done").count(), { timeout: 60_000 }).toBeGreaterThan(0);
    const before = await shareAt();
    // Compare with the end of 2020 by township station coverage, chosen in the panel.
    await page.getByTestId("compare-toggle").check();
    await page.getByTestId("compare-from").fill("2020-12-31");
    await page.getByLabel("对比指标").selectOption("stationCoverage");
    await expect.poll(() => page.getByTestId("compare-summary").textContent(), { timeout: 60_000 }).toContain(`改善 ${diff.counts.improved}`);
    await expect(page.getByTestId("compare-summary").textContent()).resolves.toContain(`新增缺口 ${diff.counts["new-gap"]}`);
    expect(new URL(page.url()).hash).toContain(`cmp=2020-12-31:streets:stationCoverage`);
    // The improved township is filled in the improved colour, which it was not before.
    expect(before).toBeLessThan(0.05);
    await expect.poll(shareAt, { timeout: 20_000 }).toBeGreaterThan(0.3);
    // The sheet: titled with both dates, the change table in the map's colours.
    await page.getByTestId("compare-export").click();
    await page.waitForSelector('[data-testid="snapshot-preview"][data-state="ready"]', { timeout: 120_000 });
    await expect(page.getByTestId("snapshot-title").inputValue()).resolves.toContain(`2020-12-31 至 ${EARLY}`);
    const out = join(mkdtempSync(join(tmpdir(), "changes-")), "sheet.png");
    const timing = await exportTo(page, "snapshot-export", out, 240_000);
    const png = PNG.sync.read(readFileSync(out));
    const frames = JSON.parse(timing.reported.frames ?? "{}") as Record<string, { x: number; y: number; width: number; height: number }>;
    const table = frames.gaps;
    expect(table).toBeDefined();
    const count = (frame: { x: number; y: number; width: number; height: number } | undefined, colour: { red: number; green: number; blue: number }) => {
      let found = 0;
      if (!frame) return 0;
      for (let y = Math.round(frame.y); y < frame.y + frame.height && y < png.height; y++) {
        for (let x = Math.round(frame.x); x < frame.x + frame.width && x < png.width; x++) {
          const offset = (y * png.width + x) * 4;
          if (
            Math.abs((png.data[offset] ?? 0) - colour.red) +
              Math.abs((png.data[offset + 1] ?? 0) - colour.green) +
              Math.abs((png.data[offset + 2] ?? 0) - colour.blue) <
            40
          )
            found += 1;
        }
      }
      return found;
    };
    // New gaps head the table (their rows fill the first lines), in the map's new-gap colour.
    expect(count(table, hexToPixel(palette.changeNewGap))).toBeGreaterThan(20);
    expect(count(frames.map, blend)).toBeGreaterThan(200);
    await page.close();
  });
});
