// Soak benchmark of the wall display: `npm run bench:soak [-- --steps 500 --dwell 1 --refresh 30 --scale province|city]`.
// Builds the app, serves it on 127.0.0.1 and runs the wall's tour in headless Chromium (software
// WebGL) for at least `steps` stops with a short dwell, data refreshes included. It is not a
// timed test: it reports, for people and machines, whether a wall left running for days keeps
// its memory and frame rate. Baselines come from the same run: the heap and DOM after a forced
// GC once the tour has warmed up, and the fly-to frame times of the first stops, each compared
// with the same figure at the end. Prints a table, then one JSON line per figure:
// {"name","scale","value","unit","baseline","ratio"}.
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import type { CDPSession, Page } from "playwright-core";
import { build } from "vite";
import { launchBrowser } from "../tests/browser/browser.ts";
import { heapAfterGc, PAGE_INIT_SCRIPT } from "./lib/bench/page-probes.ts";
import { startStaticServer } from "./lib/bench/static-server.ts";
import { prepareCity, prepareProvince } from "./prepare-data.ts";
import { FRAME_PROBE_SCRIPT, frameSummary, readFrames, resetFrames, type FrameSummary } from "./lib/soak/frame-probe.ts";

interface Row {
  name: string;
  value: number | null;
  unit: string;
  baseline: number | null;
  note: string;
}

const MEBIBYTE = 1024 * 1024;
/** Stops before the baseline is taken: the first flights load every source and warm the caches. */
const WARM_UP_STEPS = 15;
/** Stops whose flights give the start and end frame times. */
const FRAME_WINDOW_STEPS = 30;

function parseOptions() {
  const { values } = parseArgs({
    options: {
      steps: { type: "string", default: "500" },
      dwell: { type: "string", default: "1" },
      refresh: { type: "string", default: "30" },
      width: { type: "string", default: "1920" },
      height: { type: "string", default: "1080" },
      scale: { type: "string", default: "province" },
    },
  });
  const { scale, ...rest } = values;
  if (scale !== "province" && scale !== "city") throw new Error(`--scale must be province or city, not "${scale}"`);
  const numbers = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, Number(value)])) as Record<keyof typeof rest, number>;
  for (const [key, value] of Object.entries(numbers)) if (!Number.isFinite(value) || value <= 0) throw new Error(`--${key} must be a positive number`);
  return { ...numbers, scale: scale as "province" | "city" };
}

const stepOf = (page: Page) => page.evaluate(() => Number(document.querySelector('[data-testid="wall"]')?.getAttribute("data-tour-step") ?? 0));

async function waitForStep(page: Page, step: number, timeoutMs: number, onProgress?: (step: number) => void | Promise<void>): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let last = -1;
  while (performance.now() < deadline) {
    const current = await stepOf(page);
    if (current >= step) return;
    if (onProgress && Math.floor(current / 50) !== Math.floor(last / 50)) await onProgress(current);
    last = current;
    await page.waitForTimeout(1000);
  }
  throw new Error(`the tour did not reach step ${step} within ${Math.round(timeoutMs / 1000)} s`);
}

interface Snapshot {
  heapBytes: number;
  nodes: number;
  listeners: number;
}

async function snapshot(session: CDPSession): Promise<Snapshot> {
  const heapBytes = await heapAfterGc(session);
  const counters = await session.send("Memory.getDOMCounters");
  return { heapBytes, nodes: counters.nodes, listeners: counters.jsEventListeners };
}

const load = () => (loadavg()[0] ?? 0).toFixed(2);
const round = (value: number | null, digits = 1) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);

function table(rows: readonly Row[]): string {
  const cells = rows.map((row) => {
    const ratio = row.value !== null && row.baseline ? (row.value / row.baseline).toFixed(3) : "—";
    return [row.name, `${row.value ?? "—"} ${row.unit}`, row.baseline === null ? "—" : `${row.baseline} ${row.unit}`, ratio, row.note];
  });
  const header = ["figure", "at the end", "baseline", "ratio", "baseline is"];
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => (line[column] ?? "").length)));
  const format = (line: readonly string[]) =>
    line
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join("  ")
      .trimEnd();
  return [format(header), format(widths.map((width) => "-".repeat(width))), ...cells.map(format)].join("\n");
}

