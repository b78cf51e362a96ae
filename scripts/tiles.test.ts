// End to end: a small hand-made dataset through `buildTiles`, read back with the PMTiles reader
// and decoded with the vector-tile parser MapLibre uses (@mapbox/vector-tile + pbf).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { VectorTile } from "@mapbox/vector-tile";
import type { Feature, Geometry } from "geojson";
import { PbfReader } from "pbf";
import { Compression, PMTiles, TileType } from "pmtiles";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BufferSource } from "./lib/tiles/buffer-source.ts";
import { type BuildReport, buildTiles } from "./lib/tiles/build-tiles.ts";

type Box = [west: number, south: number, east: number, north: number];

function square([west, south, east, north]: Box, properties: Record<string, unknown>): Feature<Geometry, Record<string, unknown>> {
  const ring = [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
  // A string top-level id, as in the demo files: it must not become the tile feature's id.
  return { type: "Feature", id: String(properties.code ?? properties.id), properties, geometry: { type: "Polygon", coordinates: [ring] } };
}

function point(lon: number, lat: number, properties: Record<string, unknown>): Feature<Geometry, Record<string, unknown>> {
  return { type: "Feature", properties, geometry: { type: "Point", coordinates: [lon, lat] } };
}

const community = {
  code: "530102001001",
  name: "翠湖社区",
  streetCode: "530102001",
  kind: "居委会",
  households: 2776,
  population: 7351,
  partyOrgType: null,
  partyMembers: 365,
  bigPartyCommittee: true,
  dualRegisteredMembers: 225,
};
const compound = {
  id: "530102001001-C001",
  name: "锦华新村",
  communityCode: "530102001001",
  gridId: null,
  households: 259,
  buildings: 4,
  partyBranch: true,
  redProperty: false,
  ownersCommittee: false,
};
const grid = { id: "530102001001-G01", name: "第1网格", communityCode: "530102001001", workers: 2, households: 647, buildingLeaders: 13, workerName: "邱雪滇" };

const LAYERS: Record<string, Feature<Geometry, Record<string, unknown>>[]> = {
  districts: [square([102.5, 24.8, 103.0, 25.3], { code: "530102", name: "五华区" })],
  streets: [square([102.6, 24.95, 102.8, 25.1], { code: "530102001", name: "华山街道", districtCode: "530102" })],
  communities: [square([102.7, 25.03, 102.72, 25.05], community)],
  grids: [square([102.705, 25.035, 102.712, 25.042], grid)],
  compounds: [
    square([102.708, 25.038, 102.709, 25.039], compound),
    // Breaks the contract (numeric code): reported and left out, the rest still tiled.
    square([102.706, 25.036, 102.707, 25.037], { ...compound, id: "530102001001-C002", communityCode: 530102001001 }),
  ],
  stations: [
    point(102.71, 25.04, {
      id: "530102001-S",
      name: "华山街道社会工作服务站",
      level: "街道",
      streetCode: "530102001",
      communityCode: null,
      socialWorkers: 7,
      openedOn: "2021-04-15",
    }),
    point(102.715, 25.045, {
      id: "530102001001-R",
      name: "翠湖社区社工室",
      level: "社区",
      streetCode: "530102001",
      communityCode: "530102001001",
      socialWorkers: 2,
      openedOn: "2022-01-10",
    }),
  ],
};

const MANIFEST = {
  contract: 2,
  id: "tiny",
  title: "小测试集",
  titleEn: "Tiny test set",
  crs: "EPSG:4326",
  asOf: "2026-10-31",
  area: { name: "五华区", level: "county", code: "530102" },
  synthetic: { geometry: ["streets", "communities", "grids", "compounds", "stations"], attributes: ["communities", "grids", "compounds", "stations"] },
  sources: [{ name: "Hand-made test features", licence: "Same as this project" }],
  layers: Object.fromEntries(Object.keys(LAYERS).map((layer) => [layer, `${layer}.geojson`])),
  credit: "测试数据,无审图号",
};

/** The tile holding a position, Web-Mercator XYZ. */
function tileAt(lon: number, lat: number, z: number): [number, number, number] {
  const n = 2 ** z;
  const sin = Math.sin((lat * Math.PI) / 180);
  return [z, Math.floor(((lon + 180) / 360) * n), Math.floor((0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * n)];
}

async function decode(archive: PMTiles, z: number, lon: number, lat: number): Promise<VectorTile | undefined> {
  const [, x, y] = tileAt(lon, lat, z);
  const response = await archive.getZxy(z, x, y);
  return response === undefined ? undefined : new VectorTile(new PbfReader(new Uint8Array(response.data)));
}

function layerProperties(tile: VectorTile | undefined, layer: string): Record<string, unknown>[] {
  const found = tile?.layers[layer];
  if (found === undefined) return [];
  return Array.from({ length: found.length }, (_unused, index) => ({ ...found.feature(index).properties }));
}

describe("npm run tiles (buildTiles)", () => {
  const folder = mkdtempSync(join(tmpdir(), "tiles-e2e-"));
  const out = join(folder, "tiles.pmtiles");
  let report: BuildReport;
  let archive: PMTiles;
  // Inside the compound, the grid, the community, the street and the district.
  const [lon, lat] = [102.7085, 25.0385];

  beforeAll(() => {
    writeFileSync(join(folder, "manifest.json"), JSON.stringify(MANIFEST));
    for (const [layer, features] of Object.entries(LAYERS))
      writeFileSync(join(folder, `${layer}.geojson`), JSON.stringify({ type: "FeatureCollection", features }));
    report = buildTiles(folder, { out });
    archive = new PMTiles(new BufferSource(readFileSync(out)));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("reports the contract problem and tiles the rest", () => {
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({ featureId: "530102001001-C002", field: "properties.communityCode" });
    expect(report.layers.compounds).toEqual({ features: 1, minZoom: 12, maxZoom: 13 });
  });

  it("writes an MVT archive with the dataset's labels in its metadata", async () => {
    const header = await archive.getHeader();
    expect(header).toMatchObject({
      tileType: TileType.Mvt,
      tileCompression: Compression.Gzip,
      internalCompression: Compression.Gzip,
      minZoom: 0,
      maxZoom: 13,
      clustered: true,
    });
    expect(header.minLon).toBeCloseTo(102.5, 6);
    expect(header.maxLat).toBeCloseTo(25.3, 6);
    const metadata = (await archive.getMetadata()) as Record<string, unknown>;
    expect(metadata).toMatchObject({ name: "小测试集", asOf: "2026-10-31", synthetic: MANIFEST.synthetic, datasetId: "tiny", personalData: false });
    expect(metadata.attribution).toContain("测试数据,无审图号");
    expect(metadata.vector_layers).toEqual([
      expect.objectContaining({ id: "districts", minzoom: 0, maxzoom: 13, fields: expect.objectContaining({ code: "String", name: "String" }) }),
      expect.objectContaining({ id: "streets", minzoom: 6 }),
      expect.objectContaining({
        id: "communities",
        minzoom: 8,
        fields: expect.objectContaining({ households: "Number", bigPartyCommittee: "Boolean", partyOrgType: "String" }),
      }),
      expect.objectContaining({
        id: "grids",
        minzoom: 12,
        fields: {
          id: "String",
          name: "String",
          communityCode: "String",
          workers: "Number",
          households: "Number",
          buildingLeaders: "Number",
          staffedOn: "String",
        },
      }),
      expect.objectContaining({ id: "compounds", minzoom: 12, fields: expect.objectContaining({ partyBranch: "Boolean", gridId: "String" }) }),
      expect.objectContaining({ id: "stations", minzoom: 6 }),
    ]);
  });

  it("keeps the contract's flat properties with their types, codes as strings", async () => {
    const tile = await decode(archive, 13, lon, lat);
    expect(Object.keys(tile?.layers ?? {})).toEqual(["districts", "streets", "communities", "grids", "compounds", "stations"]);
    // null has no MVT encoding: gridId and partyOrgType are absent, which MapLibre reads as null.
    expect(layerProperties(tile, "compounds")).toEqual([
      {
        id: "530102001001-C001",
        name: "锦华新村",
        communityCode: "530102001001",
        households: 259,
        buildings: 4,
        partyBranch: true,
        redProperty: false,
        ownersCommittee: false,
      },
    ]);
    const { partyOrgType: _null, ...communityInTiles } = community;
    expect(layerProperties(tile, "communities")).toEqual([communityInTiles]);
    expect(layerProperties(tile, "districts")).toEqual([{ code: "530102", name: "五华区" }]);
    // Personal data stays out unless asked for.
    expect(layerProperties(tile, "grids")[0]).not.toHaveProperty("workerName");
    expect(
      layerProperties(tile, "stations")
        .map((station) => station.level)
        .toSorted(),
    ).toEqual(["社区", "街道"]);
  });

  it("gives districts, streets and communities their numeric code as feature id, and no id to the rest", async () => {
    const tile = await decode(archive, 13, lon, lat);
    expect(tile?.layers.districts?.feature(0).id).toBe(530102);
    expect(tile?.layers.streets?.feature(0).id).toBe(530102001);
    expect(tile?.layers.communities?.feature(0).id).toBe(530102001001);
    expect(tile?.layers.compounds?.feature(0).id).toBeUndefined();
  });

  it("puts each layer only in its zoom range", async () => {
    const layersAt = async (z: number) => Object.keys((await decode(archive, z, lon, lat))?.layers ?? {});
    expect(await layersAt(0)).toEqual(["districts"]);
    expect(await layersAt(5)).toEqual(["districts"]);
    expect(await layersAt(6)).toEqual(["districts", "streets", "stations"]);
    expect(await layersAt(8)).toEqual(["districts", "streets", "communities", "stations"]);
    expect(await layersAt(11)).toEqual(["districts", "streets", "communities", "stations"]);
    expect(await layersAt(12)).toEqual(["districts", "streets", "communities", "grids", "compounds", "stations"]);
    // Nothing beyond the max zoom (MapLibre overzooms z13), and nothing where there is no data.
    expect(await decode(archive, 14, lon, lat)).toBeUndefined();
    expect(await decode(archive, 10, 100.0, 22.0)).toBeUndefined();
  });

  it("honours --maxzoom and --with-personal-data", async () => {
    const small = join(folder, "z10.pmtiles");
    const result = buildTiles(folder, { out: small, maxZoom: 10, includePersonalData: true });
    // A layer whose min zoom is above the max zoom still appears, at the max zoom.
    expect(result.layers.compounds).toEqual({ features: 1, minZoom: 10, maxZoom: 10 });
    const reader = new PMTiles(new BufferSource(readFileSync(small)));
    expect((await reader.getHeader()).maxZoom).toBe(10);
    const tile = await decode(reader, 10, lon, lat);
    expect(layerProperties(tile, "grids")[0]).toMatchObject({ workerName: "邱雪滇" });
    expect(await decode(reader, 9, lon, lat).then((t) => Object.keys(t?.layers ?? {}))).not.toContain("compounds");
  });
});
