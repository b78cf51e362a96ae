// PMTiles v3 writer (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md): tiles in,
// one archive out that any static host can serve with HTTP range requests. Layout, in the order
// the spec recommends: 127-byte header, root directory, JSON metadata, leaf directories, tile
// data. Header and root directory sit in the first 16 KiB, which readers fetch in one request.
import { createHash } from "node:crypto";
import { closeSync, openSync, renameSync, rmSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { Compression, type Entry, TileType, zxyToTileId } from "pmtiles";
import { FileTileStore, MemoryTileStore, type TileStore, writeAll } from "./tile-store.ts";

export interface TileInput {
  z: number;
  x: number;
  y: number;
  /** Uncompressed tile bytes (for MVT, the protobuf); the writer compresses them. */
  bytes: Uint8Array;
}

/** The two compressions this writer produces; readers in browsers and Node all handle gzip. */
export type WriterCompression = Compression.None | Compression.Gzip;

export interface ArchiveOptions {
  tileType: TileType;
  tileCompression: WriterCompression;
  internalCompression: WriterCompression;
  /** [west, south, east, north] in degrees. */
  bounds: readonly [number, number, number, number];
  /** [longitude, latitude, zoom] a viewer opens at. */
  center: readonly [number, number, number];
  /** Written as the archive's JSON metadata (TileJSON-like: name, attribution, vector_layers…). */
  metadata: Record<string, unknown>;
  /** Largest compressed root directory; leaf directories take the rest. Tests lower it. */
  maxRootDirectoryBytes?: number;
  /** Fewest entries per leaf directory (go-pmtiles uses 4096); tests lower it. */
  minLeafEntries?: number;
}

export interface ArchiveStats {
  /** Tiles a reader can ask for, runs counted in full. */
  addressedTiles: number;
  /** Directory entries after run-length encoding. */
  tileEntries: number;
  /** Distinct tile contents stored. */
  tileContents: number;
  /** Tiles whose content was already stored, and the bytes their second copies would have taken. */
  duplicateTiles: number;
  duplicateBytes: number;
  tileDataBytes: number;
  rootDirectoryBytes: number;
  leafDirectories: number;
  leafDirectoryBytes: number;
  metadataBytes: number;
  archiveBytes: number;
  clustered: boolean;
  minZoom: number;
  maxZoom: number;
}

export const HEADER_BYTES = 127;
/** Readers fetch the first 16 KiB and expect header and root directory in it. */
const FIRST_FETCH_BYTES = 16_384;
const DEFAULT_MIN_LEAF_ENTRIES = 4096;

function compress(bytes: Uint8Array, compression: WriterCompression): Uint8Array {
  return compression === Compression.Gzip ? gzipSync(bytes) : bytes;
}

/** Unsigned LEB128, with arithmetic instead of bit operations so values above 2^31 survive. */
function pushVarint(out: number[], value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`varint out of range: ${value}`);
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
}

/** A directory as the spec lays it out: count, then tile-id deltas, run lengths, lengths and offsets column by column (columns compress better than rows). */
export function serializeDirectory(entries: readonly Entry[]): Uint8Array {
  const out: number[] = [];
  pushVarint(out, entries.length);
  let lastId = 0;
  for (const entry of entries) {
    pushVarint(out, entry.tileId - lastId);
    lastId = entry.tileId;
  }
  for (const entry of entries) pushVarint(out, entry.runLength);
  for (const entry of entries) pushVarint(out, entry.length);
  entries.forEach((entry, index) => {
    const previous = index > 0 ? entries[index - 1] : undefined;
    // 0 means "right after the previous entry's data", which is the common case in a clustered archive.
    if (previous !== undefined && entry.offset === previous.offset + previous.length) pushVarint(out, 0);
    else pushVarint(out, entry.offset + 1);
  });
  return Uint8Array.from(out);
}

interface HeaderFields {
  rootDirectoryOffset: number;
  rootDirectoryLength: number;
  jsonMetadataOffset: number;
  jsonMetadataLength: number;
  leafDirectoryOffset: number;
  leafDirectoryLength: number;
  tileDataOffset: number;
  tileDataLength: number;
  numAddressedTiles: number;
  numTileEntries: number;
  numTileContents: number;
  clustered: boolean;
  internalCompression: Compression;
  tileCompression: Compression;
  tileType: TileType;
  minZoom: number;
  maxZoom: number;
  bounds: readonly [number, number, number, number];
  center: readonly [number, number, number];
}

