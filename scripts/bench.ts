// Browser benchmark of the built app: `npm run bench [-- --scale city|province|all] [--runs N]`.
// Builds the app, serves it on 127.0.0.1, and measures per scale in headless Chromium (software
// WebGL): time to data-ready, frame rate and frame times while panning and flying, pick latency,
// JS heap and bytes transferred, each beside the same figure for a plain MapLibre page drawing the
// same data as GeoJSON; then, for the app alone, when the engine's gap list is ready, what-if
// updates in the worker and when the wall's KPI cards show figures. Targets are issue #12's.
// Prints a table, then one JSON line per figure: {"name","scale","value","unit","baseline","ratio"}.
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { build } from "vite";
import { BASELINE_PATH, MAPLIBRE_PREFIX, baselineHtml } from "./lib/bench/baseline-page.ts";
import { GENERATED_FOLDER, cameraPlan, cityDataset, provinceDataset, type BenchDataset } from "./lib/bench/bench-datasets.ts";
import { visitPage, visitWall, type Visit, type WallVisit } from "./lib/bench/bench-page.ts";
import { makeRow, printReport, type ReportRow, type Scale } from "./lib/bench/bench-report.ts";
import { initialBundleSize } from "./lib/bench/bundle-size.ts";
import { median, medianOfPresent, percentile } from "./lib/bench/sample-stats.ts";
import { startStaticServer, type ResponseRecord, type StaticServer } from "./lib/bench/static-server.ts";
import { prepareCity, prepareProvince } from "./prepare-data.ts";

const VIEWPORT = { width: 1280, height: 800 };
// The baseline gets two minutes at province scale; past that it is recorded as timed out.
const READY_TIMEOUT_MS: Record<Scale, { app: number; baseline: number }> = {
  city: { app: 90_000, baseline: 90_000 },
  province: { app: 180_000, baseline: 120_000 },
};
const ENGINE_TIMEOUT_MS: Record<Scale, number> = { city: 60_000, province: 90_000 };
const PICK_BUDGET_MS = 20_000;
const WHAT_IF_SAMPLES = 20;
const WALL_VIEWPORT = { width: 1920, height: 1080 };
const MEBIBYTE = 1024 * 1024;

function parseOptions(): { scales: Scale[]; runs: number } {
  const { values } = parseArgs({ options: { scale: { type: "string", default: "all" }, runs: { type: "string", default: "1" } } });
  const scale = values.scale;
  if (scale !== "all" && scale !== "city" && scale !== "province") throw new Error(`--scale must be city, province or all, not "${scale}"`);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 20) throw new Error(`--runs must be a whole number from 1 to 20, not "${values.runs}"`);
  return { scales: scale === "all" ? ["city", "province"] : [scale], runs };
}

/** Fails the whole run: an offline app that reaches for another host is broken, whatever its speed. */
function assertLocal(visit: Visit, label: string): void {
  if (visit.outsideRequests.length > 0) {
    throw new Error(`${label} requested URLs outside 127.0.0.1:\n  ${visit.outsideRequests.join("\n  ")}`);
  }
}

const seconds = (ms: number | null) => (ms === null ? "—" : `${(ms / 1000).toFixed(1)} s`);

// Every response the server sends, to cross-check the CDP byte count of each visit.
const responses: ResponseRecord[] = [];

/** Body bytes the server sent between a visit's navigation and its data-ready. */
function serverBytes(visit: Visit): number | null {
  const span = visit.readyWindow;
  if (!span) return null;
  return responses.reduce((sum, record) => (record.finishedAtMs >= span.fromMs && record.finishedAtMs <= span.toMs ? sum + record.bodyBytes : sum), 0);
}

const megabytes = (bytes: number | null) => (bytes === null ? "—" : `${(bytes / MEBIBYTE).toFixed(2)} MB`);

function logVisit(label: string, visit: Visit): void {
  const frames = visit.frameIntervals?.length ?? 0;
  const picks =
    visit.picks === "absent" ? "pickAt absent" : visit.picks ? `${visit.picks.durations.length} picks, ${visit.picks.hits} hit a feature` : "no picks";
  const engine = visit.engineSettledMs === null ? "" : `, engine done at ${seconds(visit.engineSettledMs)}`;
  console.log(
    `  ${label}: ready ${seconds(visit.readyMs)}${engine}, ${frames} frames, ${picks}; by ready ${megabytes(visit.bytesToReady)} per CDP, ${megabytes(serverBytes(visit))} of bodies per the server`,
  );
  // Repeated errors (one per frame) would drown the log; the first few say enough.
  for (const problem of [...new Set(visit.problems)].slice(0, 5)) console.log(`    ! ${problem}`);
}

