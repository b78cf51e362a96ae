// Vector tiles for static hosting: `npm run tiles -- <dataset folder> [--out <file>] [--maxzoom N] [--with-personal-data]`.
// Writes one PMTiles archive (default <folder>/tiles.pmtiles) and prints what went into it.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { describeIssue } from "../src/data/validate.ts";
import { type BuildReport, buildTiles } from "./lib/tiles/build-tiles.ts";
import { readDataset } from "./lib/read-dataset.ts";
import { DEFAULT_MAX_ZOOM } from "./lib/tiles/tile-layers.ts";
import { indicatorsFile, registerTiles } from "./lib/tiles/tiled-indicators.ts";

const USAGE = "usage: npm run tiles -- <dataset folder> [--out <file>] [--maxzoom N] [--with-personal-data] [--no-register]";

function size(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function printReport(report: BuildReport, out: string, seconds: number): void {
  const { archive } = report;
  console.log("\nzoom   tiles    avg MVT    largest MVT (z/x/y: features per layer)");
  report.zooms.forEach((zoom, z) => {
    if (zoom.tiles === 0) return;
    const largest = zoom.largest;
    const where =
      largest === null
        ? ""
        : `${z}/${largest.x}/${largest.y}: ${Object.entries(largest.features)
            .map(([layer, count]) => `${layer} ${count}`)
            .join(", ")}`;
    console.log(
      `${String(z).padStart(4)} ${String(zoom.tiles).padStart(7)} ${size(zoom.bytes / zoom.tiles).padStart(10)} ${size(largest?.bytes ?? 0).padStart(10)}  ${where}`,
    );
  });
  console.log(`\n${archive.addressedTiles} tiles in ${archive.tileEntries} directory entries, ${archive.tileContents} distinct contents`);
  console.log(`deduplication: ${archive.duplicateTiles} repeated tiles, ${size(archive.duplicateBytes)} not stored`);
  console.log(
    `directories: root ${size(archive.rootDirectoryBytes)}, ${archive.leafDirectories} leaves ${size(archive.leafDirectoryBytes)}; metadata ${size(archive.metadataBytes)}`,
  );
  console.log(`${out}: ${size(archive.archiveBytes)} (tile data ${size(archive.tileDataBytes)} gzip), z${archive.minZoom}-${archive.maxZoom}`);
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(
    `time ${seconds.toFixed(1)} s (read + index ${report.seconds.index.toFixed(1)} s, cut + write ${report.seconds.tiles.toFixed(1)} s); peak memory ${size(peak)}`,
  );
}

try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: "string" },
      maxzoom: { type: "string" },
      "with-personal-data": { type: "boolean", default: false },
      "no-register": { type: "boolean", default: false },
    },
  });
  const folder = positionals[0];
  if (folder === undefined || positionals.length > 1) throw new Error(USAGE);
  const maxZoom = values.maxzoom === undefined ? DEFAULT_MAX_ZOOM : Number(values.maxzoom);
  const out = resolve(values.out ?? resolve(folder, "tiles.pmtiles"));
  const started = performance.now();
  const report = buildTiles(resolve(folder), { out, maxZoom, includePersonalData: values["with-personal-data"], log: (line) => console.log(line) });
  if (report.problems.length > 0) {
    console.warn(`\n${report.problems.length} contract problems; the features concerned are not in the tiles. First ones:`);
    for (const issue of report.problems.slice(0, 10)) console.warn(`  ${describeIssue(issue)}`);
  }
  printReport(report, out, (performance.now() - started) / 1000);
  if (!values["no-register"]) {
    // The browser draws tiled datasets from the archive, so the engine's figures are computed now.
    const analysed = performance.now();
    registerTiles(resolve(folder), out, indicatorsFile(readDataset(resolve(folder))));
    console.log(`indicators.json and manifest updated in ${((performance.now() - analysed) / 1000).toFixed(1)} s`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
