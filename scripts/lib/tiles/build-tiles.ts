// A dataset folder (manifest + one GeoJSON per layer) to one PMTiles archive of vector tiles:
// read and check each layer, cut the tiles, write the archive, count what happened.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Feature, Geometry } from "geojson";
import { Compression, TileType } from "pmtiles";
import { LAYER_NAMES, type LayerName, type Manifest } from "../../../src/data/contract.ts";
import { type ContractIssue, parseLayerLenient, parseManifest } from "../../../src/data/validate.ts";
import { type ArchiveStats, writePmtilesFile } from "./pmtiles-writer.ts";
import { type Bounds, type CutTile, TileCutter } from "./tile-cutter.ts";
import { DEFAULT_MAX_ZOOM, LAYER_MIN_ZOOM, type FieldType, tileFeatures, tileFields } from "./tile-layers.ts";

export interface BuildOptions {
  /** Archive to write. */
  out: string;
  maxZoom?: number;
  /** Keep fields the contract marks as personal (grid workers' names). */
  includePersonalData?: boolean;
  log?: (line: string) => void;
}

export interface LayerReport {
  features: number;
  minZoom: number;
  maxZoom: number;
}

export interface ZoomReport {
  tiles: number;
  /** Uncompressed MVT bytes, summed and of the largest tile. */
  bytes: number;
  largest: { x: number; y: number; bytes: number; features: Record<string, number> } | null;
}

export interface BuildReport {
  layers: Partial<Record<LayerName, LayerReport>>;
  /** Features left out because they break the contract: never silently. */
  problems: ContractIssue[];
  zooms: ZoomReport[];
  archive: ArchiveStats;
  metadata: Record<string, unknown>;
  seconds: { index: number; tiles: number };
}

export interface VectorLayer {
  id: LayerName;
  description: string;
  fields: Record<string, FieldType>;
  minzoom: number;
  maxzoom: number;
}

/** The zoom at which `bounds` fits in a view about 1,000 px wide (512-px tiles, as MapLibre uses). */
function fittingZoom(bounds: Bounds, maxZoom: number): number {
  const span = Math.max(bounds[2] - bounds[0], 1e-6);
  return Math.max(0, Math.min(maxZoom, Math.floor(Math.log2(720 / span))));
}

/**
 * TileJSON-style metadata (what MapLibre and tile inspectors read) plus the manifest fields the
 * app needs to label the data: its date (数据截至) and which layers are synthetic.
 */
export function archiveMetadata(manifest: Manifest, vectorLayers: VectorLayer[], includePersonalData: boolean): Record<string, unknown> {
  const sourceNames = manifest.sources.map((source) => source.name).join(" · ");
  return {
    name: manifest.title,
    description: `${manifest.titleEn ?? manifest.title}; data as of ${manifest.asOf}; synthetic geometry: ${manifest.synthetic.geometry.join(", ") || "none"}; synthetic attributes: ${manifest.synthetic.attributes.join(", ") || "none"}`,
    attribution: manifest.credit === undefined ? sourceNames : `${manifest.credit} · ${sourceNames}`,
    type: "overlay",
    format: "pbf",
    generator: "party-building-map scripts/tiles.ts (@maplibre/geojson-vt, @maplibre/vt-pbf)",
    vector_layers: vectorLayers,
    datasetId: manifest.id,
    title: manifest.title,
    ...(manifest.titleEn === undefined ? {} : { titleEn: manifest.titleEn }),
    asOf: manifest.asOf,
    synthetic: manifest.synthetic,
    sources: manifest.sources,
    ...(manifest.credit === undefined ? {} : { credit: manifest.credit }),
    personalData: includePersonalData,
  };
}

const DESCRIPTIONS: Record<LayerName, string> = {
  prefectures: "州市 prefectures",
  districts: "县(市、区) counties",
  streets: "乡镇(街道) townships",
  communities: "社区/村 communities",
  grids: "网格 grids",
  compounds: "小区/自然村 residential units",
  stations: "社工站/社工室 social-work stations",
};

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, "utf8"));
}

/** Counts tiles per zoom and remembers the largest, on the way from the cutter to the writer. */
function* counted(tiles: Iterable<CutTile>, zooms: ZoomReport[]): Generator<CutTile> {
  for (const tile of tiles) {
    const zoom = zooms[tile.z];
    if (zoom !== undefined) {
      zoom.tiles += 1;
      zoom.bytes += tile.bytes.length;
      if (zoom.largest === null || tile.bytes.length > zoom.largest.bytes)
        zoom.largest = { x: tile.x, y: tile.y, bytes: tile.bytes.length, features: tile.features };
    }
    yield tile;
  }
}

export function buildTiles(folder: string, options: BuildOptions): BuildReport {
  const log = options.log ?? (() => undefined);
  const maxZoom = options.maxZoom ?? DEFAULT_MAX_ZOOM;
  const includePersonalData = options.includePersonalData ?? false;
  if (!Number.isInteger(maxZoom) || maxZoom < 0 || maxZoom > 20) throw new Error(`max zoom must be an integer from 0 to 20, not ${maxZoom}`);
  const manifestFile = join(folder, "manifest.json");
  const manifest = parseManifest(manifestFile, readJson(manifestFile));

  const started = performance.now();
  const cutter = new TileCutter();
  const layers: Partial<Record<LayerName, LayerReport>> = {};
  const vectorLayers: VectorLayer[] = [];
  const problems: ContractIssue[] = [];
  // One layer at a time, so that only one file's parsed JSON is alive while indexing.
  for (const layer of LAYER_NAMES) {
    const file = manifest.layers[layer];
    if (file === undefined) continue;
    const parsed = parseLayerLenient(layer, join(folder, file), readJson(join(folder, file)));
    problems.push(...parsed.issues);
    // A min zoom above the max zoom would leave the layer out altogether.
    const minZoom = Math.min(LAYER_MIN_ZOOM[layer], maxZoom);
    const features = tileFeatures(layer, parsed.collection.features as Feature<Geometry, Record<string, unknown>>[], { includePersonalData });
    cutter.addLayer({ name: layer, minZoom, maxZoom, features });
    layers[layer] = { features: features.length, minZoom, maxZoom };
    if (features.length > 0)
      vectorLayers.push({
        id: layer,
        description: DESCRIPTIONS[layer],
        fields: tileFields(layer, { includePersonalData }),
        minzoom: minZoom,
        maxzoom: maxZoom,
      });
    log(
      `${layer}: ${features.length} features, z${minZoom}-${maxZoom}${parsed.issues.length > 0 ? `, ${parsed.issues.length} problems (features left out)` : ""}`,
    );
  }
  if (vectorLayers.length === 0) throw new Error(`${folder}: no features in any layer`);
  const indexed = performance.now();
  log(`indexed in ${((indexed - started) / 1000).toFixed(1)} s; ${cutter.candidateCount} candidate tiles`);

  const zooms: ZoomReport[] = Array.from({ length: maxZoom + 1 }, () => ({ tiles: 0, bytes: 0, largest: null }));
  const bounds = cutter.bounds;
  const metadata = archiveMetadata(manifest, vectorLayers, includePersonalData);
  const archive = writePmtilesFile(
    counted(cutter.tiles(), zooms),
    {
      tileType: TileType.Mvt,
      tileCompression: Compression.Gzip,
      internalCompression: Compression.Gzip,
      bounds,
      center: [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, fittingZoom(bounds, maxZoom)],
      metadata,
    },
    options.out,
  );
  const seconds = { index: (indexed - started) / 1000, tiles: (performance.now() - indexed) / 1000 };
  return { layers, problems, zooms, archive, metadata, seconds };
}