export function serializeHeader(fields: HeaderFields): Uint8Array {
  const bytes = new Uint8Array(HEADER_BYTES);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode("PMTiles"), 0);
  view.setUint8(7, 3);
  const u64 = (offset: number, value: number) => view.setBigUint64(offset, BigInt(value), true);
  u64(8, fields.rootDirectoryOffset);
  u64(16, fields.rootDirectoryLength);
  u64(24, fields.jsonMetadataOffset);
  u64(32, fields.jsonMetadataLength);
  u64(40, fields.leafDirectoryOffset);
  u64(48, fields.leafDirectoryLength);
  u64(56, fields.tileDataOffset);
  u64(64, fields.tileDataLength);
  u64(72, fields.numAddressedTiles);
  u64(80, fields.numTileEntries);
  u64(88, fields.numTileContents);
  view.setUint8(96, fields.clustered ? 1 : 0);
  view.setUint8(97, fields.internalCompression);
  view.setUint8(98, fields.tileCompression);
  view.setUint8(99, fields.tileType);
  view.setUint8(100, fields.minZoom);
  view.setUint8(101, fields.maxZoom);
  // Positions are stored as integers of 1e-7 degree.
  const e7 = (offset: number, degrees: number) => view.setInt32(offset, Math.round(degrees * 1e7), true);
  const [west, south, east, north] = fields.bounds;
  e7(102, west);
  e7(106, south);
  e7(110, east);
  e7(114, north);
  const [lon, lat, zoom] = fields.center;
  view.setUint8(118, zoom);
  e7(119, lon);
  e7(123, lat);
  return bytes;
}

interface Directories {
  root: Uint8Array;
  leaves: Uint8Array[];
  leafBytes: number;
}

function leafDirectories(entries: readonly Entry[], leafEntries: number, compression: WriterCompression): Directories {
  const leaves: Uint8Array[] = [];
  const rootEntries: Entry[] = [];
  let offset = 0;
  for (let start = 0; start < entries.length; start += leafEntries) {
    const slice = entries.slice(start, start + leafEntries);
    const first = slice[0];
    if (first === undefined) break;
    const leaf = compress(serializeDirectory(slice), compression);
    // runLength 0 marks a pointer to a leaf directory; its offset is relative to the leaf section.
    rootEntries.push({ tileId: first.tileId, offset, length: leaf.length, runLength: 0 });
    leaves.push(leaf);
    offset += leaf.length;
  }
  return { root: compress(serializeDirectory(rootEntries), compression), leaves, leafBytes: offset };
}

/** One root directory if it fits; otherwise leaves, growing them until the root fits (as go-pmtiles does). */
export function buildDirectories(entries: readonly Entry[], compression: WriterCompression, maxRootBytes: number, minLeafEntries: number): Directories {
  const root = compress(serializeDirectory(entries), compression);
  if (root.length <= maxRootBytes) return { root, leaves: [], leafBytes: 0 };
  let leafEntries = Math.max(minLeafEntries, Math.ceil(entries.length / 3500));
  for (;;) {
    const directories = leafDirectories(entries, leafEntries, compression);
    if (directories.root.length <= maxRootBytes) return directories;
    if (leafEntries >= entries.length) throw new Error(`root directory of ${directories.root.length} bytes exceeds ${maxRootBytes} even with one leaf`);
    leafEntries = Math.ceil(leafEntries * 1.2);
  }
}

interface Placed {
  offset: number;
  length: number;
}

/**
 * Accepts tiles one at a time, stores each distinct content once (keyed by a hash of the
 * uncompressed bytes, so a duplicate is not even compressed) and keeps only the small directory
 * entries in memory. Tiles may come in any order; in tile-id order the archive is "clustered".
 */
