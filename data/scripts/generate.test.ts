/**
 * End-to-end checks of the generator: it reproduces the committed dataset byte for byte, it can
 * regenerate one district without touching the others, and what it writes passes the app's own
 * validation and the domain rules (real communities only, compounds inside their community,
 * households that add up). One full generation is shared by every test (about 5 s).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LAYER_NAMES, type LayerName } from "../../src/data/contract.ts";
import { parseLayer, parseManifest, type LayerCollection } from "../../src/data/validate.ts";
import { BASEMAP_WATER, DEFAULT_OUT, DEFAULT_SEED, generate, parseCommandLine } from "./generate.ts";
import { parseCollectionText } from "./lib/io/feature-file.ts";
import { pointInArea, toArea, type Point } from "./lib/geometry/polygon.ts";
import { readSources, sourcesOf } from "./lib/sources/source-data.ts";

const FILES = ["manifest.json", ...LAYER_NAMES.map((layer) => `${layer}.geojson`)];
// The city dataset is the Kunming part of whatever extracts exist (the province, or Kunming alone).
const sources = sourcesOf(readSources(fileURLToPath(new URL("../sources/", import.meta.url))), ["5301"]);
let outDir = "";

function read<L extends LayerName>(directory: string, layer: L): LayerCollection<L> {
  const file = `${layer}.geojson`;
  return parseLayer(layer, file, JSON.parse(readFileSync(join(directory, file), "utf8"))).collection;
}

function sum(rows: readonly { households: number }[]): number {
  return rows.reduce((total, row) => total + row.households, 0);
}

function group<T extends { communityCode: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(row.communityCode, [...(map.get(row.communityCode) ?? []), row]);
  return map;
}

/** Street code → its community codes, sorted. */
function byStreet(rows: readonly { code: string; streetCode: string }[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const row of rows) map.set(row.streetCode, [...(map.get(row.streetCode) ?? []), row.code]);
  for (const [street, codes] of map) map.set(street, codes.toSorted());
  return map;
}

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), "kunming-generate-"));
  generate({ seed: DEFAULT_SEED, outDir });
}, 120_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe("generate", () => {
  it.each(FILES)("reproduces the committed public/data/kunming/%s exactly", (file) => {
    const committed = readFileSync(join(DEFAULT_OUT.city, file));
    expect(readFileSync(join(outDir, file)).equals(committed)).toBe(true);
  });

  it("keeps the basemap's water identical to the lakes extract", () => {
    expect(readFileSync(BASEMAP_WATER.to).equals(readFileSync(BASEMAP_WATER.from))).toBe(true);
  });

  it("regenerates one district and leaves every other district's features unchanged", () => {
    const copy = mkdtempSync(join(tmpdir(), "kunming-district-"));
    try {
      cpSync(outDir, copy, { recursive: true });
      // Another seed, so the regenerated district really changes and the rest must not.
      generate({ seed: DEFAULT_SEED + 1, outDir: copy, districts: ["530102"] });
      const streetDistrict = new Map(sources.streets.map((street) => [street.code, street.districtCode]));
      const ownedByWuhua = (id: string) => (id.length === 6 ? id : streetDistrict.get(id.slice(0, 9))) === "530102";
      for (const layer of LAYER_NAMES) {
        const before = parseCollectionText(readFileSync(join(outDir, `${layer}.geojson`), "utf8"));
        const after = parseCollectionText(readFileSync(join(copy, `${layer}.geojson`), "utf8"));
        const others = (lines: typeof before) => lines.filter((entry) => !ownedByWuhua(entry.id)).map((entry) => entry.line);
        expect(others(after)).toEqual(others(before));
      }
      // District and prefecture outlines are real, so they stay; everything synthetic in 五华 changes.
      for (const layer of LAYER_NAMES.filter((name) => name !== "districts" && name !== "prefectures")) {
        const wuhua = (directory: string) =>
          parseCollectionText(readFileSync(join(directory, `${layer}.geojson`), "utf8"))
            .filter((entry) => ownedByWuhua(entry.id))
            .map((entry) => entry.line);
        expect(wuhua(copy)).not.toEqual(wuhua(outDir));
      }
      // And back: the same seed restores the original files exactly.
      generate({ seed: DEFAULT_SEED, outDir: copy, districts: ["530102"] });
      for (const file of FILES) expect(readFileSync(join(copy, file)).equals(readFileSync(join(outDir, file)))).toBe(true);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }, 60_000);

  it("refuses an unknown district", () => {
    expect(() => generate({ seed: 1, outDir, districts: ["539999"] })).toThrow(/unknown district/);
  });
});

describe("the generated dataset", () => {
  it("passes the app's contract validation, manifest included", () => {
    const manifest = parseManifest("manifest.json", JSON.parse(readFileSync(join(outDir, "manifest.json"), "utf8")));
    expect(manifest.asOf).toBe("2026-10-31");
    for (const layer of LAYER_NAMES) {
      expect(manifest.layers[layer]).toBe(`${layer}.geojson`);
      expect(read(outDir, layer).features.length).toBeGreaterThan(0);
    }
  });

  it("has exactly the real streets and, in each street, exactly its real communities", () => {
    const streets = read(outDir, "streets").features.map((feature) => feature.properties.code);
    expect(streets).toEqual(sources.streets.map((street) => street.code).toSorted());
    const generated = byStreet(read(outDir, "communities").features.map((feature) => feature.properties));
    expect(generated).toEqual(byStreet(sources.communities));
  });

  it("has counts in the expected ranges", () => {
    const count = (layer: LayerName) => read(outDir, layer).features.length;
    expect(count("districts")).toBe(14);
    expect(count("streets")).toBe(150);
    expect(count("communities")).toBe(1738);
    // Residential units: urban 小区 and rural 自然村, both counted.
    const kinds = read(outDir, "compounds").features.map((feature) => feature.properties.kind ?? "小区");
    const estates = kinds.filter((kind) => kind === "小区").length;
    expect(estates).toBeGreaterThanOrEqual(9_000);
    expect(estates).toBeLessThanOrEqual(14_000);
    expect(kinds.length - estates).toBeGreaterThanOrEqual(7_000);
    expect(kinds.length - estates).toBeLessThanOrEqual(14_000);
    expect(count("grids")).toBeGreaterThanOrEqual(5_000);
    expect(count("grids")).toBeLessThanOrEqual(15_000);
    const stations = read(outDir, "stations").features;
    const streetStations = stations.filter((feature) => feature.properties.level === "街道");
    const stationed = new Set(streetStations.map((feature) => feature.properties.streetCode));
    const targets = read(outDir, "streets").features.filter((feature) => feature.properties.stationTarget ?? feature.properties.kind !== "其他");
    const missing = targets.filter((feature) => !stationed.has(feature.properties.code)).length;
    expect(missing).toBeGreaterThanOrEqual(4);
    expect(missing).toBeLessThanOrEqual(6);
    // A few stations exist but do not count yet: no social worker, or opened after the data date.
    expect(streetStations.filter((feature) => feature.properties.socialWorkers === 0).length).toBeGreaterThanOrEqual(1);
    expect(streetStations.filter((feature) => feature.properties.openedOn > "2026-10-31").length).toBeGreaterThanOrEqual(1);
    const rooms = stations.length - streetStations.length;
    expect(rooms / 1738).toBeGreaterThan(0.18);
    expect(rooms / 1738).toBeLessThan(0.32);
  });

  it("puts every compound inside its community and every station inside its unit", () => {
    const communities = new Map(read(outDir, "communities").features.map((feature) => [feature.id, toArea(feature.geometry)]));
    const streets = new Map(read(outDir, "streets").features.map((feature) => [feature.id, toArea(feature.geometry)]));
    for (const compound of read(outDir, "compounds").features) {
      const community = communities.get(compound.properties.communityCode);
      expect(community).toBeDefined();
      for (const corner of toArea(compound.geometry)[0]![0]!) expect(pointInArea(corner as unknown as Point, community!)).toBe(true);
    }
    for (const station of read(outDir, "stations").features) {
      const point = station.geometry.coordinates as unknown as Point;
      const unit = station.properties.communityCode ? communities.get(station.properties.communityCode) : streets.get(station.properties.streetCode);
      expect(pointInArea(point, unit!)).toBe(true);
    }
  });

  it("keeps households consistent between communities, compounds and grids", () => {
    const compounds = read(outDir, "compounds").features.map((feature) => feature.properties);
    const grids = read(outDir, "grids").features.map((feature) => feature.properties);
    const gridIds = new Set(grids.map((grid) => grid.id));
    const compoundsBy = group(compounds);
    const gridsBy = group(grids);
    for (const community of read(outDir, "communities").features.map((feature) => feature.properties)) {
      const own = compoundsBy.get(community.code) ?? [];
      const unassigned = own.filter((compound) => compound.gridId === null);
      expect(community.households).toBeGreaterThanOrEqual(sum(own));
      expect(sum(gridsBy.get(community.code) ?? [])).toBe(community.households - sum(unassigned));
    }
    const dangling = compounds.filter((compound) => compound.gridId !== null && !gridIds.has(compound.gridId));
    expect(dangling).toEqual([]);
    const unassignedShare = compounds.filter((compound) => compound.gridId === null).length / compounds.length;
    expect(unassignedShare).toBeGreaterThan(0.015);
    expect(unassignedShare).toBeLessThan(0.05);
  });
});

describe("parseCommandLine", () => {
  it.each([
    [[], { seed: DEFAULT_SEED, scale: "city", outDir: DEFAULT_OUT.city }],
    [["--scale", "province"], { seed: DEFAULT_SEED, scale: "province", outDir: DEFAULT_OUT.province }],
    [["--seed", "7", "--out", "/tmp/x", "--district", "530102,530103"], { seed: 7, scale: "city", outDir: "/tmp/x", districts: ["530102", "530103"] }],
  ])("%j", (args, expected) => {
    expect(parseCommandLine(args)).toEqual(expected);
  });

  it.each([
    [["--scale", "country"], /--scale/],
    [["--seed", "x"], /--seed/],
    [["--bogus"], /Unknown option/],
  ])("rejects %j", (args, message) => {
    expect(() => parseCommandLine(args)).toThrow(message);
  });
});
