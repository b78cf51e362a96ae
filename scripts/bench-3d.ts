// Which renderer draws the 3D sandtable: `npm run bench:3d [-- --runs N]`. Builds the app, serves
// it, and in headless Chromium (software WebGL) opens the sandtable over the province (its 1,461
// townships) and over the city (its 1,738 communities); measures frames per second while the
// camera turns and pans, first with the app's MapLibre fill-extrusion layer, then, in the same
// page and camera, with that layer hidden and the same features (from the same tiles, with the
// same colours and heights) drawn by a deck.gl extruded GeoJsonLayer interleaved in the map.
// Baseline: MapLibre; ratio: deck.gl ÷ MapLibre. Prints a table, then one JSON line per figure.
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Page } from "playwright-core";
import { build } from "vite";
import { launchBrowser, waitForMapReady } from "../tests/browser/browser.ts";
import { FIRST_LABEL_LAYER } from "../src/layers/basemap-style.ts";
import { EXTRUSION_LAYER } from "../src/layers/data-style.ts";
import { makeRow, printReport, type ReportRow, type Scale } from "./lib/bench/bench-report.ts";
import { median } from "./lib/bench/sample-stats.ts";
import { startStaticServer, type StaticServer } from "./lib/bench/static-server.ts";
import { prepareCity, prepareProvince } from "./prepare-data.ts";

const VIEWPORT = { width: 1280, height: 800 };
/** Camera moves, each timed: a quarter turn, then a pan, then a turn back. */
const TURN_MS = 4000;
const PAN_MS = 2000;

interface Place {
  scale: Scale;
  /** App path with ?debug=1 and the sandtable on. */
  path: string;
  level: "streets" | "communities";
  units: string;
}

const PLACES: Place[] = [
  { scale: "province", path: "?debug=1&data=data/yunnan/manifest.json#map=6.3/24.9/101.6&layers=&3d=1", level: "streets", units: "townships" },
  { scale: "city", path: "?debug=1&data=data/kunming/tiled/manifest.json#map=9.6/25.05/102.75&layers=&3d=1", level: "communities", units: "communities" },
];

interface FrameSample {
  fps: number;
  /** 95th-percentile frame interval, ms. */
  p95: number;
  features: number;
}

/** Turns and pans the camera with rAF counting frames; resolves with frames per second and the 95th-percentile interval. */
async function moveAndCount(page: Page): Promise<{ fps: number; p95: number }> {
  return page.evaluate(
    async ({ turnMs, panMs }) => {
      const map = window.partyMap?.map;
      if (!map) throw new Error("window.partyMap is missing");
      const stamps: number[] = [];
      let running = true;
      const tick = (time: number) => {
        stamps.push(time);
        if (running) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      const move = (start: () => void, durationMs: number) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, durationMs + 20_000);
          map.once("moveend", () => {
            clearTimeout(timer);
            resolve();
          });
          start();
        });
      await move(() => map.easeTo({ bearing: map.getBearing() + 90, duration: turnMs, easing: (t: number) => t, essential: true }), turnMs);
      await move(() => map.panBy([240, 120], { duration: panMs, easing: (t: number) => t, essential: true }), panMs);
      await move(() => map.easeTo({ bearing: map.getBearing() - 90, duration: turnMs, easing: (t: number) => t, essential: true }), turnMs);
      await move(() => map.panBy([-240, -120], { duration: panMs, easing: (t: number) => t, essential: true }), panMs);
      running = false;
      const intervals = stamps.slice(1).map((stamp, index) => stamp - (stamps[index] ?? stamp));
      const elapsed = (stamps.at(-1) ?? 0) - (stamps[0] ?? 0);
      const sorted = intervals.toSorted((left, right) => left - right);
      return { fps: (intervals.length * 1000) / Math.max(1, elapsed), p95: sorted[Math.floor(sorted.length * 0.95)] ?? 0 };
    },
    { turnMs: TURN_MS, panMs: PAN_MS },
  );
}

/** The app's own prisms: MapLibre fill-extrusion. */
async function measureMapLibre(page: Page): Promise<FrameSample> {
  const features = await page.evaluate((layer) => window.partyMap?.map.queryRenderedFeatures({ layers: [layer] }).length ?? 0, layer());
  return { ...(await moveAndCount(page)), features };
}

const layer = () => EXTRUSION_LAYER;

/**
 * The same prisms from deck.gl: the features of the same tiles, coloured and raised by the app's
 * own expressions (read from the fill-extrusion layer, whose `match` branches are code lists),
 * drawn under the labels; the MapLibre layer is hidden meanwhile.
 */
