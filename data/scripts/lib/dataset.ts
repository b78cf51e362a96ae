/**
 * Generates a whole dataset (manifest + six layer files) into a directory, or regenerates some
 * districts in place. This is the function the CLI and the tests call; it is the only module here
 * that touches the file system besides reading sources.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { LAYER_NAMES, type LayerName } from "../../../src/data/contract.ts";
import { checkLayer } from "./contract-check.ts";
import { generateDistrict, type DistrictJob, type DistrictOutput } from "./district-generator.ts";
import { collectionText, featureLine, parseCollectionText, type FeatureLine } from "./feature-file.ts";
import { CITY_DENSITY, type Density } from "./household-plan.ts";
import { buildManifest, CITY_IDENTITY, layerFile, PROVINCE_IDENTITY } from "./manifest.ts";
import { bboxOf, type BBox, type Point } from "./polygon.ts";
import { provinceSources } from "./province-layout.ts";
import { readSources, type Sources } from "./source-data.ts";
import { missingStationStreets } from "./street-traits.ts";
import { urbanCoreOf } from "./urban-cores.ts";

export type Scale = "city" | "province";

/** The province set packs more compounds and grids per community to reach its stress targets. */
export const PROVINCE_DENSITY: Density = { compounds: 1.4, grids: 1.05 };

export interface GenerateOptions {
  seed: number;
  outDir: string;
  /** Regenerate only these district codes; other districts' features are kept from outDir. */
  districts?: readonly string[];
  scale?: Scale;
  sourcesDir?: string;
  log?: (message: string) => void;
}

export interface GenerateSummary {
  counts: Record<LayerName, number>;
  /** File name → size in bytes, manifest included. */
  bytes: Record<string, number>;
  milliseconds: number;
  regenerated: string[];
}

const DEFAULT_SOURCES = fileURLToPath(new URL("../../sources/", import.meta.url));

export function generate(options: GenerateOptions): GenerateSummary {
  const started = performance.now();
  const scale = options.scale ?? "city";
  const log = options.log ?? (() => {});
  const kunming = readSources(options.sourcesDir ?? DEFAULT_SOURCES);
  const { sources, offsets } = scale === "province" ? provinceSources(kunming) : { sources: kunming, offsets: new Map<string, Point>() };
  const jobs = planJobs(sources, options.seed, scale === "province" ? PROVINCE_DENSITY : CITY_DENSITY, offsets);
  const selected = selectJobs(jobs, options.districts);

  const fresh: Record<LayerName, FeatureLine[]> = { districts: [], streets: [], communities: [], grids: [], compounds: [], stations: [] };
  for (const job of selected) {
    const districtStarted = performance.now();
    const output = generateDistrict(job);
    for (const layer of LAYER_NAMES) {
      checkLayer(layer, output[layer]);
      for (const feature of output[layer]) fresh[layer].push({ id: feature.id, line: featureLine(feature) });
    }
    log(`  ${job.district.code} ${job.district.name}: ${describe(output)} (${Math.round(performance.now() - districtStarted)} ms)`);
  }

  mkdirSync(options.outDir, { recursive: true });
  const regenerated = new Set(selected.map((job) => job.district.code));
  const ownerOf = districtOwner(sources);
  const counts = {} as Record<LayerName, number>;
  const bytes: Record<string, number> = {};
  for (const layer of LAYER_NAMES) {
    const path = join(options.outDir, layerFile(layer));
    let lines = fresh[layer];
    if (options.districts) {
      if (!existsSync(path)) throw new Error(`${path} does not exist: run a full generation before regenerating single districts`);
      const kept = parseCollectionText(readFileSync(path, "utf8")).filter((entry) => !regenerated.has(ownerOf(entry.id)));
      checkLayer(layer, kept.map((entry) => entry.feature));
      lines = [...kept, ...lines];
    }
    const text = collectionText(lines);
    writeFileSync(path, text);
    counts[layer] = lines.length;
    bytes[layerFile(layer)] = Buffer.byteLength(text);
  }
  const identity = scale === "province" ? PROVINCE_IDENTITY : CITY_IDENTITY;
  const manifestText = `${JSON.stringify(buildManifest(identity, datasetBBox(sources), scale === "province"), null, 2)}\n`;
  writeFileSync(join(options.outDir, "manifest.json"), manifestText);
  bytes["manifest.json"] = Buffer.byteLength(manifestText);
  return { counts, bytes, milliseconds: performance.now() - started, regenerated: [...regenerated] };
}

function planJobs(sources: Sources, seed: number, density: Density, offsets: ReadonlyMap<string, Point>): DistrictJob[] {
  const missingStations = missingStationStreets(seed, sources.streets.map((street) => street.code));
  const lakes = sources.lakes.map((lake) => lake.area);
  return sources.districts
    .toSorted((a, b) => (a.code < b.code ? -1 : 1))
    .map((district) => {
      const streets = sources.streets.filter((street) => street.districtCode === district.code);
      const streetCodes = new Set(streets.map((street) => street.code));
      const core = urbanCoreOf(district.code, offsets.get(district.code));
      const [west, south, east, north] = bboxOf(district.area);
      return {
        seed,
        district,
        lakes,
        streets,
        communities: sources.communities.filter((community) => streetCodes.has(community.streetCode)),
        // A district outside the known table (other data) gets its bbox centre as a county core.
        core: core ?? { kind: "county" as const, point: [(west + east) / 2, (south + north) / 2] as const },
        missingStations,
        density,
      };
    });
}

function selectJobs(jobs: readonly DistrictJob[], districts: readonly string[] | undefined): DistrictJob[] {
  if (!districts) return jobs.slice();
  const known = new Set(jobs.map((job) => job.district.code));
  const unknown = districts.filter((code) => !known.has(code));
  if (unknown.length > 0) throw new Error(`unknown district code(s): ${unknown.join(", ")}`);
  return jobs.filter((job) => districts.includes(job.district.code));
}

/** Which district a feature id belongs to: ids start with a 6-, 9- or 12-digit code. */
function districtOwner(sources: Sources): (id: string) => string {
  const streetDistrict = new Map(sources.streets.map((street) => [street.code, street.districtCode]));
  return (id) => {
    const code = id.split("-")[0] ?? id;
    if (code.length === 6) return code;
    const owner = streetDistrict.get(code.slice(0, 9));
    if (!owner) throw new Error(`cannot tell which district feature ${id} belongs to`);
    return owner;
  };
}

/** Rounded outwards to 4 decimals (about 10 m) so the box still contains every district. */
const down = (value: number) => Math.floor(value * 1e4) / 1e4;
const up = (value: number) => Math.ceil(value * 1e4) / 1e4;

function datasetBBox(sources: Sources): BBox {
  const boxes = sources.districts.map((district) => bboxOf(district.area));
  return [
    down(Math.min(...boxes.map((box) => box[0]))),
    down(Math.min(...boxes.map((box) => box[1]))),
    up(Math.max(...boxes.map((box) => box[2]))),
    up(Math.max(...boxes.map((box) => box[3]))),
  ];
}

function describe(output: DistrictOutput): string {
  return LAYER_NAMES.filter((layer) => layer !== "districts").map((layer) => `${output[layer].length} ${layer}`).join(", ");
}
