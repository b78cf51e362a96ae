// Prepares the generated datasets the app serves but the repository does not hold: the whole of
// Yunnan (data/README.md, "Yunnan province"). `npm start` and the browser tests run it first.
// Deterministic and cached: the output is rebuilt only when its inputs change (a stamp of the
// hashed sources, generator and tile builder), so a second start costs a second.
//
//   tsx scripts/prepare-data.ts [--force] [--threads N]
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { DEFAULT_SEED } from "../data/scripts/generate.ts";
import { generateWith } from "../data/scripts/lib/dataset.ts";
import { defaultThreads, runInThreads } from "../data/scripts/lib/parallel.ts";
import { readDataset } from "./lib/read-dataset.ts";
import { buildTiles } from "./lib/tiles/build-tiles.ts";
import { indicatorsFile, registerTiles } from "./lib/tiles/tiled-indicators.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
/** The GeoJSON the generator writes: large, never served, never committed. */
export const PROVINCE_GEOJSON = resolve(ROOT, "data/generated/yunnan");
/** What the app serves: manifest, tiles and indicators. */
export const PROVINCE_PUBLIC = resolve(ROOT, "public/data/yunnan");
const STAMP = ".stamp";
const INPUTS = ["data/sources/yunnan", "data/scripts/lib", "data/scripts/generate.ts", "scripts/lib/tiles", "src/data", "src/domain", "scripts/prepare-data.ts"];

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).toSorted().flatMap((name) => filesUnder(join(path, name)));
}

/** A hash of every input file's path and bytes (tests excluded: they do not change the output). */
export function inputStamp(seed: number): string {
  const hash = createHash("sha256").update(`seed ${seed}\n`);
  for (const input of INPUTS.flatMap((name) => filesUnder(resolve(ROOT, name))).filter((path) => !/\.test\.tsx?$/.test(path))) {
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
  const threads = options.threads ?? defaultThreads();
  log(`Generating the Yunnan dataset on ${threads} thread(s); this happens once and is cached…`);
  const summary = await generateWith({ seed: DEFAULT_SEED, scale: "province", outDir: PROVINCE_GEOJSON }, runInThreads(threads));
  const counts = Object.entries(summary.counts).map(([layer, count]) => `${count.toLocaleString("en-US")} ${layer}`).join(", ");
  log(`  generated ${counts} in ${(summary.milliseconds / 1000).toFixed(1)} s`);

  rmSync(PROVINCE_PUBLIC, { recursive: true, force: true });
  mkdirSync(PROVINCE_PUBLIC, { recursive: true });
  const tilesStarted = performance.now();
  const archive = join(PROVINCE_PUBLIC, "tiles.pmtiles");
  const report = buildTiles(PROVINCE_GEOJSON, { out: archive });
  log(`  tiles: ${(report.archive.archiveBytes / 1e6).toFixed(1)} MB in ${((performance.now() - tilesStarted) / 1000).toFixed(1)} s`);
  const indicators = indicatorsFile(readDataset(PROVINCE_GEOJSON));
  // The served copy has no layer files: the map draws from the tiles, the figures come with them.
  const manifest = JSON.parse(readFileSync(join(PROVINCE_GEOJSON, "manifest.json"), "utf8")) as Record<string, unknown>;
  writeFileSync(join(PROVINCE_PUBLIC, "manifest.json"), `${JSON.stringify({ ...manifest, layers: {} }, null, 2)}\n`);
  registerTiles(PROVINCE_PUBLIC, archive, indicators);
  writeFileSync(stampFile, `${stamp}\n`);
  log(`Yunnan dataset ready in ${((performance.now() - started) / 1000).toFixed(1)} s: ${relative(ROOT, PROVINCE_PUBLIC)}`);
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { values } = parseArgs({ options: { force: { type: "boolean", default: false }, threads: { type: "string" } } });
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads > 0)) throw new Error(`--threads must be a positive integer, not "${values.threads}"`);
  await prepareProvince({ force: values.force, ...(threads ? { threads } : {}) });
}
