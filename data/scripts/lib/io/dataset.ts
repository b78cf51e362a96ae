/**
 * Generates a whole dataset (manifest + six layer files) into a directory, or regenerates some
 * districts in place. This is the function the CLI and the tests call; it is the only module here
 * that touches the file system besides reading sources.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { LAYER_NAMES, type LayerName } from "../../../../src/data/contract.ts";
import { checkLayer } from "./contract-check.ts";
import { generateDistrict, type DistrictJob, type DistrictOutput } from "../generator/district-generator.ts";
export type { DistrictJob };
import { collectionText, featureLine, parseCollectionText, type FeatureLine } from "./feature-file.ts";
import { calibrationTargets, type PrefectureTarget } from "../generator/census-calibration.ts";
import { unionAreas } from "../geometry/clip.ts";
import type { GeneratedFeature } from "./generated-feature.ts";
import { CITY_DENSITY, type Density } from "../generator/household-plan.ts";
import type { MultiPolygon, Polygon } from "geojson";
import { AS_OF, buildManifest, CITY_IDENTITY, layerFile, PROVINCE_IDENTITY, REGISTERED_UNITS_FILE, TARGETS_FILE } from "./manifest.ts";
import { registeredUnitsOf, targetsFileText, type CommunityForUnits } from "../generator/programmes.ts";
import { bboxOf, toArea, toGeometry, type BBox } from "../geometry/polygon.ts";
import { roundArea } from "../geometry/precision.ts";
import { readSources, sourcesOf, type Sources } from "../sources/source-data.ts";
import { stationIssueStreets } from "../generator/street-traits.ts";
import { urbanCoreOf } from "../generator/urban-cores.ts";

export type Scale = "city" | "province";

/** The city dataset is this prefecture's part of the province. */
export const CITY_PREFECTURE = "5301";

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

const DEFAULT_SOURCES = fileURLToPath(new URL("../../../sources/", import.meta.url));

/** Each county job's output as file lines, the unit the workers return. */
export type DistrictLines = Record<Exclude<LayerName, "prefectures">, FeatureLine[]>;

interface Plan {
  sources: Sources;
  selected: DistrictJob[];
}

/** The sources and the county jobs a generation runs. */
export function plan(options: GenerateOptions): Plan {
  const scale = options.scale ?? "city";
  const all = readSources(options.sourcesDir ?? DEFAULT_SOURCES);
  // Every draw depends only on the seed and the unit's own code, and the calibration targets only
  // on the prefecture: the city is exactly the province's features of its prefecture.
  const sources = scale === "province" ? all : sourcesOf(all, [CITY_PREFECTURE]);
  const jobs = planJobs(sources, all, options.seed, CITY_DENSITY);
  return { sources, selected: selectJobs(jobs, options.districts) };
}

/** Generates one county and checks it against the contract: what a worker thread runs. */
export function districtLines(job: DistrictJob): { lines: DistrictLines; summary: string } {
  const started = performance.now();
  const output = generateDistrict(job);
  const lines = {} as DistrictLines;
  for (const layer of DISTRICT_LAYERS) {
    checkLayer(layer, output[layer]);
    lines[layer] = output[layer].map((feature) => ({ id: feature.id, line: featureLine(feature) }));
  }
  return { lines, summary: `${job.district.code} ${job.district.name}: ${describe(output)} (${Math.round(performance.now() - started)} ms)` };
}

export function generate(options: GenerateOptions): GenerateSummary {
  const started = performance.now();
  const { sources, selected } = plan(options);
  const outputs = selected.map((job) => {
    const { lines, summary } = districtLines(job);
    options.log?.(`  ${summary}`);
    return lines;
  });
  return write(options, sources, selected, outputs, started);
}

/**
 * The same as `generate`, with the counties spread over worker threads (`run` maps jobs to
 * outputs in job order; see parallel.ts). The files are byte-identical to `generate`'s.
 */
