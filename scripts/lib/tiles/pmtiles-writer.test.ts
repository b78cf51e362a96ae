// The writer is checked by reading its archives back with the `pmtiles` package, the reader
// MapLibre uses, rather than by comparing bytes with expectations of our own.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Compression, PMTiles, TileType, bytesToHeader, zxyToTileId, type Header } from "pmtiles";
import { afterAll, describe, expect, it } from "vitest";
import { BufferSource } from "./buffer-source.ts";
import { type ArchiveOptions, type TileInput, writePmtiles, writePmtilesFile } from "./pmtiles-writer.ts";

const OPTIONS: ArchiveOptions = {
  tileType: TileType.Mvt,
  tileCompression: Compression.Gzip,
  internalCompression: Compression.Gzip,
  bounds: [102.1703, 24.3886, 103.669, 26.5454],
  center: [102.83, 25.04, 9],
  metadata: { name: "test", vector_layers: [{ id: "a", fields: { code: "String" }, minzoom: 0, maxzoom: 6 }], asOf: "2026-10-31" },
};

/** Distinct, recognisable bytes per tile. */
function bytesOf(z: number, x: number, y: number): Uint8Array {
  return new TextEncoder().encode(`tile ${z}/${x}/${y} `.repeat(1 + ((x + y) % 5)));
}

/** Every tile of zooms 0..maxZoom, in tile-id order (zoom by zoom, x/y order within a zoom is irrelevant to the writer). */
function pyramid(maxZoom: number, bytes: (z: number, x: number, y: number) => Uint8Array = bytesOf): TileInput[] {
  const tiles: TileInput[] = [];
  for (let z = 0; z <= maxZoom; z++) {
    for (let x = 0; x < 2 ** z; x++) for (let y = 0; y < 2 ** z; y++) tiles.push({ z, x, y, bytes: bytes(z, x, y) });
  }
  return tiles.toSorted((a, b) => zxyToTileId(a.z, a.x, a.y) - zxyToTileId(b.z, b.x, b.y));
}

function reader(archive: Uint8Array): PMTiles {
  return new PMTiles(new BufferSource(archive));
}

function headerOf(archive: Buffer): Header {
  return bytesToHeader(archive.buffer.slice(archive.byteOffset, archive.byteOffset + 127) as ArrayBuffer);
}

async function tileText(archive: PMTiles, z: number, x: number, y: number): Promise<string | undefined> {
  const response = await archive.getZxy(z, x, y);
  return response === undefined ? undefined : new TextDecoder().decode(response.data);
}

