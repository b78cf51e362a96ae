/**
 * CLI for the demo dataset generator. Real names, codes and district outlines; synthetic geometry
 * below district level. All the work is in lib/io/dataset.ts; this file only reads arguments,
 * prints the summary and sets the exit code.
 *
 *   npm run data                               # all of Kunming → public/data/kunming/
 *   npm run data -- --district 530102          # regenerate one district in place
 *   npm run data -- --scale province           # all of Yunnan → data/generated/yunnan/
 *   npm run data -- --seed 7 --out /tmp/x      # another seed, another directory
 */
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { generate, type GenerateOptions, type GenerateSummary, type Scale } from "./lib/io/dataset.ts";

export { generate };

/** The seed the committed files were generated with. */
export const DEFAULT_SEED = 20261031;

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const DEFAULT_OUT: Record<Scale, string> = {
  city: resolve(ROOT, "public/data/kunming"),
  province: resolve(ROOT, "data/generated/yunnan"),
};

export function parseCommandLine(args: readonly string[]): GenerateOptions {
  const { values } = parseArgs({
    args: [...args],
    options: {
      seed: { type: "string" },
      out: { type: "string" },
      district: { type: "string", multiple: true },
      scale: { type: "string" },
    },
    strict: true,
  });
  const scale = values.scale ?? "city";
  if (scale !== "city" && scale !== "province") throw new Error(`--scale must be "city" or "province", not "${scale}"`);
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  if (!Number.isSafeInteger(seed)) throw new Error(`--seed must be an integer, not "${values.seed}"`);
  const districts = values.district
    ?.flatMap((value) => value.split(","))
    .map((value) => value.trim())
    .filter(Boolean);
  return { seed, scale, outDir: values.out ? resolve(values.out) : DEFAULT_OUT[scale], ...(districts ? { districts } : {}) };
}

/** The app's embedded basemap draws the same lakes the generator keeps compounds out of. */
const PROVINCE_LAKES = resolve(ROOT, "data/sources/yunnan/lakes.geojson");
export const BASEMAP_WATER = {
  from: existsSync(PROVINCE_LAKES) ? PROVINCE_LAKES : resolve(ROOT, "data/sources/lakes.geojson"),
  to: resolve(ROOT, "public/basemap/water.geojson"),
};

function formatBytes(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} kB`;
}

export function formatSummary(summary: GenerateSummary, outDir: string): string {
  const lines = [`Wrote ${outDir}`];
  for (const [file, size] of Object.entries(summary.bytes)) {
    const layer = file.replace(/\.geojson$/, "") as keyof GenerateSummary["counts"];
    const count = summary.counts[layer];
    lines.push(`  ${file.padEnd(20)} ${String(count ?? "").padStart(8)}  ${formatBytes(size).padStart(9)}`);
  }
  const total = Object.values(summary.bytes).reduce((sum, size) => sum + size, 0);
  lines.push(`  ${"total".padEnd(20)} ${"".padStart(8)}  ${formatBytes(total).padStart(9)}`);
  lines.push(`Regenerated ${summary.regenerated.length} district(s) in ${(summary.milliseconds / 1000).toFixed(1)} s`);
  return lines.join("\n");
}

function main(): void {
  const options = parseCommandLine(process.argv.slice(2));
  console.log(`Generating ${options.scale} dataset, seed ${options.seed}${options.districts ? `, districts ${options.districts.join(",")}` : ""}`);
  const summary = generate({ ...options, log: (message) => console.log(message) });
  console.log(formatSummary(summary, options.outDir));
  if (options.scale === "city") {
    mkdirSync(dirname(BASEMAP_WATER.to), { recursive: true });
    copyFileSync(BASEMAP_WATER.from, BASEMAP_WATER.to);
    console.log(`Basemap water: ${BASEMAP_WATER.to}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