export async function generateWith(
  options: GenerateOptions,
  run: (jobs: readonly DistrictJob[], log: (message: string) => void) => Promise<DistrictLines[]>,
): Promise<GenerateSummary> {
  const started = performance.now();
  const { sources, selected } = plan(options);
  const outputs = await run(selected, options.log ?? (() => {}));
  return write(options, sources, selected, outputs, started);
}

function write(
  options: GenerateOptions,
  sources: Sources,
  selected: readonly DistrictJob[],
  outputs: readonly DistrictLines[],
  started: number,
): GenerateSummary {
  const scale = options.scale ?? "city";
  const fresh: Record<LayerName, FeatureLine[]> = { prefectures: [], districts: [], streets: [], communities: [], grids: [], compounds: [], stations: [] };
  if (!options.districts) {
    const prefectures = prefectureFeatures(sources);
    checkLayer("prefectures", prefectures);
    for (const feature of prefectures) fresh.prefectures.push({ id: feature.id, line: featureLine(feature) });
  }
  for (const output of outputs) for (const layer of DISTRICT_LAYERS) for (const line of output[layer]) fresh[layer].push(line);

  mkdirSync(options.outDir, { recursive: true });
  const regenerated = new Set(selected.map((job) => job.district.code));
  const ownerOf = districtOwner(sources);
  const counts = {} as Record<LayerName, number>;
  const bytes: Record<string, number> = {};
  const written = {} as Record<LayerName, readonly FeatureLine[]>;
  for (const layer of LAYER_NAMES) {
    const path = join(options.outDir, layerFile(layer));
    let lines = fresh[layer];
    if (options.districts && layer === "prefectures") {
      lines = parseCollectionText(readFileSync(path, "utf8"));
    } else if (options.districts) {
      if (!existsSync(path)) throw new Error(`${path} does not exist: run a full generation before regenerating single districts`);
      const kept = parseCollectionText(readFileSync(path, "utf8")).filter((entry) => !regenerated.has(ownerOf(entry.id)));
      checkLayer(
        layer,
        kept.map((entry) => entry.feature),
      );
      lines = [...kept, ...lines];
    }
    const text = collectionText(lines);
    written[layer] = lines;
    writeFileSync(path, text);
    counts[layer] = lines.length;
    bytes[layerFile(layer)] = Buffer.byteLength(text);
  }
  for (const [file, text] of Object.entries(programmeFiles(written))) {
    writeFileSync(join(options.outDir, file), text);
    bytes[file] = Buffer.byteLength(text);
  }
  const identity = scale === "province" ? PROVINCE_IDENTITY : CITY_IDENTITY;
  const manifestText = `${JSON.stringify(buildManifest(identity, datasetBBox(sources), scale === "province"), null, 2)}\n`;
  writeFileSync(join(options.outDir, "manifest.json"), manifestText);
  bytes["manifest.json"] = Buffer.byteLength(manifestText);
  return { counts, bytes, milliseconds: performance.now() - started, regenerated: [...regenerated] };
}

/**
 * The programme files (targets, registered units) from the written layers: each community's units
 * stand around its county's seat, the township of the lowest code (a 街道 where there is one).
 */