async function soak(url: string, options: ReturnType<typeof parseOptions>): Promise<Row[]> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: options.width, height: options.height } });
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));
    await page.addInitScript(PAGE_INIT_SCRIPT);
    await page.addInitScript(FRAME_PROBE_SCRIPT);
    const session = await page.context().newCDPSession(page);
    const query = new URLSearchParams({ mode: "wall", debug: "1", dwell: String(options.dwell), refresh: String(options.refresh) });
    // The province is the app's default dataset; the city is its tiled Kunming demo.
    if (options.scale === "city") query.set("data", "data/kunming/tiled/manifest.json");
    await page.goto(`${url}?${query}`);
    await page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 180_000 });
    const perStepMs = Math.max(options.dwell * 1000, 2000) * 3;

    await waitForStep(page, WARM_UP_STEPS, WARM_UP_STEPS * perStepMs + 120_000);
    const before = await snapshot(session);
    const startStep = await stepOf(page);
    console.log(`baseline at step ${startStep}: heap ${(before.heapBytes / MEBIBYTE).toFixed(2)} MB, ${before.nodes} DOM nodes, ${before.listeners} listeners`);
    await resetFrames(page);
    await waitForStep(page, startStep + FRAME_WINDOW_STEPS, FRAME_WINDOW_STEPS * perStepMs);
    const early = frameSummary(await readFrames(page));

    const endStep = startStep + options.steps;
    // The heap every 50 steps: a leak grows steadily; caches that fill during the first pass over
    // the tour's stops level off. The second half of the run tells the two apart.
    const trend: { step: number; heapBytes: number }[] = [];
    await waitForStep(page, endStep - FRAME_WINDOW_STEPS, options.steps * perStepMs, async (step) => {
      const { heapBytes } = await snapshot(session);
      trend.push({ step, heapBytes });
      console.log(`  step ${step} of ${endStep}: heap ${(heapBytes / MEBIBYTE).toFixed(2)} MB (load ${load()})`);
    });
    await resetFrames(page);
    await waitForStep(page, endStep, FRAME_WINDOW_STEPS * perStepMs);
    const late = frameSummary(await readFrames(page));
    const after = await snapshot(session);
    const steps = (await stepOf(page)) - startStep;
    console.log(
      `end at step ${startStep + steps}: heap ${(after.heapBytes / MEBIBYTE).toFixed(2)} MB, ${after.nodes} DOM nodes, ${after.listeners} listeners; ${problems.length} page errors`,
    );
    for (const problem of [...new Set(problems)].slice(0, 5)) console.log(`  ! ${problem}`);
    const middle = trend.find((point) => point.step >= startStep + options.steps / 2) ?? { step: startStep, heapBytes: before.heapBytes };
    const flight = (summary: FrameSummary, pick: (value: FrameSummary) => number | null) => round(pick(summary));
    return [
      { name: "tour-steps", value: steps, unit: "steps", baseline: null, note: `dwell ${options.dwell} s, refresh every ${options.refresh} s` },
      {
        name: "heap-after-gc",
        value: round(after.heapBytes / MEBIBYTE, 2),
        unit: "MB",
        baseline: round(before.heapBytes / MEBIBYTE, 2),
        note: `after ${WARM_UP_STEPS} warm-up steps (target: ratio < 1.10)`,
      },
      {
        name: "heap-second-half",
        value: round(after.heapBytes / MEBIBYTE, 2),
        unit: "MB",
        baseline: round(middle.heapBytes / MEBIBYTE, 2),
        note: `at step ${middle.step}, half way: growth after every stop was visited`,
      },
      { name: "dom-nodes", value: after.nodes, unit: "nodes", baseline: before.nodes, note: "same moment" },
      { name: "event-listeners", value: after.listeners, unit: "listeners", baseline: before.listeners, note: "same moment" },
      {
        name: "fly-frame-median",
        value: flight(late, (value) => value.median),
        unit: "ms",
        baseline: flight(early, (value) => value.median),
        note: `first ${FRAME_WINDOW_STEPS} stops after warm-up (${early.frames} frames vs ${late.frames})`,
      },
      { name: "fly-frame-p95", value: flight(late, (value) => value.p95), unit: "ms", baseline: flight(early, (value) => value.p95), note: "same windows" },
      { name: "page-errors", value: problems.length, unit: "errors", baseline: null, note: "" },
    ];
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const options = parseOptions();
  console.log(`load average before the run: ${load()}`);
  // A temporary folder, not dist/: browser tests may be building and serving dist/ meanwhile.
  const outDir = mkdtempSync(join(tmpdir(), "party-map-soak-"));
  try {
    prepareCity();
    if (options.scale === "province") await prepareProvince();
    console.log(`building the app into ${outDir}…`);
    await build({ configFile: "vite.config.ts", logLevel: "warn", build: { outDir, emptyOutDir: true } });
    const server = await startStaticServer({ mounts: [{ prefix: "/", folder: outDir }] });
    try {
      console.log(`serving on ${server.url}; ${options.steps} tour steps at ${options.width}×${options.height}`);
      const rows = await soak(server.url, options);
      console.log(`\n${table(rows)}\n`);
      for (const row of rows) {
        const ratio = row.value !== null && row.baseline ? Math.round((row.value / row.baseline) * 1000) / 1000 : null;
        console.log(JSON.stringify({ name: row.name, scale: options.scale, value: row.value, unit: row.unit, baseline: row.baseline, ratio }));
      }
    } finally {
      await server.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  console.log(`\nsoak finished in ${((performance.now() - started) / 1000).toFixed(0)} s; load average now ${load()}`);
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