interface ScaleVisits {
  app: Visit[];
  baseline: Visit[];
  wall: WallVisit[];
  /** Set when the baseline ran out of time, so later runs skip it and the table says why. */
  baselineNote?: string;
}

async function benchScale(dataset: BenchDataset, server: StaticServer, runs: number): Promise<ScaleVisits> {
  const result: ScaleVisits = { app: [], baseline: [], wall: [] };
  const plan = cameraPlan(dataset.places);
  for (let run = 1; run <= runs; run += 1) {
    const app = await visitPage({
      url: new URL(dataset.appPath, server.url).href,
      viewport: VIEWPORT,
      readyTimeoutMs: READY_TIMEOUT_MS[dataset.scale].app,
      plan,
      engineTimeoutMs: ENGINE_TIMEOUT_MS[dataset.scale],
      pickBudgetMs: PICK_BUDGET_MS,
      whatIfSamples: WHAT_IF_SAMPLES,
    });
    logVisit(`${dataset.scale} app, run ${run}`, app);
    assertLocal(app, `the app (${dataset.scale})`);
    result.app.push(app);
    const wall = await visitWall({ url: new URL(dataset.wallPath, server.url).href, viewport: WALL_VIEWPORT, timeoutMs: READY_TIMEOUT_MS[dataset.scale].app });
    console.log(`  ${dataset.scale} wall, run ${run}: ready ${seconds(wall.readyMs)}, KPI cards at ${seconds(wall.kpisMs)}`);
    for (const problem of [...new Set(wall.problems)].slice(0, 5)) console.log(`    ! ${problem}`);
    if (wall.outsideRequests.length > 0)
      throw new Error(`the wall (${dataset.scale}) requested URLs outside 127.0.0.1:\n  ${wall.outsideRequests.join("\n  ")}`);
    result.wall.push(wall);
    if (result.baselineNote) continue;
    // Same map size as the app's map element, so both draw as many pixels per frame.
    const size = app.mapSize ?? { width: VIEWPORT.width, height: VIEWPORT.height - 48 };
    const query = new URLSearchParams({ data: dataset.manifestPath, width: String(Math.round(size.width)), height: String(Math.round(size.height)) });
    const timeout = READY_TIMEOUT_MS[dataset.scale].baseline;
    const baseline = await visitPage({
      url: new URL(`${BASELINE_PATH}?${query}`, server.url).href,
      viewport: VIEWPORT,
      readyTimeoutMs: timeout,
      plan,
      engineTimeoutMs: null,
      pickBudgetMs: null,
    });
    logVisit(`${dataset.scale} plain MapLibre, run ${run}`, baseline);
    assertLocal(baseline, `the baseline page (${dataset.scale})`);
    result.baseline.push(baseline);
    if (baseline.readyMs === null) result.baselineNote = `MapLibre timed out (${timeout / 1000} s)`;
  }
  return result;
}

/** Median over runs of one figure of each visit. */
const across = (list: Visit[], pick: (visit: Visit) => number | null) => medianOfPresent(list.map(pick));
/** A per-visit summary of its frame intervals. */
const frames = (summary: (samples: number[]) => number | null) => (visit: Visit) => (visit.frameIntervals ? summary(visit.frameIntervals) : null);

/** Frames per second from the median interval between animation frames. */
const fps = (visit: Visit) => {
  const interval = visit.frameIntervals ? median(visit.frameIntervals) : null;
  return interval ? 1000 / interval : null;
};

