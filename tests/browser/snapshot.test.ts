// Meeting snapshots from the real app: every preset exports at its pixel or page size with the
// map, the legend's colours and the title on it; big maps are drawn in tiles without seams or
// blur; the atlas has one page per unit; the dialog keeps the keyboard; nothing leaves 127.0.0.1.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { PNG } from "pngjs";
import { afterAll, describe, expect, inject, it } from "vitest";
import { palette } from "../../src/layers/palette.ts";
import { presetOf, type PresetName } from "../../src/export/presets.ts";
import { utf16Hex } from "../../src/export/pdf-writer.ts";
import { exportTo, openComposer } from "../../scripts/lib/snapshot-app.ts";
import { distance, hexToPixel, isLocal, recordRequests, type Pixel, cityUrl, waitForMapReady } from "./browser.ts";
import { readLayer, tileDataOffset } from "./demo-data.ts";
import { useBrowser } from "./use-browser.ts";
import { darkPixels, extractText, renderWithoutFonts } from "../support/pdf-render.ts";

const baseUrl = inject("baseUrl");
const browser = useBrowser();
const folder = mkdtempSync(join(tmpdir(), "party-map-snapshots-"));
const VIEWPORT = { width: 1280, height: 800 };
/** The urban core of 五华区: compounds of both colours, stations and labels. */
const CORE = "#map=13/25.045/102.705";

