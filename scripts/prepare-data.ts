// Prepares what the app serves but the repository does not hold: the whole of Yunnan (data/README.md,
// "Yunnan province"), generated, and both Yunnan and the committed Kunming demo as tiled datasets
// (vector tiles, an attribute table for the engine, precomputed indicators), so the city and the
// province reach the browser through one code path. `npm start` and the browser tests run it first.
// Deterministic and cached: each output is rebuilt only when its inputs change (a stamp of the
// hashed sources, generator and tile builder), so a second start costs a second.
//
//   tsx scripts/prepare-data.ts [--force] [--threads N]
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { DEFAULT_SEED } from "../data/scripts/generate.ts";
import { generateWith } from "../data/scripts/lib/io/dataset.ts";
import { defaultThreads, runInThreads } from "../data/scripts/lib/io/parallel.ts";
import { readDataset } from "./lib/read-dataset.ts";
import { buildTiles } from "./lib/tiles/build-tiles.ts";
import { indicatorsFile, registerTiles } from "./lib/tiles/tiled-indicators.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
/** The GeoJSON the generator writes: large, never served, never committed. */
export const PROVINCE_GEOJSON = resolve(ROOT, "data/generated/yunnan");
/** What the app serves: manifest, tiles and indicators. */
export const PROVINCE_PUBLIC = resolve(ROOT, "public/data/yunnan");
/** The committed Kunming demo (GeoJSON, the contract's plain form) and its tiled copy the app serves. */
export const CITY_GEOJSON = resolve(ROOT, "public/data/kunming");
export const CITY_PUBLIC = resolve(ROOT, "public/data/kunming/tiled");
const STAMP = ".stamp";
/** What the generated GeoJSON depends on: the sources, the generator and the contract it writes to. */
const GENERATOR_INPUTS = ["data/sources/yunnan", "data/scripts/lib", "data/scripts/generate.ts", "src/data", "src/domain/random.ts"];
/** What the served copy depends on besides its GeoJSON: the tile builder and the engine that precomputes. */
const SERVING_INPUTS = ["scripts/lib/tiles", "src/data", "src/domain", "scripts/prepare-data.ts"];
const INPUTS = [...GENERATOR_INPUTS, ...SERVING_INPUTS];
const CITY_INPUTS = [
  ...["communities", "compounds", "districts", "grids", "manifest", "prefectures", "stations", "streets"].map(
    (name) => `public/data/kunming/${name}.${name === "manifest" ? "json" : "geojson"}`,
  ),
  ...SERVING_INPUTS,
];

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .toSorted()
    .flatMap((name) => filesUnder(join(path, name)));
}

/** A hash of every input file's path and bytes (tests excluded: they do not change the output). */
export function inputStamp(seed: number, inputs: readonly string[] = INPUTS): string {
  const hash = createHash("sha256").update(`seed ${seed}\n`);
  for (const input of inputs.flatMap((name) => filesUnder(resolve(ROOT, name))).filter((path) => !/\.test\.tsx?$/.test(path))) {
    hash.update(`${relative(ROOT, input)}\n`).update(readFileSync(input));
  }
  return hash.digest("hex");
}

export interface PrepareOptions {
  force?: boolean;
  threads?: number;
  log?: (message: string) => void;
}