describe("writePmtiles", () => {
  const tiles = pyramid(3);
  const { archive, stats } = writePmtiles(tiles, OPTIONS);

  it("writes a v3 header that describes the archive", async () => {
    expect(archive.subarray(0, 7).toString("latin1")).toBe("PMTiles");
    const header = await reader(archive).getHeader();
    expect(header).toMatchObject({
      specVersion: 3,
      rootDirectoryOffset: 127,
      numAddressedTiles: 85,
      numTileEntries: 85,
      numTileContents: 85,
      clustered: true,
      internalCompression: Compression.Gzip,
      tileCompression: Compression.Gzip,
      tileType: TileType.Mvt,
      minZoom: 0,
      maxZoom: 3,
      centerZoom: 9,
      leafDirectoryLength: 0,
    });
    expect(header.minLon).toBeCloseTo(102.1703, 6);
    expect(header.minLat).toBeCloseTo(24.3886, 6);
    expect(header.maxLon).toBeCloseTo(103.669, 6);
    expect(header.maxLat).toBeCloseTo(26.5454, 6);
    expect(header.centerLon).toBeCloseTo(102.83, 6);
    expect(header.centerLat).toBeCloseTo(25.04, 6);
    expect(header.tileDataOffset + (header.tileDataLength ?? 0)).toBe(archive.length);
    expect(stats.archiveBytes).toBe(archive.length);
  });

  it("round-trips the JSON metadata", async () => {
    expect(await reader(archive).getMetadata()).toEqual(OPTIONS.metadata);
  });

  it("serves every tile's bytes and nothing for tiles it does not hold", async () => {
    const pmtiles = reader(archive);
    for (const [z, x, y] of [
      [0, 0, 0],
      [1, 1, 0],
      [2, 3, 1],
      [3, 0, 7],
      [3, 5, 2],
      [3, 7, 7],
    ] as const) {
      expect(await tileText(pmtiles, z, x, y)).toBe(new TextDecoder().decode(bytesOf(z, x, y)));
    }
    expect(await tileText(pmtiles, 4, 0, 0)).toBeUndefined();
  });

  it("stores identical tiles once and folds consecutive ones into a run", async () => {
    // All of zoom 2 is one content; zoom 3 alternates between two contents by column.
    const same = pyramid(3, (z, x, y) =>
      z === 2 ? new TextEncoder().encode("sea") : z === 3 ? new TextEncoder().encode(`column parity ${x % 2}`) : bytesOf(z, x, y),
    );
    const result = writePmtiles(same, OPTIONS);
    const header = headerOf(result.archive);
    expect(header.numAddressedTiles).toBe(85);
    expect(header.numTileContents).toBe(1 + 4 + 1 + 2);
    expect(result.stats.duplicateTiles).toBe(85 - 8);
    // The 16 zoom-2 tiles have consecutive ids, so they need one entry.
    expect(header.numTileEntries).toBeLessThan(85 - 15 + 1);
    const pmtiles = reader(result.archive);
    for (let x = 0; x < 4; x++) for (let y = 0; y < 4; y++) expect(await tileText(pmtiles, 2, x, y)).toBe("sea");
    for (const [x, y] of [
      [0, 0],
      [1, 0],
      [6, 3],
      [7, 7],
    ] as const)
      expect(await tileText(pmtiles, 3, x, y)).toBe(`column parity ${x % 2}`);
    expect(result.archive.length).toBeLessThan(archive.length);
  });

  it("splits the directory into leaves when the root would be too big", async () => {
    const many = pyramid(6);
    const result = writePmtiles(many, { ...OPTIONS, maxRootDirectoryBytes: 200, minLeafEntries: 64 });
    const header = headerOf(result.archive);
    expect(result.stats.leafDirectories).toBeGreaterThan(1);
    expect(header.rootDirectoryLength).toBeLessThanOrEqual(200);
    expect(header.leafDirectoryLength).toBe(result.stats.leafDirectoryBytes);
    expect(header.numAddressedTiles).toBe(many.length);
    const pmtiles = reader(result.archive);
    for (const index of [0, 1, 100, 1000, 2500, 4000, many.length - 1]) {
      const tile = many[index];
      if (tile === undefined) throw new Error(`no tile ${index}`);
      expect(await tileText(pmtiles, tile.z, tile.x, tile.y)).toBe(new TextDecoder().decode(tile.bytes));
    }
    // The default limit keeps the root in the first 16 KiB readers fetch.
    const defaults = headerOf(writePmtiles(many, OPTIONS).archive);
    expect(defaults.rootDirectoryOffset + defaults.rootDirectoryLength).toBeLessThanOrEqual(16_384);
  });

  it("accepts tiles in any order, marking the archive as not clustered", async () => {
    const shuffled = tiles.toReversed();
    const result = writePmtiles(shuffled, OPTIONS);
    expect(headerOf(result.archive).clustered).toBe(false);
    expect(await tileText(reader(result.archive), 3, 5, 2)).toBe(new TextDecoder().decode(bytesOf(3, 5, 2)));
  });

  it("stores tiles as given without tile compression", async () => {
    const result = writePmtiles(tiles, { ...OPTIONS, tileCompression: Compression.None, internalCompression: Compression.None });
    expect(headerOf(result.archive).tileCompression).toBe(Compression.None);
    expect(result.archive.includes(Buffer.from("tile 3/5/2 "))).toBe(true);
    expect(await tileText(reader(result.archive), 3, 5, 2)).toBe(new TextDecoder().decode(bytesOf(3, 5, 2)));
  });

  it("rejects a tile added twice", () => {
    expect(() => writePmtiles([...tiles, { z: 1, x: 0, y: 1, bytes: new Uint8Array([1]) }], OPTIONS)).toThrow(/added twice/);
  });
});

/** A tile source that breaks halfway, as the cutter would on bad geometry. */
function* failing(): Generator<TileInput> {
  yield { z: 0, x: 0, y: 0, bytes: new Uint8Array([1]) };
  throw new Error("cutting failed");
}

describe("writePmtilesFile", () => {
  const folder = mkdtempSync(join(tmpdir(), "pmtiles-writer-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("writes the same archive as in memory and leaves no temporary file", () => {
    const tiles = pyramid(5);
    const path = join(folder, "out.pmtiles");
    const stats = writePmtilesFile(tiles, OPTIONS, path);
    const inMemory = writePmtiles(tiles, OPTIONS);
    expect(readFileSync(path).equals(inMemory.archive)).toBe(true);
    expect(stats).toEqual(inMemory.stats);
    expect(readdirSync(folder)).toEqual(["out.pmtiles"]);
  });

  it("leaves neither archive nor temporary files when the tiles fail", () => {
    const path = join(folder, "failed.pmtiles");
    expect(() => writePmtilesFile(failing(), OPTIONS, path)).toThrow("cutting failed");
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(folder)).toEqual(["out.pmtiles"]);
  });
});
