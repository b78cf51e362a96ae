// Cuts several GeoJSON layers into Mapbox Vector Tiles with the encoders MapLibre itself uses:
// one @maplibre/geojson-vt index per layer (each with its own zoom range), and for every tile
// the layers present there encoded together by @maplibre/vt-pbf.
import { GeoJSONVT, type GeoJSONVTTile } from "@maplibre/geojson-vt";
import { fromGeojsonVt } from "@maplibre/vt-pbf";
import type { Feature, Geometry, Position } from "geojson";
import { tileIdToZxy, zxyToTileId } from "pmtiles";
import type { TileInput } from "./pmtiles-writer.ts";

/** MVT coordinates per tile side, and the margin (in those units) features are kept beyond the edge so that lines and fills join across tiles. geojson-vt's defaults, and MapLibre's. */
export const TILE_EXTENT = 4096;
const TILE_BUFFER = 64;

export interface CutLayer {
  name: string;
  minZoom: number;
  maxZoom: number;
  features: readonly Feature[];
}

export interface CutTile extends TileInput {
  /** Features per layer in this tile. */
  features: Record<string, number>;
}

export type Bounds = [west: number, south: number, east: number, north: number];

interface IndexedLayer {
  name: string;
  minZoom: number;
  maxZoom: number;
  index: GeoJSONVT;
}

function extendBounds(bounds: Bounds, coordinates: unknown): void {
  if (!Array.isArray(coordinates)) return;
  if (typeof coordinates[0] === "number") {
    const [lon, lat] = coordinates as Position;
    if (lon === undefined || lat === undefined) return;
    bounds[0] = Math.min(bounds[0], lon);
    bounds[1] = Math.min(bounds[1], lat);
    bounds[2] = Math.max(bounds[2], lon);
    bounds[3] = Math.max(bounds[3], lat);
    return;
  }
  for (const inner of coordinates) extendBounds(bounds, inner);
}

export function emptyBounds(): Bounds {
  return [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
}

function geometryBounds(geometry: Geometry): Bounds {
  const bounds = emptyBounds();
  if (geometry.type !== "GeometryCollection") extendBounds(bounds, geometry.coordinates);
  return bounds;
}

/** Web-Mercator position in tile units at zoom z (x right, y down). */
function tileX(lon: number, z: number): number {
  return ((lon + 180) / 360) * 2 ** z;
}

function tileY(lat: number, z: number): number {
  const clamped = Math.max(-85.0511, Math.min(85.0511, lat));
  const sin = Math.sin((clamped * Math.PI) / 180);
  return (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * 2 ** z;
}

export class TileCutter {
  private readonly layers: IndexedLayer[] = [];
  /** Tile ids any layer's feature boxes touch (buffer included): the only tiles worth asking geojson-vt for. */
  private readonly candidates = new Set<number>();
  readonly bounds: Bounds = emptyBounds();

  /** Indexes a layer; the features are not kept (geojson-vt holds its own projected copy). */
  addLayer(layer: CutLayer): void {
    if (layer.features.length === 0) return;
    const index = new GeoJSONVT(
      { type: "FeatureCollection", features: [...layer.features] },
      // tolerance 3 (of 4096) is geojson-vt's and MapLibre's default simplification; at maxZoom it keeps every vertex.
      { maxZoom: layer.maxZoom, extent: TILE_EXTENT, buffer: TILE_BUFFER, tolerance: 3 },
    );
    this.layers.push({ name: layer.name, minZoom: layer.minZoom, maxZoom: layer.maxZoom, index });
    const margin = TILE_BUFFER / TILE_EXTENT;
    for (const feature of layer.features) {
      const [west, south, east, north] = geometryBounds(feature.geometry);
      if (!(west <= east && south <= north)) continue;
      extendBounds(this.bounds, [
        [west, south],
        [east, north],
      ]);
      for (let z = layer.minZoom; z <= layer.maxZoom; z++) {
        const last = 2 ** z - 1;
        const x0 = Math.max(0, Math.floor(tileX(west, z) - margin));
        const x1 = Math.min(last, Math.floor(tileX(east, z) + margin));
        const y0 = Math.max(0, Math.floor(tileY(north, z) - margin));
        const y1 = Math.min(last, Math.floor(tileY(south, z) + margin));
        for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) this.candidates.add(zxyToTileId(z, x, y));
      }
    }
  }

  get candidateCount(): number {
    return this.candidates.size;
  }

  /**
   * Every non-empty tile, in tile-id order (zoom by zoom along the Hilbert curve): the order a
   * clustered PMTiles archive wants, and one that keeps geojson-vt drilling down near where it
   * just was.
   */
  *tiles(): Generator<CutTile> {
    const ids = Float64Array.from(this.candidates).toSorted();
    for (const id of ids) {
      const [z, x, y] = tileIdToZxy(id);
      const present: Record<string, GeoJSONVTTile> = {};
      const features: Record<string, number> = {};
      for (const layer of this.layers) {
        if (z < layer.minZoom || z > layer.maxZoom) continue;
        const tile = layer.index.getTile(z, x, y);
        if (tile === null || tile.features.length === 0) continue;
        present[layer.name] = tile;
        features[layer.name] = tile.features.length;
      }
      if (Object.keys(present).length === 0) continue;
      yield { z, x, y, bytes: fromGeojsonVt(present, { version: 2, extent: TILE_EXTENT }), features };
    }
  }
}
