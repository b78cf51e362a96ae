// Headless Chromium (Debian's) driven by playwright-core, with software WebGL2, plus helpers
// that read pixels from screenshots.
import { chromium, type Browser, type Page } from "playwright-core";
import { PNG } from "pngjs";
import { palette, type Rgba } from "../../src/layers/palette.ts";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
  "--ignore-gpu-blocklist",
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

/** Records every request the page makes, so tests can assert nothing leaves this machine. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  return urls;
}

export function isLocal(url: string): boolean {
  if (url.startsWith("data:") || url.startsWith("blob:")) return true;
  const { hostname } = new URL(url);
  return hostname === "127.0.0.1" || hostname === "localhost";
}

export async function waitForMapReady(page: Page, timeout = 90_000): Promise<void> {
  await page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout });
}

export interface Pixel {
  red: number;
  green: number;
  blue: number;
}

export class Screenshot {
  private constructor(private readonly png: PNG) {}
  static async of(page: Page): Promise<Screenshot> {
    return new Screenshot(PNG.sync.read(await page.screenshot()));
  }
  get width(): number {
    return this.png.width;
  }
  get height(): number {
    return this.png.height;
  }
  pixel(x: number, y: number): Pixel {
    const offset = (Math.round(y) * this.png.width + Math.round(x)) * 4;
    const data = this.png.data;
    return { red: data[offset] ?? 0, green: data[offset + 1] ?? 0, blue: data[offset + 2] ?? 0 };
  }
  /** Share of pixels in a square around (x, y) that are within `tolerance` of `colour`. */
  shareNear(x: number, y: number, radius: number, colour: Pixel, tolerance = 40): number {
    let hits = 0;
    let total = 0;
    for (let dy = -radius; dy <= radius; dy += 1) {
      for (let dx = -radius; dx <= radius; dx += 1) {
        total += 1;
        if (distance(this.pixel(x + dx, y + dy), colour) <= tolerance) hits += 1;
      }
    }
    return hits / total;
  }
  /** Count of pixels in the whole image within `tolerance` of `colour`. */
  count(colour: Pixel, tolerance = 40): number {
    let hits = 0;
    for (let y = 0; y < this.png.height; y += 1) {
      for (let x = 0; x < this.png.width; x += 1) if (distance(this.pixel(x, y), colour) <= tolerance) hits += 1;
    }
    return hits;
  }
}

export function distance(a: Pixel, b: Pixel): number {
  return Math.hypot(a.red - b.red, a.green - b.green, a.blue - b.blue);
}

export function hexToPixel(hex: string): Pixel {
  const value = Number.parseInt(hex.replace("#", ""), 16);
  return { red: (value >> 16) & 255, green: (value >> 8) & 255, blue: value & 255 };
}

/** The colour a translucent fill takes over the basemap's land. */
export function over(colour: Rgba, background: Pixel = hexToPixel(palette.land)): Pixel {
  const alpha = colour[3] / 255;
  const mix = (top: number, bottom: number) => Math.round(top * alpha + bottom * (1 - alpha));
  return { red: mix(colour[0], background.red), green: mix(colour[1], background.green), blue: mix(colour[2], background.blue) };
}

/** The map's centre on screen: the map fills the window below the 48 px header. */
export function mapCentre(page: Page): { x: number; y: number } {
  const size = page.viewportSize() ?? { width: 0, height: 0 };
  return { x: size.width / 2, y: 48 + (size.height - 48) / 2 };
}

/** The city demo, as the app's own link to it serves it (tiles and attribute table). */
export const CITY_DATASET = "data/kunming/tiled/manifest.json";

/** An app URL on the city demo: `path` as given, with the city's `data=` unless it names a dataset. */
export function cityUrl(path: string, baseUrl: string): string {
  const url = new URL(path, baseUrl);
  if (!url.searchParams.has("data")) url.searchParams.set("data", CITY_DATASET);
  return url.href;
}
