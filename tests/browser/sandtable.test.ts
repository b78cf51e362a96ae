// The 3D sandtable (电子沙盘): the toggle tilts the map and raises the communities by their
// indicator (pixels above the ground change, not only the DOM); a click on the top of a tall
// prism selects that prism's unit, not the ground behind it; the link reopens 3D; the wall's
// tour keeps the pitch.
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { EXTRUSION_LAYER } from "../../src/layers/data-style.ts";
import { SANDTABLE_PITCH } from "../../src/layers/extrusion.ts";
import { cityUrl, distance, Screenshot, waitForMapReady } from "./browser.ts";
import { useBrowser } from "./use-browser.ts";

const baseUrl = inject("baseUrl");
const browser = useBrowser();
const TEST_TIMEOUT_MS = 240_000;
/** 五华区 and its neighbours at community scale. */
const CAMERA = "map=11.5/25.06/102.71";

async function open(hash: string): Promise<Page> {
  const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(cityUrl(`./?debug=1#${hash}`, baseUrl));
  await waitForMapReady(page);
  return page;
}

/** Resolves once the map has drawn everything it was given. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => window.partyMap?.whenIdle());
}

/** Waits for the prisms (their heights come with the engine's community figures). */
async function waitForPrisms(page: Page): Promise<void> {
  await page.waitForFunction((layer) => Boolean(window.partyMap?.map.getLayer(layer)), EXTRUSION_LAYER, { timeout: 120_000 });
  await settle(page);
}

/**
 * The tallest prism in view: the codes at full height in the layer's own height expression, the
 * one of them whose ground centre is nearest the map's centre, and the point highest on screen
 * where a query of the prisms still hits it (its top, drawn over the ground of other units).
 */
async function tallPrismTop(page: Page): Promise<{ code: string; name: string; top: { x: number; y: number }; ground: { x: number; y: number } }> {
  return page.evaluate((layer) => {
    const map = window.partyMap?.map;
    if (!map) throw new Error("no map");
    const height = JSON.stringify(map.getPaintProperty(layer, "fill-extrusion-height"));
    // ["match", ["to-string", ["get","code"]], [codes…], share, …, 0]: the codes whose share is 1.
    const match = (JSON.parse(height) as unknown[])[4] as unknown[];
    const share = (match[2] as unknown[]).slice(2) as unknown[];
    const full = new Set<string>();
    for (let index = 0; index + 1 < share.length; index += 2) if (share[index + 1] === 1) for (const code of share[index] as string[]) full.add(code);
    const canvas = map.getCanvas();
    const width = canvas.clientWidth;
    const heightPixels = canvas.clientHeight;
    const candidates = map.queryRenderedFeatures({ layers: [layer] }).filter((feature) => full.has(String(feature.properties.code)));
    let best: { code: string; name: string; ground: { x: number; y: number }; distance: number } | null = null;
    for (const feature of candidates) {
      const ring =
        feature.geometry.type === "Polygon"
          ? feature.geometry.coordinates[0]
          : feature.geometry.type === "MultiPolygon"
            ? feature.geometry.coordinates[0]?.[0]
            : undefined;
      if (!ring || ring.length === 0) continue;
      const longitude = ring.reduce((sum, point) => sum + (point[0] ?? 0), 0) / ring.length;
      const latitude = ring.reduce((sum, point) => sum + (point[1] ?? 0), 0) / ring.length;
      const ground = map.project([longitude, latitude]);
      const off = Math.hypot(ground.x - width / 2, ground.y - heightPixels * 0.6);
      if (!best || off < best.distance)
        best = { code: String(feature.properties.code), name: String(feature.properties.name), ground: { x: ground.x, y: ground.y }, distance: off };
    }
    if (!best) throw new Error(`no full-height prism in view (${full.size} codes at full height)`);
    // Up from the ground centre while the nearest prism under the point is still this one.
    let top = best.ground;
    for (let y = best.ground.y; y > 0; y -= 3) {
      const [hit] = map.queryRenderedFeatures([best.ground.x, y], { layers: [layer] });
      if (hit && String(hit.properties.code) === best.code) top = { x: best.ground.x, y };
    }
    return { code: best.code, name: best.name, ground: best.ground, top: { x: top.x, y: top.y + 6 } };
  }, EXTRUSION_LAYER);
}