function programmeFiles(written: Record<LayerName, readonly FeatureLine[]>): Record<string, string> {
  const parse = <P>(layer: LayerName) => written[layer].map((entry) => JSON.parse(entry.line) as { properties: P; geometry: Polygon | MultiPolygon });
  const districtNames = new Map(parse<{ code: string; name: string }>("districts").map((feature) => [feature.properties.code, feature.properties.name]));
  const streets = parse<{ code: string; districtCode: string; kind?: string }>("streets");
  const districtOfStreet = new Map(streets.map((street) => [street.properties.code, street.properties.districtCode]));
  // Lines are in code order: the first 街道 of a county, else its first township, is its seat.
  const seatStreets = new Map<string, (typeof streets)[number]>();
  for (const street of streets) {
    const seat = seatStreets.get(street.properties.districtCode);
    if (!seat || (seat.properties.kind !== "街道" && street.properties.kind === "街道")) seatStreets.set(street.properties.districtCode, street);
  }
  const seats = new Map(
    [...seatStreets].map(([district, street]) => {
      const [west, south, east, north] = bboxOf(toArea(street.geometry));
      return [district, [(west + east) / 2, (south + north) / 2] as const];
    }),
  );
  const units = parse<CommunityForUnits & { streetCode: string }>("communities").flatMap((feature) => {
    const district = districtOfStreet.get(feature.properties.streetCode) ?? "";
    const seat = seats.get(district);
    return seat ? registeredUnitsOf(feature.properties, districtNames.get(district) ?? "", seat) : [];
  });
  const lines = units.map((unit) => ({
    id: unit.properties.id,
    line: featureLine({ id: unit.properties.id, properties: unit.properties, geometry: { type: "Point", coordinates: unit.coordinates } }),
  }));
  return { [REGISTERED_UNITS_FILE]: collectionText(lines), [TARGETS_FILE]: targetsFileText() };
}

/** Layers a district job writes; prefectures are written once for the whole dataset. */
const DISTRICT_LAYERS = LAYER_NAMES.filter((layer): layer is Exclude<LayerName, "prefectures"> => layer !== "prefectures");

/** The prefectures' outlines: the extract's, or the union of their counties where it has none. */
function prefectureFeatures(sources: Sources): GeneratedFeature<{ code: string; name: string }>[] {
  return sources.prefectures.map((prefecture) => {
    const counties = sources.districts.filter((district) => district.prefectureCode === prefecture.code);
    const area = prefecture.area ?? counties.map((county) => county.area).reduce((union, next) => unionAreas(union, next));
    return { id: prefecture.code, properties: { code: prefecture.code, name: prefecture.name }, geometry: toGeometry(roundArea(area, 6)) };
  });
}

/**
 * One job per county. Station problems and calibration targets come from `all` (the province)
 * so that a county's output is the same whether the province or only its city is generated.
 */
function planJobs(sources: Sources, all: Sources, seed: number, density: Density): DistrictJob[] {
  const eligible = all.streets.filter((street) => street.kind !== "其他").map((street) => street.code);
  const stationIssues = stationIssueStreets(seed, eligible);
  const targets = calibrationTargets(all);
  const lakes = all.lakes.map((lake) => lake.area);
  return sources.districts
    .toSorted((a, b) => (a.code < b.code ? -1 : 1))
    .map((district) => {
      const streets = sources.streets.filter((street) => street.districtCode === district.code);
      const streetCodes = new Set(streets.map((street) => street.code));
      const core = urbanCoreOf(district.code);
      const [west, south, east, north] = bboxOf(district.area);
      const target = targets.get(district.prefectureCode);
      if (!target) throw new Error(`no census figures for prefecture ${district.prefectureCode} (county ${district.code})`);
      return {
        seed,
        district,
        lakes,
        streets,
        communities: sources.communities.filter((community) => streetCodes.has(community.streetCode)),
        // A county outside the known table gets its bbox centre as a county core (snapped onto its land).
        core: core ?? { kind: "county" as const, point: [(west + east) / 2, (south + north) / 2] as const },
        stationIssues,
        density,
        target: target satisfies PrefectureTarget,
        asOf: AS_OF,
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

/** Which district a feature id belongs to: ids start with a 6-, 9- or 12-digit code (prefectures: their own 4). */
function districtOwner(sources: Sources): (id: string) => string {
  const streetDistrict = new Map(sources.streets.map((street) => [street.code, street.districtCode]));
  return (id) => {
    const code = id.split("-")[0] ?? id;
    if (code.length === 6 || code.length === 4) return code;
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
  return DISTRICT_LAYERS.filter((layer) => layer !== "districts")
    .map((layer) => `${output[layer].length} ${layer}`)
    .join(", ");
}
