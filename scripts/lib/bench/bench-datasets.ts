// The two datasets the browser benchmark opens: the embedded city demo and the province stress
// set (git-ignored, generated on demand, drawn from its PMTiles archive). Each scale knows its
// app URL, its baseline URL and where the camera flies, and whether it can run at all.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { Scale } from "./bench-report.ts";
import type { CameraPlan } from "./page-probes.ts";

export const GENERATED_FOLDER = "data/generated";
const PROVINCE_FOLDER = join(GENERATED_FOLDER, "province");

export interface BenchDataset {
  scale: Scale;
  /** App URL relative to the server root, with ?debug=1 so window.partyMap is exposed. */
  appPath: string;
  /** Manifest URL as the server serves it, for the baseline page. */
  manifestPath: string;
  /** Two places the camera flies between: street stations, so there is data in view. */
  places: [[number, number], [number, number]];
}

export type Availability = { ok: true; dataset: BenchDataset } | { ok: false; reason: string };

// Only the fields the benchmark reads; the app's own zod contract validates the rest.
const manifestSchema = z.object({
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  layers: z.object({ stations: z.string() }),
  tiles: z.string().min(1).optional(),
});
const stationsSchema = z.object({
  features: z.array(z.object({ properties: z.object({ level: z.string() }), geometry: z.object({ coordinates: z.tuple([z.number(), z.number()]) }) })),
});

function readManifest(folder: string): z.infer<typeof manifestSchema> {
  return manifestSchema.parse(JSON.parse(readFileSync(join(folder, "manifest.json"), "utf8")));
}

/**
 * The street stations (街道社工站) nearest to 40 %/45 % and 60 %/55 % across the bbox: two places
 * of the dataset some way apart, where compounds are. A bare bbox fraction can land in an empty
 * mountain or outside the province's outline.
 */
export function flightPlaces(folder: string): [[number, number], [number, number]] {
  const manifest = readManifest(folder);
  const [west, south, east, north] = manifest.bbox;
  const stations = stationsSchema
    .parse(JSON.parse(readFileSync(join(folder, manifest.layers.stations), "utf8")))
    .features.filter((station) => station.properties.level === "街道")
    .map((station) => station.geometry.coordinates);
  const nearest = (x: number, y: number): [number, number] => {
    const target: [number, number] = [west + x * (east - west), south + y * (north - south)];
    // Squared degrees are enough to rank candidates a few hundred km apart at most.
    const distance = (point: [number, number]) => (point[0] - target[0]) ** 2 + (point[1] - target[1]) ** 2;
    return stations.reduce((best, station) => (distance(station) < distance(best) ? station : best), stations[0] ?? target);
  };
  return [nearest(0.4, 0.45), nearest(0.6, 0.55)];
}

export function cityDataset(): BenchDataset {
  return {
    scale: "city",
    appPath: "/?debug=1",
    manifestPath: "/data/kunming/manifest.json",
    places: flightPlaces("public/data/kunming"),
  };
}

function npmScriptExists(name: string): boolean {
  const packageJson = z.object({ scripts: z.record(z.string(), z.string()).default({}) }).parse(JSON.parse(readFileSync("package.json", "utf8")));
  return name in packageJson.scripts;
}

function runNpm(args: readonly string[]): void {
  console.log(`$ npm ${args.join(" ")}`);
  const result = spawnSync("npm", args, { stdio: "inherit" });
  if (result.status !== 0) throw new Error(`npm ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
}

/**
 * Makes the province scale runnable if it can be: generates the stress set if missing (about a
 * minute), builds its PMTiles archive with `npm run tiles` if the archive is missing and that
 * script exists, and checks that the manifest names the archive. The app draws the province
 * from tiles; without a `tiles` field it would parse 170 MB of GeoJSON in the page, which is not
 * what this scale is meant to measure.
 */
export function prepareProvince(): Availability {
  if (!existsSync(join(PROVINCE_FOLDER, "manifest.json"))) runNpm(["run", "data", "--", "--scale", "province"]);
  const archive = join(PROVINCE_FOLDER, readManifest(PROVINCE_FOLDER).tiles ?? "tiles.pmtiles");
  if (!existsSync(archive)) {
    if (!npmScriptExists("tiles")) return { ok: false, reason: `${archive} is missing and there is no \`npm run tiles\` script to build it` };
    runNpm(["run", "tiles", "--", PROVINCE_FOLDER]);
    if (!existsSync(archive)) return { ok: false, reason: `\`npm run tiles -- ${PROVINCE_FOLDER}\` ran but ${archive} is still missing` };
  }
  if (readManifest(PROVINCE_FOLDER).tiles === undefined) {
    return { ok: false, reason: `${archive} exists but ${PROVINCE_FOLDER}/manifest.json has no \`tiles\` field naming it, so the app would load 170 MB of GeoJSON instead of the tiles` };
  }
  return {
    ok: true,
    dataset: {
      scale: "province",
      appPath: "/?data=generated/province/manifest.json&debug=1",
      manifestPath: "/generated/province/manifest.json",
      places: flightPlaces(PROVINCE_FOLDER),
    },
  };
}

/** A camera plan of about five seconds: four pans around the start view, then a flight to one place and on to the other. */
export function cameraPlan(places: BenchDataset["places"]): CameraPlan {
  // Zoom 11 is where compounds become more than dots, the view people pan around in.
  return {
    pans: [
      [240, 0],
      [0, 160],
      [-240, 0],
      [0, -160],
    ] as [number, number][],
    panMs: 350,
    flights: [
      { center: places[0], zoom: 11, durationMs: 1600 },
      { center: places[1], zoom: 11, durationMs: 2000 },
    ],
  };
}