interface Frame {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Colour of a translucent palette entry as painted over a background (default white). */
function over([red, green, blue, alpha]: readonly [number, number, number, number], background: Pixel = { red: 255, green: 255, blue: 255 }): Pixel {
  const share = alpha / 255;
  return {
    red: red * share + background.red * (1 - share),
    green: green * share + background.green * (1 - share),
    blue: blue * share + background.blue * (1 - share),
  };
}

/** Pixels of a PNG inside a frame within `tolerance` of a colour. */
function countIn(png: PNG, frame: Frame, colour: Pixel, tolerance = 30): number {
  let hits = 0;
  for (let y = frame.y; y < frame.y + frame.height; y += 1) {
    for (let x = frame.x; x < frame.x + frame.width; x += 1) {
      const offset = (y * png.width + x) * 4;
      const pixel = { red: png.data[offset] ?? 0, green: png.data[offset + 1] ?? 0, blue: png.data[offset + 2] ?? 0 };
      if (distance(pixel, colour) <= tolerance) hits += 1;
    }
  }
  return hits;
}

interface Exported {
  bytes: Buffer;
  frames: Record<string, Frame>;
  reported: Record<string, string>;
}

async function exportPreset(page: Page, name: PresetName, format: "png" | "pdf"): Promise<Exported> {
  await page.getByTestId("snapshot-preset").selectOption(name);
  await page.getByTestId(`snapshot-format-${format}`).check();
  const out = join(folder, `${name}.${format}`);
  const timing = await exportTo(page, "snapshot-export", out, 240_000);
  return { bytes: readFileSync(out), frames: JSON.parse(timing.reported.frames ?? "{}") as Record<string, Frame>, reported: timing.reported };
}

function pdfFacts(bytes: Buffer) {
  const text = bytes.toString("latin1");
  return {
    text,
    /** What a reader copies out of it, spaces removed (text passes through the fonts' Unicode maps). */
    extracted: extractText(bytes).replace(/\s+/g, ""),
    embeddedFonts: text.match(/\/FontFile3 /g)?.length ?? 0,
    pages: text.match(/\/Type \/Page\b(?!s)/g)?.length ?? 0,
    mediaBoxes: [...text.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((match) => [Number(match[1]), Number(match[2])]),
    images: [...text.matchAll(/\/Subtype \/Image \/Width (\d+) \/Height (\d+)/g)].map((match) => [Number(match[1]), Number(match[2])]),
  };
}

const ink = hexToPixel("#1f2a33");
const covered = over(palette.compoundCovered);
const gap = over(palette.compoundGap);
const station = hexToPixel("#2166ac");

describe("meeting snapshots", () => {
  // One page on the urban core serves the preset exports: loading the app once, not per preset,
  // keeps this file near a minute on the 2-core machine.
  let core: Promise<{ page: Page; requests: string[] }> | undefined;
  const corePage = () => {
    core ??= (async () => {
      const page = await browser().newPage({ viewport: VIEWPORT, acceptDownloads: true });
      const requests = recordRequests(page);
      await openComposer(page, new URL(`./?snapshot=slide-1920${CORE}`, baseUrl).href, 120_000);
      return { page, requests };
    })();
    return core;
  };
  const exported = new Map<string, Promise<Exported>>();
  const exportOnce = async (name: PresetName, format: "png" | "pdf") => {
    const key = `${name}.${format}`;
    if (!exported.has(key))
      exported.set(
        key,
        corePage().then(({ page }) => exportPreset(page, name, format)),
      );
    return exported.get(key) as Promise<Exported>;
  };
  afterAll(async () => {
    await (await core)?.page.close();
  });

  it.each([
    ["slide-1920", "png"],
    ["slide-3840", "png"],
    ["a4-landscape-150", "png"],
    ["a3-landscape-300", "png"],
  ] as const)("exports %s as a %s of the preset's pixel size with map, legend and title", async (name, format) => {
    const { bytes, frames } = await exportOnce(name, format);
    const png = PNG.sync.read(bytes);
    const preset = presetOf(name);
    expect([png.width, png.height]).toEqual([preset?.widthPixels, preset?.heightPixels]);
    const { map, legend, title } = frames as Record<"map" | "legend" | "title", Frame>;
    // The map: land and both compound colours at the screen's extent.
    const mapPixels = map.width * map.height;
    expect(countIn(png, map, hexToPixel(palette.land), 12) / mapPixels).toBeGreaterThan(0.05);
    expect(countIn(png, map, over(palette.compoundCovered, hexToPixel(palette.land)), 30)).toBeGreaterThan(mapPixels / 2000);
    expect(countIn(png, map, over(palette.compoundGap, hexToPixel(palette.land)), 30)).toBeGreaterThan(mapPixels / 5000);
    // The legend: swatches in the map's colours.
    const swatch = (preset?.density ?? 1) ** 2 * 40;
    expect(countIn(png, legend, covered, 20)).toBeGreaterThan(swatch);
    expect(countIn(png, legend, gap, 20)).toBeGreaterThan(swatch);
    expect(countIn(png, legend, station, 30)).toBeGreaterThan(swatch / 4);
    // The title: dark text in the title frame.
    expect(countIn(png, title, ink, 40)).toBeGreaterThan(title.width * title.height * 0.03);
    expect((await corePage()).requests.filter((url) => !isLocal(url))).toEqual([]);
  });

  it("exports A4 and A3 portrait PDFs at their page size, with a full-resolution map and vector text in an embedded font", async () => {
    const { page } = await corePage();
    await page.getByTestId("snapshot-title").fill("五华区党建工作地图 测试");
    for (const [name, size] of [
      ["a4-landscape-150", [841.89, 595.28]],
      ["a3-portrait-300", [841.89, 1190.55]],
    ] as const) {
      const { bytes, frames, reported } = await exportPreset(page, name, "pdf");
      const pdf = pdfFacts(bytes);
      expect(pdf.pages).toBe(1);
      expect(pdf.mediaBoxes).toEqual([size]);
      // The map image is as many pixels as the map frame at the preset's dpi: nothing was downscaled.
      expect(pdf.images).toEqual([[frames.map?.width, frames.map?.height]]);
      expect(pdf.extracted).toContain("五华区党建工作地图测试");
      expect(pdf.extracted).toContain("已建小区党支部");
      // One font subset, embedded, and every character of the sheet in it.
      expect(pdf.embeddedFonts).toBe(1);
      expect(reported.unembedded).toBe("");
      // Printed where no font is installed, the title still has its glyphs.
      const dpi = 36;
      const scale = dpi / (presetOf(name)?.dpi ?? dpi);
      const title = frames.title as Frame;
      const box = { x: title.x * scale, y: title.y * scale, width: title.width * scale, height: title.height * scale };
      expect(darkPixels(renderWithoutFonts(bytes, dpi), box)).toBeGreaterThan(box.width * box.height * 0.03);
      // The legend swatch of covered compounds is a vector fill in the palette's colour.
      expect(pdf.text).toContain("0.698 0.094 0.169 rg");
    }
  });

  it("still exports a PDF when its font cannot be fetched, naming a system font and saying so", async () => {
    const page = await browser().newPage({ viewport: VIEWPORT, acceptDownloads: true });
    await page.route("**/fonts/*.otf", (route) => route.fulfill({ status: 404, body: "" }));
    await openComposer(page, new URL(`./?snapshot=a4-landscape-150${CORE}`, baseUrl).href, 120_000);
    await page.getByTestId("snapshot-format-pdf").check();
    const out = join(folder, "no-font.pdf");
    await exportTo(page, "snapshot-export", out, 240_000);
    const pdf = pdfFacts(readFileSync(out));
    expect(pdf.pages).toBe(1);
    expect(pdf.embeddedFonts).toBe(0);
    expect(pdf.text).toContain("/Encoding /UniGB-UTF16-H");
    // Written in the named font's UTF-16 encoding, which readers with CJK support decode.
    expect(pdf.text).toContain(utf16Hex("党建工作地图").slice(1, -1));
    await expect.poll(() => page.getByTestId("snapshot-font-note").textContent()).toMatch(/未能嵌入字体.*404/);
    await page.close();
  });

  it("draws a big map in tiles that stitch without seams or blur", async () => {
    const whole = await exportOnce("a3-landscape-300", "png");
    const page = await browser().newPage({ viewport: VIEWPORT, acceptDownloads: true });
    await openComposer(page, new URL(`./?snapshot=a3-landscape-300&snapshotTile=2048${CORE}`, baseUrl).href, 120_000);
    const tiled = await exportPreset(page, "a3-landscape-300", "png");
    expect(Number(whole.reported.tiles)).toBe(1);
    expect(Number(tiled.reported.tiles)).toBeGreaterThanOrEqual(6);
    const a = PNG.sync.read(whole.bytes);
    const b = PNG.sync.read(tiled.bytes);
    const map = whole.frames.map as Frame;
    let differing = 0;
    for (let y = map.y; y < map.y + map.height; y += 1) {
      for (let x = map.x; x < map.x + map.width; x += 1) {
        const offset = (y * a.width + x) * 4;
        const delta =
          Math.abs((a.data[offset] ?? 0) - (b.data[offset] ?? 0)) +
          Math.abs((a.data[offset + 1] ?? 0) - (b.data[offset + 1] ?? 0)) +
          Math.abs((a.data[offset + 2] ?? 0) - (b.data[offset + 2] ?? 0));
        if (delta > 60) differing += 1;
      }
    }
    // Antialiasing along seams and glyph rasterisation differ by a pixel here and there, no more.
    expect(differing / (map.width * map.height), `tiles asked again: ${whole.reported.retries} whole, ${tiled.reported.retries} tiled`).toBeLessThan(0.01);
    await page.close();
  });

  it("asks again for map tiles that failed, and stops the export naming the archive when they keep failing", async () => {
    const page = await browser().newPage({ viewport: VIEWPORT, acceptDownloads: true });
    await page.goto(new URL(`./${CORE}`, baseUrl).href);
    await waitForMapReady(page, 120_000);
    // From here on, tile reads (not the archive's header or directories) fail while `failing` lasts.
    const offset = tileDataOffset(join(inject("distDir"), "data/yunnan/tiles.pmtiles"));
    let failing = Number.POSITIVE_INFINITY;
    let failed = 0;
    await page.route("**/tiles.pmtiles", async (route) => {
      const start = Number(/bytes=(\d+)-/.exec(route.request().headers().range ?? "")?.[1] ?? -1);
      if (start < offset || failing <= 0) return route.fallback();
      failing -= 1;
      failed += 1;
      return route.fulfill({ status: 503, body: "busy" });
    });
    await page.getByTestId("open-snapshot").click();
    await page.getByTestId("snapshot-format-png").check();
    await page.getByTestId("snapshot-export").click();
    const status = page.getByTestId("snapshot-status");
    await expect.poll(() => status.textContent(), { timeout: 120_000 }).toMatch(/导出失败.*\d+ 个地图瓦片重试后仍加载失败.*tiles\.pmtiles.*瓦片 \d+\/\d+\/\d+/);
    // Asked three times each (the first read and two retries), not given up at the first failure.
    const tiles = Number(/(\d+) 个地图瓦片/.exec((await status.textContent()) ?? "")?.[1]);
    expect(failed).toBeGreaterThanOrEqual(3 * tiles);
    // Two reads fail, then the network is back: the retries fill the holes and the export completes.
    failing = 2;
    failed = 0;
    const out = join(folder, "after-retry.png");
    // (The composer's preview may be the one that meets the two failures: it draws with the same map.)
    await exportTo(page, "snapshot-export", out, 240_000);
    expect(failed).toBe(2);
    const png = PNG.sync.read(readFileSync(out));
    const frames = JSON.parse((await page.getByTestId("snapshot-composer").getAttribute("data-frames")) ?? "{}") as Record<string, Frame>;
    const map = frames.map as Frame;
    expect(countIn(png, map, over(palette.compoundCovered, hexToPixel(palette.land)), 30)).toBeGreaterThan((map.width * map.height) / 2000);
    await page.close();
  }, 300_000);

  it("opens from the header as a dialog that keeps the keyboard, closes on Escape and gives focus back", async () => {
    const page = await browser().newPage({ viewport: VIEWPORT });
    await page.goto(cityUrl(`./${CORE}`, baseUrl));
    const opener = page.getByTestId("open-snapshot");
    await opener.waitFor({ timeout: 120_000 });
    await opener.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "导出地图快照" });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);
    for (let step = 0; step < 25; step += 1) {
      await page.keyboard.press(step % 5 === 4 ? "Shift+Tab" : "Tab");
      expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);
    }
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("open-snapshot");
    await page.close();
  });

  it("makes an atlas with one page per street of a district", async () => {
    const district = "530124";
    const streets = readLayer<{ code: string; name: string; districtCode: string }>("streets").features.filter(
      (feature) => feature.properties.districtCode === district,
    );
    const page = await browser().newPage({ viewport: VIEWPORT, acceptDownloads: true });
    await openComposer(page, new URL(`./?snapshot=a4-landscape-150&atlas=streets#sel=districts:${district}`, baseUrl).href, 120_000);
    await expect.poll(() => page.getByTestId("snapshot-atlas-pages").getAttribute("data-pages")).toBe(String(streets.length));
    // Opened on the district, the sheet is titled with it, not with the dataset's area.
    const districtName = readLayer<{ code: string; name: string }>("districts").features.find((feature) => feature.properties.code === district)?.properties
      .name;
    await expect.poll(() => page.getByTestId("snapshot-title").inputValue()).toBe(`${districtName}党建工作地图`);
    const out = join(folder, "atlas.pdf");
    await exportTo(page, "snapshot-atlas-export", out, 300_000);
    const pdf = pdfFacts(readFileSync(out));
    expect(pdf.pages).toBe(streets.length);
    expect(new Set(pdf.mediaBoxes.map((box) => box.join("×")))).toEqual(new Set(["841.89×595.28"]));
    for (const street of streets) expect(pdf.extracted).toContain(street.properties.name);
    expect(pdf.embeddedFonts).toBe(1);
    await page.close();
  });
});
