/**
 * The Yunnan dataset (scripts/prepare-data.ts): real names and codes, census calibration, the
 * rural units, and Kunming as the same data in the province as in the city dataset. The province
 * is generated once and cached; `npm test` prepares it before the tests run, and this file
 * prepares it itself when run alone.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { LAYER_NAMES } from "../../src/data/contract.ts";
import { PROVINCE_GEOJSON, PROVINCE_PUBLIC, prepareProvince } from "../../scripts/prepare-data.ts";
import { DEFAULT_SEED } from "./generate.ts";
import { districtLines, plan } from "./lib/io/dataset.ts";
import { parseCollectionText } from "./lib/io/feature-file.ts";
import { runInThreads } from "./lib/io/parallel.ts";
import { readSources } from "./lib/sources/source-data.ts";

const SOURCES = fileURLToPath(new URL("../sources/", import.meta.url));
const KUNMING = fileURLToPath(new URL("../../public/data/kunming/", import.meta.url));

interface CommunityRow {
  code: string;
  name: string;
  kind: string;
  households: number;
  population: number;
}

const lines = (directory: string, layer: string) => parseCollectionText(readFileSync(join(directory, `${layer}.geojson`), "utf8"));
let communities: CommunityRow[] = [];

beforeAll(async () => {
  await prepareProvince({ log: () => undefined });
  communities = lines(PROVINCE_GEOJSON, "communities").map((entry) => (entry.feature as { properties: CommunityRow }).properties);
}, 300_000);

describe("the Yunnan dataset", () => {
  it("has exactly the NBS units: 16 prefectures, 129 counties, 1,461 townships, 14,888 villages and communities", () => {
    const sources = readSources(SOURCES);
    expect(lines(PROVINCE_GEOJSON, "prefectures").map((entry) => entry.id)).toEqual(sources.prefectures.map((row) => row.code).toSorted());
    expect(lines(PROVINCE_GEOJSON, "districts")).toHaveLength(129);
    const streets = lines(PROVINCE_GEOJSON, "streets").map((entry) => entry.feature as { properties: { code: string; name: string } });
    expect(streets.map((street) => `${street.properties.code} ${street.properties.name}`)).toEqual(
      sources.streets.map((row) => `${row.code} ${row.name}`).toSorted(),
    );
    expect(communities.map((row) => `${row.code} ${row.name} ${row.kind}`)).toEqual(
      sources.communities.map((row) => `${row.code} ${row.name} ${row.kind}`).toSorted(),
    );
    expect(communities).toHaveLength(14_888);
  });

  it("matches the 2020 census per prefecture within 5%, with urban shares near the urbanisation rate", () => {
    const census = readSources(SOURCES).census;
    expect(census).toHaveLength(16);
    const misses = census.flatMap((row) => {
      const own = communities.filter((community) => community.code.startsWith(row.code));
      const population = own.reduce((total, community) => total + community.population, 0);
      const urban = own.filter((community) => community.kind === "居委会").reduce((total, community) => total + community.population, 0);
      const off = [];
      if (Math.abs(population / row.residents - 1) >= 0.05) off.push(`${row.name}: population ${population} against ${row.residents}`);
      if (Math.abs(urban / population - row.urbanisation) >= 0.05) off.push(`${row.name}: urban share ${urban / population} against ${row.urbanisation}`);
      return off;
    });
    expect(misses).toEqual([]);
    const households = communities.reduce((total, community) => total + community.households, 0);
    expect(Math.abs(households / 15_146_831 - 1)).toBeLessThan(0.05);
    const kunming = communities.filter((community) => community.code.startsWith("5301")).reduce((total, community) => total + community.households, 0);
    expect(Math.abs(kunming / 3_004_398 - 1)).toBeLessThan(0.05);
  });

  it("gives every 村委会 with households its 自然村", () => {
    const units = new Map<string, Set<string>>();
    for (const entry of lines(PROVINCE_GEOJSON, "compounds")) {
      const { communityCode, kind } = (entry.feature as { properties: { communityCode: string; kind?: string } }).properties;
      const kinds = units.get(communityCode) ?? new Set<string>();
      kinds.add(kind ?? "小区");
      units.set(communityCode, kinds);
    }
    const without = communities.filter((community) => community.kind === "村委会" && community.households > 0 && !units.get(community.code)?.has("自然村"));
    expect(without.map((community) => community.code)).toEqual([]);
  });

  it("holds Kunming as exactly the city dataset's features, not a second copy of other figures", () => {
    for (const layer of LAYER_NAMES) {
      const city = lines(KUNMING, layer).map((entry) => entry.line);
      const province = lines(PROVINCE_GEOJSON, layer)
        .filter((entry) => entry.id.startsWith("5301"))
        .map((entry) => entry.line);
      expect({ layer, lines: province }).toEqual({ layer, lines: city });
    }
  });

  it("is served as tiles with its indicators, and says it is synthetic below county level", () => {
    const manifest = JSON.parse(readFileSync(join(PROVINCE_PUBLIC, "manifest.json"), "utf8")) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      contract: 2,
      id: "yunnan",
      area: { level: "province", code: "53" },
      tiles: "tiles.pmtiles",
      indicators: "indicators.json",
    });
    expect(manifest.synthetic).toMatchObject({
      geometry: expect.arrayContaining(["streets", "communities", "compounds"]),
      attributes: expect.arrayContaining(["communities"]),
    });
    const indicators = JSON.parse(readFileSync(join(PROVINCE_PUBLIC, "indicators.json"), "utf8")) as { city: Record<string, number | null> };
    expect(indicators.city.targetStreets).toBe(1_429);
    expect(indicators.city.stationCoverage).toBeGreaterThan(0.8);
    expect(indicators.city.unlocatedHouseholds).toBeGreaterThan(0);
  });
});

describe("parallel generation", () => {
  it("gives the same lines on worker threads as in one thread", async () => {
    const { selected } = plan({ seed: DEFAULT_SEED, scale: "province", outDir: "", districts: ["530102", "532901", "533401"] });
    const threaded = await runInThreads(2)(selected, () => undefined);
    expect(threaded).toEqual(selected.map((job) => districtLines(job).lines));
  });
});
