// Snapshot export benchmark: `npm run bench:snapshot [-- --runs N]`. Builds and serves the app,
// opens the urban core of the demo city in headless Chromium (software WebGL) and times exports
// of slide-1920, slide-3840 and A3 at 300 dpi (PNG; A3 also as PDF), from the click to the saved
// file. Baseline, in the same browser: page.screenshot() of the same 1280×800 view. Prints a
// table, then one JSON line per figure: {"name","scale","value","unit","baseline","ratio"}.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { launchBrowser } from "../tests/browser/browser.ts";
import type { PresetName } from "../src/export/presets.ts";
import { median } from "./lib/bench/sample-stats.ts";
import { exportTo, newSnapshotPage, openComposer, serveApp } from "./lib/snapshot-app.ts";

const VIEWPORT = { width: 1280, height: 800 };
const VIEW = "#map=13/25.045/102.705";
const CASES: ReadonlyArray<{ preset: PresetName; format: "png" | "pdf" }> = [
  { preset: "slide-1920", format: "png" },
  { preset: "slide-3840", format: "png" },
  { preset: "a3-landscape-300", format: "png" },
  { preset: "a3-landscape-300", format: "pdf" },
];

const { values } = parseArgs({ options: { runs: { type: "string", default: "3" } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1 || runs > 20) throw new Error(`--runs must be a whole number from 1 to 20, not "${values.runs}"`);

interface Row {
  name: string;
  value: number | null;
  baseline: number | null;
  mapMs: number | null;
  encodeMs: number | null;
  tiles: string;
  kilobytes: number | null;
}

const folder = mkdtempSync(join(tmpdir(), "party-map-bench-snapshot-"));
const app = await serveApp({ build: true });
const browser = await launchBrowser();
const rows: Row[] = [];
try {
  const page = await newSnapshotPage(browser, VIEWPORT);
  await openComposer(page, new URL(`./?snapshot=slide-1920${VIEW}`, app.url).href, 180_000);
  const screenshots: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await page.screenshot();
    screenshots.push(performance.now() - started);
  }
  const baseline = median(screenshots);
  rows.push({ name: "screenshot-1280x800", value: baseline, baseline, mapMs: null, encodeMs: null, tiles: "", kilobytes: null });
  for (const { preset, format } of CASES) {
    await page.getByTestId("snapshot-preset").selectOption(preset);
    await page.getByTestId(`snapshot-format-${format}`).check();
    // Let the preview of the new preset finish, so it is not counted as export time.
    await page.waitForSelector('[data-testid="snapshot-preview"][data-state="ready"]', { timeout: 180_000 });
    const samples: Array<{ wall: number; map: number; encode: number; tiles: string; bytes: number }> = [];
    for (let run = 0; run < runs; run += 1) {
      const out = join(folder, `${preset}-${run}.${format}`);
      const timing = await exportTo(page, "snapshot-export", out, 600_000);
      samples.push({
        wall: timing.wallMs,
        map: Number(timing.reported.mapMs),
        encode: Number(timing.reported.encodeMs),
        tiles: timing.reported.tiles ?? "",
        bytes: statSync(out).size,
      });
      console.log(
        `  ${preset} ${format} run ${run + 1}: ${(timing.wallMs / 1000).toFixed(2)} s (map ${timing.reported.mapMs} ms, encode ${timing.reported.encodeMs} ms)`,
      );
    }
    rows.push({
      name: `export-${preset}-${format}`,
      value: median(samples.map((sample) => sample.wall)),
      baseline,
      mapMs: median(samples.map((sample) => sample.map)),
      encodeMs: median(samples.map((sample) => sample.encode)),
      tiles: samples[0]?.tiles ?? "",
      kilobytes: median(samples.map((sample) => sample.bytes / 1024)),
    });
  }
} finally {
  await browser.close();
  await app.close();
  rmSync(folder, { recursive: true, force: true });
}

const ms = (value: number | null) => (value === null ? "—" : `${Math.round(value).toLocaleString("en-US")} ms`);
const table = [
  ["figure", "median", "screenshot", "ratio", "map drawing", "encoding", "tiles", "file"],
  ...rows.map((row) => [
    row.name,
    ms(row.value),
    ms(row.baseline),
    row.value !== null && row.baseline ? (row.value / row.baseline).toFixed(1) : "—",
    ms(row.mapMs),
    ms(row.encodeMs),
    row.tiles,
    row.kilobytes === null ? "" : `${Math.round(row.kilobytes).toLocaleString("en-US")} KB`,
  ]),
];
const widths = (table[0] ?? []).map((_title, column) => Math.max(...table.map((cells) => (cells[column] ?? "").length)));
console.log(`\nSnapshot exports, median of ${runs} run(s), ${VIEWPORT.width}×${VIEWPORT.height} view at ${VIEW}\n`);
for (const cells of table)
  console.log(cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join("  "));
console.log("");
for (const row of rows) {
  const ratio = row.value !== null && row.baseline ? Math.round((row.value / row.baseline) * 100) / 100 : null;
  console.log(
    JSON.stringify({
      name: row.name,
      scale: "city",
      value: row.value === null ? null : Math.round(row.value),
      unit: "ms",
      baseline: row.baseline === null ? null : Math.round(row.baseline),
      ratio,
    }),
  );
}
