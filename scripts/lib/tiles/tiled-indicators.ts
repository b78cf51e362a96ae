// For tiled datasets the browser never holds every polygon, so the engine runs here, when the
// tiles are built: indicators down to townships and label points go to indicators.json (the
// figures shown until the browser's engine is ready), the attribute table the engine works from to
// attributes.bin.gz, and the dataset's manifest gains `tiles`, `indicators` and `attributes`.
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { encodeTables } from "../../../src/data/columnar.ts";
import { modelToTables } from "../../../src/domain/model-table.ts";
import { basename, join, relative } from "node:path";
import { indicatorsFileSchema, type IndicatorsFile } from "../../../src/data/indicators-file.ts";
import { analyze, reportOf } from "../../../src/domain/analysis.ts";
import { labelPoint } from "../../../src/domain/label-point.ts";
import type { LabelPoint } from "../../../src/domain/dataset.ts";
import type { DatasetOnDisk } from "../read-dataset.ts";

export interface TiledIndicators {
  main: IndicatorsFile;
  /** The attribute table the browser's engine works from, gzip-compressed. */
  attributes: Uint8Array;
}

export const ATTRIBUTES_FILE = "attributes.bin.gz";

/** The urban/rural breakdown is not part of the file's flat unit rows. */
function withoutKinds<T extends { byKind?: unknown }>(unit: T): Omit<T, "byKind"> {
  const { byKind: _kinds, ...rest } = unit;
  return rest;
}

export function indicatorsFile(dataset: DatasetOnDisk): TiledIndicators {
  const analysis = analyze(dataset.layers, undefined, dataset.manifest.asOf);
  const report = reportOf(analysis, dataset.manifest.title);
  const labels: LabelPoint[] = [];
  for (const [level, rows] of [
    ["district", analysis.model.districts],
    ["street", analysis.model.streets],
  ] as const) {
    for (const row of rows) {
      const [longitude = 0, latitude = 0] = labelPoint(row.geometry);
      labels.push({ position: [longitude, latitude], name: row.name, code: row.code, level });
    }
  }
  // Checked against the reader's own schema, so a file the app would reject is never written.
  const main = indicatorsFileSchema.parse({
    asOf: dataset.manifest.asOf,
    thresholds: report.thresholds,
    city: withoutKinds(report.city),
    districts: report.districts.map(withoutKinds),
    streets: report.streets,
    gapCount: analysis.gaps.length,
    labels,
  });
  // Grid workers' names are personal data: they stay out of the table, as they stay out of the tiles.
  const model = { ...analysis.model, grids: analysis.model.grids.map((grid) => ({ ...grid, workerName: null })) };
  const { tables, meta } = modelToTables(model, analysis.access);
  const attributes = new Uint8Array(gzipSync(encodeTables(tables, meta), { level: 9 }));
  return { main, attributes };
}

/** Writes indicators.json beside the manifest and points the manifest at it and at the archive. */
export function registerTiles(folder: string, archive: string, indicators: TiledIndicators): void {
  const indicatorsName = "indicators.json";
  writeFileSync(join(folder, indicatorsName), `${JSON.stringify(indicators.main)}\n`);
  writeFileSync(join(folder, ATTRIBUTES_FILE), indicators.attributes);
  const manifestPath = join(folder, "manifest.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Record<string, unknown>;
  const tiles = relative(folder, archive) || basename(archive);
  writeFileSync(manifestPath, `${JSON.stringify({ ...manifest, tiles, indicators: indicatorsName, attributes: ATTRIBUTES_FILE }, null, 2)}\n`);
}