async function measureDeck(page: Page, level: Place["level"]): Promise<FrameSample> {
  const features = await page.evaluate(
    async ({ extrusion, level: sourceLayer, beforeId }) => {
      const adapter = window.partyMap;
      const loadLayers = window.partyDeckLayers;
      if (!adapter || !loadLayers) throw new Error("debug hooks missing");
      const map = adapter.map;
      const { GeoJsonLayer } = await loadLayers();
      // ["interpolate", ["exponential", 0.5], ["zoom"], 0, ["*", atZero, share], 24, …]; colour and share are
      // `match`es of code lists: ["match", input, [codes…], output, …, fallback].
      const height = map.getPaintProperty(extrusion, "fill-extrusion-height") as unknown[];
      const atZero = (height[4] as unknown[])[1] as number;
      const colours = new Map<string, [number, number, number]>();
      const shares = new Map<string, number>();
      for (const [match, table] of [
        [map.getPaintProperty(extrusion, "fill-extrusion-color"), colours],
        [(height[4] as unknown[])[2], shares],
      ] as const) {
        if (!Array.isArray(match) || match[0] !== "match") continue;
        for (let index = 2; index + 1 < match.length; index += 2) {
          const output = match[index + 1] as string | number;
          const hex = Number.parseInt(String(output).slice(1), 16);
          for (const code of match[index] as string[]) {
            if (table === shares) shares.set(code, Number(output));
            else colours.set(code, [(hex >> 16) & 255, (hex >> 8) & 255, hex & 255]);
          }
        }
      }
      const source = map.querySourceFeatures("tiles", { sourceLayer });
      const data = {
        type: "FeatureCollection" as const,
        features: source.map((feature) => ({ type: "Feature" as const, geometry: feature.geometry, properties: { code: String(feature.properties.code) } })),
      };
      map.setLayoutProperty(extrusion, "visibility", "none");
      adapter.setLayers([
        new GeoJsonLayer({
          id: "bench-prisms",
          data,
          beforeId,
          extruded: true,
          stroked: false,
          filled: true,
          wireframe: false,
          opacity: 0.92,
          getFillColor: (feature: { properties: { code: string } }) => colours.get(feature.properties.code) ?? [207, 212, 217],
          getElevation: (feature: { properties: { code: string } }) => Number(shares.get(feature.properties.code) ?? 0),
          // Metres of a full-height prism at this zoom, as the fill-extrusion layer computes them.
          elevationScale: atZero / 2 ** map.getZoom(),
        } as never),
      ]);
      await adapter.whenIdle();
      return data.features.length;
    },
    { extrusion: layer(), level, beforeId: FIRST_LABEL_LAYER },
  );
  return { ...(await moveAndCount(page)), features };
}

async function visit(server: StaticServer, place: Place): Promise<{ maplibre: FrameSample; deck: FrameSample }> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    // tsx names the functions it compiles (__name); the page has no such helper.
    await page.addInitScript("globalThis.__name ??= (target) => target;");
    await page.goto(new URL(place.path, server.url).href);
    await waitForMapReady(page, 180_000);
    await page.waitForFunction((id) => Boolean(window.partyMap?.map.getLayer(id)), layer(), { timeout: 180_000 });
    await page.evaluate(() => window.partyMap?.whenIdle());
    const maplibre = await measureMapLibre(page);
    const deck = await measureDeck(page, place.level);
    return { maplibre, deck };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: "string", default: "1" } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 10) throw new Error(`--runs must be a whole number from 1 to 10, not "${values.runs}"`);
  console.log(`load average before the run: ${(loadavg()[0] ?? 0).toFixed(2)}`);
  const outDir = mkdtempSync(join(tmpdir(), "party-map-bench-3d-"));
  let server: StaticServer | undefined;
  const rows: ReportRow[] = [];
  try {
    prepareCity();
    await prepareProvince();
    await build({ configFile: "vite.config.ts", logLevel: "warn", build: { outDir, emptyOutDir: true } });
    server = await startStaticServer({ mounts: [{ prefix: "/", folder: outDir }] });
    for (const place of PLACES) {
      const samples: Array<{ maplibre: FrameSample; deck: FrameSample }> = [];
      for (let run = 1; run <= runs; run += 1) {
        const sample = await visit(server, place);
        console.log(
          `  ${place.scale} run ${run}: MapLibre ${sample.maplibre.fps.toFixed(1)} fps (p95 ${sample.maplibre.p95.toFixed(0)} ms, ${sample.maplibre.features} rendered pieces); deck.gl ${sample.deck.fps.toFixed(1)} fps (p95 ${sample.deck.p95.toFixed(0)} ms, ${sample.deck.features} tile features)`,
        );
        samples.push(sample);
      }
      const fps = (pick: (sample: { maplibre: FrameSample; deck: FrameSample }) => number) => median(samples.map(pick));
      const note = `${place.units} extruded, turning and panning; value: deck.gl GeoJsonLayer, baseline: MapLibre fill-extrusion`;
      rows.push(
        makeRow(
          "sandtable-fps",
          place.scale,
          "fps",
          fps((sample) => sample.deck.fps),
          fps((sample) => sample.maplibre.fps),
          note,
        ),
      );
      rows.push(
        makeRow(
          "sandtable-frame-p95",
          place.scale,
          "ms",
          fps((sample) => sample.deck.p95),
          fps((sample) => sample.maplibre.p95),
          "95th-percentile frame interval",
        ),
      );
    }
  } finally {
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
  }
  printReport(rows);
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
