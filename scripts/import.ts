// Import without a browser: `npm run import -- <files...> --layer <layer> --dataset <folder> --out <folder>`
// [--crs gcj02|bd09|EPSG:4543|…] [--map field=column …] [--point-outline 30] [--merge join|replace] [--lang zh|en].
// Reads the files with the app's own import code, checks them against the dataset (parent codes
// and areas), writes the valid features as <out>/<layer>.geojson and every problem to
// <out>/report.json and, in words, to stderr. With --merge, <out> becomes a whole dataset folder:
// the base dataset's files with the imported layer joined in (or replacing it), ready to deploy or
// to tile (`npm run tiles -- <out>`). Exit codes: 0 when the valid features were written;
// 1 when nothing could be loaded (no layer file is written); 2 for a wrong command line.
import { createWriteStream, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { LAYER_NAMES, type LayerName } from "../src/data/contract.ts";
import { importLayer, type ImportResult } from "../src/data/import/import-layer.ts";
import { describeEntry, entryMessage, type ReportLanguage } from "../src/data/import/messages.ts";
import { readDatasetContext } from "./lib/import/dataset-context.ts";
import { mergeIntoDataset } from "./lib/import/merge-dataset.ts";
import { fileInput } from "./lib/import/node-input.ts";

const USAGE =
  "usage: npm run import -- <files...> --layer <layer> --dataset <dataset folder> --out <folder> [--crs <system>] [--map field=column] [--point-outline <metres>] [--merge join|replace] [--lang zh|en]";
const SHOWN_ON_STDERR = 200;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

async function writeLayer(path: string, result: ImportResult): Promise<void> {
  // Feature by feature: the output of a 200 MB import is never one string.
  const temporary = `${path}.partial`;
  const stream = createWriteStream(temporary);
  let failure: Error | undefined;
  stream.on("error", (error) => (failure = error));
  const write = async (text: string) => {
    if (failure) throw failure;
    if (!stream.write(text)) await new Promise((resolve) => stream.once("drain", resolve));
  };
  await write('{"type":"FeatureCollection","features":[\n');
  const { features } = result.collection;
  let batch: string[] = [];
  for (let index = 0; index < features.length; index++) {
    batch.push(`${JSON.stringify(features[index])}${index + 1 < features.length ? "," : ""}\n`);
    if (batch.length === 1000) {
      await write(batch.join(""));
      batch = [];
    }
  }
  await write(`${batch.join("")}]}\n`);
  await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
  if (failure) throw failure;
  renameSync(temporary, path);
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        layer: { type: "string" },
        dataset: { type: "string" },
        out: { type: "string" },
        crs: { type: "string" },
        map: { type: "string", multiple: true },
        "point-outline": { type: "string" },
        merge: { type: "string" },
        lang: { type: "string", default: "zh" },
      },
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const layer = values.layer as LayerName | undefined;
  if (positionals.length === 0) fail("no files given");
  if (!layer || !LAYER_NAMES.includes(layer)) fail(`--layer must be one of ${LAYER_NAMES.join(", ")}`);
  if (!values.out) fail("--out is required");
  const language: ReportLanguage = values.lang === "en" ? "en" : "zh";
  const mapping: Record<string, string> = {};
  for (const pair of values.map ?? []) {
    const [field, ...column] = pair.split("=");
    if (!field || column.length === 0) fail(`--map takes field=column, not "${pair}"`);
    mapping[field] = column.join("=");
  }
  const merge = values.merge;
  if (merge !== undefined && merge !== "join" && merge !== "replace") fail("--merge takes join or replace");
  if (merge !== undefined && !values.dataset) fail("--merge needs --dataset (the folder to merge into)");
  const outline = values["point-outline"] === undefined ? undefined : Number(values["point-outline"]);
  if (outline !== undefined && !(outline > 0)) fail("--point-outline takes a radius in metres");

  const { context, notes } = values.dataset
    ? readDatasetContext(values.dataset)
    : { context: undefined, notes: ["no --dataset: parent codes and areas are not checked"] };
  for (const note of notes) process.stderr.write(`${note}\n`);
  const inputs = await Promise.all(positionals.map(fileInput));
  const started = performance.now();
  const result = await importLayer(inputs, { layer, crs: values.crs, mapping, pointOutlineMetres: outline }, context);
  const seconds = (performance.now() - started) / 1000;

  mkdirSync(values.out, { recursive: true });
  const layerPath = join(values.out, `${layer}.geojson`);
  rmSync(layerPath, { force: true });
  const entries = result.report.entries.map((entry) => ({ ...entry, message: { zh: entryMessage(entry, "zh"), en: entryMessage(entry, "en") } }));
  const report = {
    layer,
    files: result.sources.map(({ mapping: used, ...summary }) => ({ ...summary, crs: summary.crs?.id ?? null, mapping: used })),
    total: result.total,
    loaded: result.loaded,
    notLoaded: result.total - result.loaded,
    outlined: result.outlined,
    counts: result.report.counts,
    omitted: result.report.omitted,
    seconds: Math.round(seconds * 10) / 10,
    /** Peak resident memory of the whole process, in MiB (maxRSS is in KiB). */
    peakMemoryMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    entries,
  };
  writeFileSync(join(values.out, "report.json"), `${JSON.stringify(report, null, 1)}\n`);
  for (const entry of result.report.entries.slice(0, SHOWN_ON_STDERR)) process.stderr.write(`${describeEntry(entry, language)}\n`);
  const hidden = result.report.entries.length - SHOWN_ON_STDERR + Object.values(result.report.omitted).reduce((sum, count) => sum + (count ?? 0), 0);
  if (hidden > 0) process.stderr.write(`… ${hidden} more in report.json\n`);
  const counts = result.report.counts;
  const summary =
    language === "zh"
      ? `${layer}:共 ${result.total} 个要素,载入 ${result.loaded} 个,未载入 ${result.total - result.loaded} 个(错误 ${counts.error},警告 ${counts.warning},提示 ${counts.info})`
      : `${layer}: ${result.total} features, ${result.loaded} loaded, ${result.total - result.loaded} not loaded (${counts.error} errors, ${counts.warning} warnings, ${counts.info} notes)`;
  process.stderr.write(`${summary}\n`);
  if (result.loaded === 0) process.exit(1);
  if (merge !== undefined && values.dataset) {
    const files = mergeIntoDataset(
      values.dataset,
      values.out,
      {
        layer,
        mode: merge,
        files: positionals.map((path) => basename(path)),
        collection: result.collection,
        total: result.total,
        loaded: result.loaded,
        outlined: result.outlined,
      },
      new Date().toISOString().slice(0, 10),
    );
    process.stderr.write(`${values.out}: ${files.join(", ")}, report.json\n`);
    return;
  }
  await writeLayer(layerPath, result);
  process.stderr.write(`${layerPath}\n`);
}

await main();