export class PmtilesWriter {
  private readonly byHash = new Map<string, Placed>();
  private readonly tileIds: number[] = [];
  private readonly placements: Placed[] = [];
  private sorted = true;
  private duplicateTiles = 0;
  private duplicateBytes = 0;
  private minZoom = Number.POSITIVE_INFINITY;
  private maxZoom = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly store: TileStore,
    private readonly tileCompression: WriterCompression,
  ) {}

  add(tile: TileInput): void {
    const tileId = zxyToTileId(tile.z, tile.x, tile.y);
    const last = this.tileIds.at(-1);
    if (last !== undefined && tileId <= last) this.sorted = false;
    const hash = createHash("sha256").update(tile.bytes).digest("base64");
    let placed = this.byHash.get(hash);
    if (placed === undefined) {
      const stored = compress(tile.bytes, this.tileCompression);
      placed = { offset: this.store.length, length: stored.length };
      this.store.append(stored);
      this.byHash.set(hash, placed);
    } else {
      this.duplicateTiles += 1;
      this.duplicateBytes += placed.length;
    }
    this.tileIds.push(tileId);
    this.placements.push(placed);
    this.minZoom = Math.min(this.minZoom, tile.z);
    this.maxZoom = Math.max(this.maxZoom, tile.z);
  }

  /** Entries in tile-id order, consecutive ids with the same content folded into one run. */
  private entries(): Entry[] {
    const order = this.tileIds.map((_id, index) => index);
    if (!this.sorted) order.sort((a, b) => (this.tileIds[a] ?? 0) - (this.tileIds[b] ?? 0));
    const entries: Entry[] = [];
    for (const index of order) {
      const tileId = this.tileIds[index] ?? 0;
      const placed = this.placements[index];
      if (placed === undefined) continue;
      const previous = entries.at(-1);
      if (previous !== undefined && previous.tileId === tileId) throw new Error(`tile ${tileId} added twice`);
      if (previous !== undefined && previous.offset === placed.offset && previous.tileId + previous.runLength === tileId) {
        previous.runLength += 1;
      } else {
        entries.push({ tileId, offset: placed.offset, length: placed.length, runLength: 1 });
      }
    }
    return entries;
  }

  /** Everything that precedes the tile data (header, directories, metadata), and the figures. */
  finish(options: ArchiveOptions): { head: Uint8Array; stats: ArchiveStats } {
    const internal = options.internalCompression;
    const entries = this.entries();
    const maxRoot = options.maxRootDirectoryBytes ?? FIRST_FETCH_BYTES - HEADER_BYTES;
    const directories = buildDirectories(entries, internal, maxRoot, options.minLeafEntries ?? DEFAULT_MIN_LEAF_ENTRIES);
    const metadata = compress(new TextEncoder().encode(JSON.stringify(options.metadata)), internal);
    const rootOffset = HEADER_BYTES;
    const metadataOffset = rootOffset + directories.root.length;
    const leafOffset = metadataOffset + metadata.length;
    const tileDataOffset = leafOffset + directories.leafBytes;
    const empty = entries.length === 0;
    const minZoom = empty ? 0 : this.minZoom;
    const maxZoom = empty ? 0 : this.maxZoom;
    const addressedTiles = entries.reduce((sum, entry) => sum + entry.runLength, 0);
    const header = serializeHeader({
      rootDirectoryOffset: rootOffset,
      rootDirectoryLength: directories.root.length,
      jsonMetadataOffset: metadataOffset,
      jsonMetadataLength: metadata.length,
      leafDirectoryOffset: leafOffset,
      leafDirectoryLength: directories.leafBytes,
      tileDataOffset,
      tileDataLength: this.store.length,
      numAddressedTiles: addressedTiles,
      numTileEntries: entries.length,
      numTileContents: this.byHash.size,
      clustered: this.sorted,
      internalCompression: internal,
      tileCompression: this.tileCompression,
      tileType: options.tileType,
      minZoom,
      maxZoom,
      bounds: options.bounds,
      center: options.center,
    });
    const head = new Uint8Array(tileDataOffset);
    head.set(header, 0);
    head.set(directories.root, rootOffset);
    head.set(metadata, metadataOffset);
    let position = leafOffset;
    for (const leaf of directories.leaves) {
      head.set(leaf, position);
      position += leaf.length;
    }
    const stats: ArchiveStats = {
      addressedTiles,
      tileEntries: entries.length,
      tileContents: this.byHash.size,
      duplicateTiles: this.duplicateTiles,
      duplicateBytes: this.duplicateBytes,
      tileDataBytes: this.store.length,
      rootDirectoryBytes: directories.root.length,
      leafDirectories: directories.leaves.length,
      leafDirectoryBytes: directories.leafBytes,
      metadataBytes: metadata.length,
      archiveBytes: tileDataOffset + this.store.length,
      clustered: this.sorted,
      minZoom,
      maxZoom,
    };
    return { head, stats };
  }
}

/** The whole archive in memory: for tests and small tile sets. */
export function writePmtiles(tiles: Iterable<TileInput>, options: ArchiveOptions): { archive: Buffer; stats: ArchiveStats } {
  const store = new MemoryTileStore();
  const writer = new PmtilesWriter(store, options.tileCompression);
  for (const tile of tiles) writer.add(tile);
  const { head, stats } = writer.finish(options);
  const archive = Buffer.concat([head, ...store.chunks()]);
  store.dispose();
  return { archive, stats };
}

/**
 * Streams the archive to `path`: tile contents go to a temporary file beside it as they come,
 * then header, directories and metadata are written and the tile data copied after them. The
 * archive is written under a temporary name and renamed, so a server never sees half of one.
 */
export function writePmtilesFile(tiles: Iterable<TileInput>, options: ArchiveOptions, path: string): ArchiveStats {
  const store = new FileTileStore(`${path}.tiledata.tmp`);
  const partial = `${path}.partial`;
  try {
    const writer = new PmtilesWriter(store, options.tileCompression);
    for (const tile of tiles) writer.add(tile);
    const { head, stats } = writer.finish(options);
    const fd = openSync(partial, "w");
    try {
      let position = writeAll(fd, head, 0);
      for (const chunk of store.chunks()) position += writeAll(fd, chunk, position);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, path);
    return stats;
  } finally {
    store.dispose();
    rmSync(partial, { force: true });
  }
}