/** Issue #12's targets: ready ≤ 0.5× (city) or 0.3× (province) the baseline, pan ≥ 2× its frame rate, and the engine, what-if and wall targets at province scale. */
function rowsOf(scale: Scale, visits: ScaleVisits): ReportRow[] {
  const both = (pick: (visit: Visit) => number | null) => [across(visits.app, pick), across(visits.baseline, pick)] as const;
  const note = visits.baselineNote;
  const appNote = visits.app.some((visit) => visit.readyMs === null) ? "app timed out in some run" : undefined;
  const picks = visits.app.map((visit) => visit.picks);
  const pickNote = picks.every((value) => value === "absent") ? "pickAt not available" : picks.every((value) => value === null) ? "picking failed" : undefined;
  const province = scale === "province";
  const whatIf = visits.app.flatMap((visit) => visit.whatIfMs ?? []);
  const wallAfterReady = medianOfPresent(visits.wall.map((visit) => (visit.kpisMs !== null && visit.readyMs !== null ? visit.kpisMs - visit.readyMs : null)));
  return [
    makeRow("ready", scale, "ms", ...both((visit) => visit.readyMs), note ?? appNote, { ratioAtMost: province ? 0.3 : 0.5 }),
    makeRow("pan-fps", scale, "fps", ...both(fps), note, { ratioAtLeast: 2 }),
    makeRow("pan-frame-median", scale, "ms", ...both(frames(median)), note),
    makeRow("pan-frame-p95", scale, "ms", ...both(frames((samples) => percentile(samples, 95))), note),
    makeRow(
      "engine-after-ready",
      scale,
      "ms",
      across(visits.app, (visit) => (visit.engineSettledMs !== null && visit.readyMs !== null ? visit.engineSettledMs - visit.readyMs : null)),
      null,
      "map ready → indicators and ranked gap list from the worker",
      province ? { valueAtMost: 3000 } : undefined,
    ),
    makeRow(
      "what-if-p95",
      scale,
      "ms",
      whatIf.length > 0 ? percentile(whatIf, 95) : null,
      null,
      `${whatIf.length} one-station plans: indicators + gap list, worker round trips`,
      province ? { valueAtMost: 50 } : undefined,
    ),
    makeRow(
      "what-if-prepare",
      scale,
      "ms",
      across(visits.app, (visit) => visit.whatIfPrepareMs),
      null,
      "what-if mode turned on: the engine readies itself for edits, once",
    ),
    makeRow(
      "wall-kpis-after-ready",
      scale,
      "ms",
      wallAfterReady,
      null,
      "?mode=wall at 1920×1080: map ready → every KPI card shows a figure",
      province ? { valueAtMost: 3000 } : undefined,
    ),
    makeRow(
      "pick-latency",
      scale,
      "ms",
      across(visits.app, (visit) => (visit.picks && visit.picks !== "absent" ? median(visit.picks.durations) : null)),
      null,
      pickNote,
    ),
    makeRow("heap-after-load", scale, "MB", ...both((visit) => (visit.heapBytes === null ? null : visit.heapBytes / MEBIBYTE)), note ?? "main thread only"),
    makeRow("bytes-transferred", scale, "MB", ...both((visit) => (visit.bytesToReady === null ? null : visit.bytesToReady / MEBIBYTE)), note),
  ];
}

/** The 1-minute load average: on a 2-core machine anything above ~1 besides the browser skews every time figure. */
const load = () => (loadavg()[0] ?? 0).toFixed(2);

async function main(): Promise<void> {
  const started = performance.now();
  const { scales, runs } = parseOptions();
  console.log(`load average before the run: ${load()}`);
  // Built into a temporary folder, not dist/: the browser tests build and serve dist/ and may be running.
  const outDir = mkdtempSync(join(tmpdir(), "party-map-bench-"));
  let server: StaticServer | undefined;
  const rows: ReportRow[] = [];
  try {
    // The tiled datasets are generated (cached), and the build copies them from public/.
    prepareCity();
    if (scales.includes("province")) await prepareProvince();
    console.log(`building the app into ${outDir}…`);
    await build({ configFile: "vite.config.ts", logLevel: "warn", build: { outDir, emptyOutDir: true, manifest: true } });
    const bundle = initialBundleSize(outDir);
    console.log(`initial JavaScript: ${bundle.files.map((file) => `${file.file} ${(file.gzipBytes / 1024).toFixed(1)} KB gzip`).join(", ")}`);

    const datasets: BenchDataset[] = scales.map((scale) => (scale === "city" ? cityDataset() : provinceDataset()));

    server = await startStaticServer({
      mounts: [
        { prefix: "/", folder: outDir },
        { prefix: "/generated/", folder: resolve(GENERATED_FOLDER) },
        { prefix: MAPLIBRE_PREFIX, folder: resolve("node_modules/maplibre-gl/dist") },
      ],
      files: new Map([[BASELINE_PATH, { body: baselineHtml(), contentType: "text/html; charset=utf-8" }]]),
      onResponse: (record) => responses.push(record),
    });
    console.log(`serving on ${server.url}`);

    for (const dataset of datasets) {
      console.log(`${dataset.scale}: ${runs} run${runs > 1 ? "s" : ""} of the app and of plain MapLibre`);
      rows.push(...rowsOf(dataset.scale, await benchScale(dataset, server, runs)));
    }
    rows.push(
      makeRow(
        "bundle-initial-gzip",
        "city",
        "KB",
        bundle.gzipBytes / 1024,
        null,
        `${bundle.files.length} files, ${(bundle.rawBytes / 1024).toFixed(0)} KB raw`,
        { valueAtMost: 900 },
      ),
    );
  } finally {
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
  }

  printReport(rows);
  console.log(`\nbench finished in ${((performance.now() - started) / 1000).toFixed(0)} s; load average now ${load()}`);
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