describe("the 3D sandtable", () => {
  it(
    "raises the communities when switched on: pixels above the ground change, and the link keeps it",
    async () => {
      const page = await open(`${CAMERA}&layers=communities`);
      const toggle = page.getByTestId("sandtable-toggle");
      expect(await toggle.getAttribute("aria-pressed")).toBe("false");
      // Keyboard: focus and Space, as a native button.
      await toggle.focus();
      await page.keyboard.press("Space");
      expect(await toggle.getAttribute("aria-pressed")).toBe("true");
      await waitForPrisms(page);
      await page.waitForFunction((pitch) => Math.abs((window.partyMap?.map.getPitch() ?? 0) - pitch) < 0.5, SANDTABLE_PITCH);
      await settle(page);
      expect(page.url()).toContain("3d=1");
      await expect.poll(() => page.getByTestId("legend").textContent()).toMatch(/柱高：.+（[\d.]+%–[\d.]+%）/);
      const raised = await Screenshot.of(page);
      const prism = await tallPrismTop(page);
      // The same camera with every prism flattened: what changes is what the heights drew.
      await page.evaluate((layer) => window.partyMap?.map.setPaintProperty(layer, "fill-extrusion-height", 0), EXTRUSION_LAYER);
      await settle(page);
      const flat = await Screenshot.of(page);
      let changed = 0;
      let total = 0;
      for (let y = 60; y < raised.height; y += 4) {
        for (let x = 0; x < raised.width - 340; x += 4) {
          total += 1;
          if (distance(raised.pixel(x, y), flat.pixel(x, y)) > 30) changed += 1;
        }
      }
      expect(changed / total).toBeGreaterThan(0.05);
      // Between the tall prism's top and its ground centre the picture is its body (top and lit
      // walls), not the flat ground of it and its neighbours.
      let strip = 0;
      let stripChanged = 0;
      for (let y = prism.top.y; y <= prism.ground.y; y += 2) {
        strip += 1;
        if (distance(raised.pixel(prism.top.x, 48 + y), flat.pixel(prism.top.x, 48 + y)) > 30) stripChanged += 1;
      }
      expect(stripChanged / strip).toBeGreaterThan(0.3);
      // The link reopens the sandtable, tilted from the start.
      const again = await open(new URL(page.url()).hash.slice(1));
      expect(await again.evaluate(() => window.partyMap?.map.getPitch())).toBeCloseTo(SANDTABLE_PITCH, 0);
      expect(await again.getByTestId("sandtable-toggle").getAttribute("aria-pressed")).toBe("true");
      await again.close();
      await page.close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "selects the prism whose top is clicked, not the unit on the ground behind it",
    async () => {
      const page = await open(`${CAMERA}&layers=communities&3d=1`);
      await waitForPrisms(page);
      const prism = await tallPrismTop(page);
      // The top is drawn over other ground: the flat pick at that pixel names another unit.
      const ground = await page.evaluate((point) => {
        const [hit] = window.partyMap?.map.queryRenderedFeatures([point.x, point.y], { layers: ["hit-communities"] }) ?? [];
        return hit ? String(hit.properties.code) : null;
      }, prism.top);
      expect(ground).not.toBe(prism.code);
      expect(prism.ground.y - prism.top.y).toBeGreaterThan(20);
      await page.mouse.click(prism.top.x, 48 + prism.top.y);
      await expect.poll(() => page.getByTestId("detail-card").textContent(), { timeout: 30_000 }).toContain(prism.name);
      expect(page.url()).toContain(`sel=communities:${prism.code}`);
      await page.close();
    },
    TEST_TIMEOUT_MS,
  );
});

describe("the wall in 3D", () => {
  it(
    "tours with the map tilted and turns a little at each stop",
    async () => {
      const page = await browser().newPage({ viewport: { width: 1920, height: 1080 } });
      await page.goto(cityUrl("./?mode=wall&debug=1&3d=1&dwell=3", baseUrl));
      await waitForMapReady(page, 120_000);
      await page.waitForFunction((layer) => Boolean(window.partyMap?.map.getLayer(layer)), EXTRUSION_LAYER, { timeout: 120_000 });
      const wall = page.getByTestId("wall");
      const camera = () => page.evaluate(() => ({ pitch: window.partyMap?.map.getPitch() ?? 0, bearing: window.partyMap?.map.getBearing() ?? 0 }));
      await expect.poll(() => wall.getAttribute("data-tour-step"), { timeout: 60_000 }).toBe("2");
      await settle(page);
      const first = await camera();
      expect(first.pitch).toBeCloseTo(SANDTABLE_PITCH, 0);
      // The next stops turn the map a little, still tilted.
      await expect.poll(async () => (await camera()).bearing, { timeout: 60_000 }).not.toBeCloseTo(first.bearing, 0);
      await settle(page);
      expect((await camera()).pitch).toBeCloseTo(SANDTABLE_PITCH, 0);
      // Pixels: flattening the prisms changes the picture, so they were drawn.
      const box = await page.getByTestId("map").boundingBox();
      if (!box) throw new Error("no map box");
      const raised = await Screenshot.of(page);
      await page.evaluate((layer) => window.partyMap?.map.setPaintProperty(layer, "fill-extrusion-height", 0), EXTRUSION_LAYER);
      await settle(page);
      const flat = await Screenshot.of(page);
      let changed = 0;
      let total = 0;
      for (let y = box.y; y < box.y + box.height; y += 6) {
        for (let x = box.x; x < box.x + box.width; x += 6) {
          total += 1;
          if (distance(raised.pixel(x, y), flat.pixel(x, y)) > 30) changed += 1;
        }
      }
      expect(changed / total).toBeGreaterThan(0.02);
      await page.close();
    },
    TEST_TIMEOUT_MS,
  );
});