/** Generates and tiles the province unless the cached copy is current. Returns whether it built. */
export async function prepareProvince(options: PrepareOptions = {}): Promise<boolean> {
  const log = options.log ?? ((message: string) => console.log(message));
  if (!existsSync(resolve(ROOT, "data/sources/yunnan/counties.geojson"))) throw new Error("data/sources/yunnan/ is missing: run npm run data:sources");
  const stamp = inputStamp(DEFAULT_SEED);
  const stampFile = join(PROVINCE_PUBLIC, STAMP);
  if (!options.force && existsSync(stampFile) && readFileSync(stampFile, "utf8").trim() === stamp) {
    log(`Yunnan dataset is current (${relative(ROOT, PROVINCE_PUBLIC)})`);
    return false;
  }
  const started = performance.now();
  // An engine or tile-builder change re-tiles; only a generator change regenerates (about a minute more).
  const generatedStamp = inputStamp(DEFAULT_SEED, GENERATOR_INPUTS);
  const generatedStampFile = join(PROVINCE_GEOJSON, STAMP);
  if (options.force || !existsSync(generatedStampFile) || readFileSync(generatedStampFile, "utf8").trim() !== generatedStamp) {
    const threads = options.threads ?? defaultThreads();
    log(`Generating the Yunnan dataset on ${threads} thread(s); this happens once and is cached…`);
    const summary = await generateWith({ seed: DEFAULT_SEED, scale: "province", outDir: PROVINCE_GEOJSON }, runInThreads(threads));
    const counts = Object.entries(summary.counts)
      .map(([layer, count]) => `${count.toLocaleString("en-US")} ${layer}`)
      .join(", ");
    log(`  generated ${counts} in ${(summary.milliseconds / 1000).toFixed(1)} s`);
    writeFileSync(generatedStampFile, `${generatedStamp}\n`);
  } else {
    log(`Re-tiling the Yunnan dataset (its GeoJSON is current)…`);
  }

  serveTiled(PROVINCE_GEOJSON, PROVINCE_PUBLIC, log);
  writeFileSync(stampFile, `${stamp}\n`);
  log(`Yunnan dataset ready in ${((performance.now() - started) / 1000).toFixed(1)} s: ${relative(ROOT, PROVINCE_PUBLIC)}`);
  return true;
}

/**
 * Writes the served, tiled copy of a GeoJSON dataset folder: tiles, attribute table and indicators,
 * and a manifest with no layer files (the map draws from the tiles, the engine reads the table).
 */
function serveTiled(source: string, target: string, log: (message: string) => void): void {
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  const tilesStarted = performance.now();
  const archive = join(target, "tiles.pmtiles");
  const report = buildTiles(source, { out: archive });
  log(`  tiles: ${(report.archive.archiveBytes / 1e6).toFixed(1)} MB in ${((performance.now() - tilesStarted) / 1000).toFixed(1)} s`);
  const indicators = indicatorsFile(readDataset(source));
  const { registeredUnits, ...manifest } = JSON.parse(readFileSync(join(source, "manifest.json"), "utf8")) as Record<string, unknown>;
  // The registered units travel in the attribute table; the targets file is served as it is.
  void registeredUnits;
  if (typeof manifest.targets === "string") copyFileSync(join(source, manifest.targets), join(target, manifest.targets));
  writeFileSync(join(target, "manifest.json"), `${JSON.stringify({ ...manifest, layers: {} }, null, 2)}\n`);
  registerTiles(target, archive, indicators);
}

/** Tiles the committed Kunming demo unless its served copy is current. Returns whether it built. */
export function prepareCity(options: PrepareOptions = {}): boolean {
  const log = options.log ?? ((message: string) => console.log(message));
  const stamp = inputStamp(0, CITY_INPUTS);
  const stampFile = join(CITY_PUBLIC, STAMP);
  if (!options.force && existsSync(stampFile) && readFileSync(stampFile, "utf8").trim() === stamp) {
    log(`Kunming tiled copy is current (${relative(ROOT, CITY_PUBLIC)})`);
    return false;
  }
  const started = performance.now();
  log("Tiling the Kunming demo…");
  serveTiled(CITY_GEOJSON, CITY_PUBLIC, log);
  writeFileSync(stampFile, `${stamp}\n`);
  log(`Kunming tiled copy ready in ${((performance.now() - started) / 1000).toFixed(1)} s: ${relative(ROOT, CITY_PUBLIC)}`);
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { values } = parseArgs({ options: { force: { type: "boolean", default: false }, threads: { type: "string" } } });
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads > 0)) throw new Error(`--threads must be a positive integer, not "${values.threads}"`);
  prepareCity({ force: values.force });
  await prepareProvince({ force: values.force, ...(threads ? { threads } : {}) });
}
