// Draws the export map in a hidden MapLibre map of its own, tile by tile, and stitches the tiles
// into one canvas of the exact size asked for. MapLibre lowers the pixel ratio of a canvas past
// maxCanvasSize without failing; each tile is checked for that, so a big sheet is never blurred.
import { Map as MapLibreMap, type GeoJSONSource, type StyleSpecification } from "maplibre-gl";
import type { FeatureCollection } from "geojson";
import { LABEL_FONTS } from "../../layers/basemap-style.ts";
import { FOCUS_SOURCE } from "../../export/export-style.ts";
import { offsetCentre, tilePlan, type SheetCamera } from "../../export/map-camera.ts";

/** MapLibre's default canvas cap, safe on every GPU; bigger maps are drawn in tiles. */
export const DEFAULT_MAX_TILE_PIXELS = 4096;
const IDLE_TIMEOUT_MS = 180_000;

/** Times a tile that failed to load is asked for again before the export gives up. */
const TILE_RETRIES = 2;

/** Tiles that could not be loaded even after retries: the export would have a hole there. */
export class TileLoadError extends Error {
  constructor(readonly failures: readonly TileFailureInfo[]) {
    const first = failures[0];
    super(`${failures.length} map tile(s) could not be loaded (${first?.file ?? "?"} ${first?.tile ?? ""}: ${first?.message ?? ""})`);
  }
}

interface TileFailureInfo {
  source: string;
  /** The tile archive or URL template the tile comes from. */
  file: string;
  tile: string;
  message: string;
  id: { z: number; x: number; y: number };
}

/** MapLibre drew a smaller canvas than asked (maxCanvasSize or the GPU's own limit). */
export class CanvasLimitError extends Error {
  readonly largestSide: number;
  constructor(width: number, height: number, wantedWidth: number, wantedHeight: number) {
    super(`the map canvas was limited to ${width}×${height} px instead of ${wantedWidth}×${wantedHeight} px`);
    this.largestSide = Math.max(width, height);
  }
}

export interface MapRenderRequest {
  camera: SheetCamera;
  /** Size of the map frame in device pixels. */
  widthPixels: number;
  heightPixels: number;
  /** Device pixels per sheet unit. */
  density: number;
}

export class SnapshotMapRenderer {
  private readonly container: HTMLDivElement;
  private map: MapLibreMap | undefined;
  private style: StyleSpecification | undefined;
  /** Tiles that failed to load and have not loaded since, by source and tile. */
  private readonly failedTiles = new Map<string, TileFailureInfo>();
  /** Keys of the tiles that failed while `drawnWhole` last waited. */
  private readonly failedNow = new Set<string>();
  /** Tiles drawn by the last render, for the benchmark and tests. */
  lastTileCount = 0;
  /** Map tiles asked for again during the last render because they had failed. */
  lastRetries = 0;

  constructor(private readonly maxTilePixels = DEFAULT_MAX_TILE_PIXELS) {
    this.container = document.createElement("div");
    this.container.setAttribute("aria-hidden", "true");
    this.container.dataset.testid = "snapshot-offscreen-map";
    // Off-screen but laid out: MapLibre sizes its canvas from the container's client size.
    Object.assign(this.container.style, { position: "fixed", left: "-40000px", top: "0", width: "256px", height: "256px", pointerEvents: "none" });
    document.body.append(this.container);
  }

  /** Creates the map with `style`, or switches to it; GeoJSON is parsed once per style. */
  async setStyle(style: StyleSpecification): Promise<void> {
    if (this.style === style && this.map) return;
    this.style = style;
    if (!this.map) {
      // The same options as the explorer's map (map-adapter.ts), so labels and lines match.
      this.map = new MapLibreMap({
        container: this.container,
        style,
        attributionControl: false,
        interactive: false,
        localIdeographFontFamily: LABEL_FONTS.join(", "),
        fadeDuration: 0,
        pixelRatio: 1,
        maxCanvasSize: [this.maxTilePixels, this.maxTilePixels],
        canvasContextAttributes: { preserveDrawingBuffer: true },
      });
      const map = this.map;
      this.watchTiles(map);
      await new Promise<void>((resolve) => map.once("load", () => resolve()));
    } else {
      const map = this.map;
      const loaded = new Promise<void>((resolve) => map.once("style.load", () => resolve()));
      this.failedTiles.clear();
      map.setStyle(style, { diff: false });
      await loaded;
    }
  }

  /** Atlas pages: the unit to outline (see export-style.ts). */
  setFocus(features: FeatureCollection): void {
    (this.map?.getSource(FOCUS_SOURCE) as GeoJSONSource | undefined)?.setData(features);
  }

  async render(request: MapRenderRequest): Promise<HTMLCanvasElement> {
    const map = this.map;
    if (!map) throw new Error("setStyle must come before render");
    let limit = this.maxTilePixels;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.renderTiles(map, request, limit);
      } catch (error) {
        // The GPU allows less than maxCanvasSize: draw smaller tiles rather than a blurred map.
        if (!(error instanceof CanvasLimitError) || attempt >= 3 || error.largestSide < 512) throw error;
        limit = error.largestSide;
      }
    }
  }

  private async renderTiles(map: MapLibreMap, request: MapRenderRequest, maxTilePixels: number): Promise<HTMLCanvasElement> {
    const { camera, widthPixels, heightPixels } = request;
    const ratio = request.density * camera.scale;
    const output = document.createElement("canvas");
    output.width = widthPixels;
    output.height = heightPixels;
    // Read back for encoding anyway, so keep the stitched map in memory the CPU can read.
    const context = output.getContext("2d", { willReadFrequently: true });
    if (!context) throw new Error("no 2D canvas context for the export map");
    // Whole CSS pixels round up to at most one ratio's worth of device pixels more per side.
    const tileLimit = maxTilePixels - Math.ceil(ratio) - 1;
    const overlap = Math.min(Math.round(96 * ratio), Math.floor(tileLimit / 4));
    const tiles = tilePlan(widthPixels, heightPixels, tileLimit, overlap);
    this.lastTileCount = tiles.length;
    this.lastRetries = 0;
    map.setPixelRatio(ratio);
    for (const tile of tiles) {
      this.container.style.width = `${Math.ceil(tile.canvasWidth / ratio)}px`;
      this.container.style.height = `${Math.ceil(tile.canvasHeight / ratio)}px`;
      map.resize();
      const canvas = map.getCanvas();
      const expected = [Math.round(ratio * Math.ceil(tile.canvasWidth / ratio)), Math.round(ratio * Math.ceil(tile.canvasHeight / ratio))];
      if (canvas.width !== expected[0] || canvas.height !== expected[1]) {
        throw new CanvasLimitError(canvas.width, canvas.height, expected[0] ?? 0, expected[1] ?? 0);
      }
      // The tile canvas's centre, as an offset from the whole map's centre, in CSS pixels.
      const dx = (tile.canvasX + canvas.width / 2 - widthPixels / 2) / ratio;
      const dy = (tile.canvasY + canvas.height / 2 - heightPixels / 2) / ratio;
      const [longitude, latitude] = offsetCentre(camera, dx, dy);
      map.jumpTo({ center: [longitude, latitude], zoom: camera.zoom, bearing: camera.bearing, pitch: 0 });
      await this.drawnWhole(map);
      context.drawImage(canvas, tile.x - tile.canvasX, tile.y - tile.canvasY, tile.width, tile.height, tile.x, tile.y, tile.width, tile.height);
      // Reading one pixel waits for the GPU to finish this tile before the next camera move.
      context.getImageData(tile.x, tile.y, 1, 1);
    }
    return output;
  }

  /**
   * Waits until the camera's tiles are drawn. A tile that failed (a dropped request on a busy
   * intranet) is asked for again; one that still fails stops the export, which would otherwise
   * show a hole where the map has data.
   */
  private async drawnWhole(map: MapLibreMap): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      this.failedNow.clear();
      await this.idle(map);
      if (this.failedTiles.size === 0) return;
      // Only the failed tiles this camera shows are loaded again; others stay as they are.
      const bySource = new Map<string, TileFailureInfo["id"][]>();
      for (const failure of this.failedTiles.values()) bySource.set(failure.source, [...(bySource.get(failure.source) ?? []), failure.id]);
      for (const [source, ids] of bySource) if (map.getSource(source)) map.refreshTiles(source, ids);
      if (map.areTilesLoaded()) return;
      this.lastRetries += this.failedTiles.size;
      if (attempt >= TILE_RETRIES) {
        // The tiles that failed again for this camera; the others may be out of its view.
        const again = [...this.failedTiles.entries()].filter(([key]) => this.failedNow.has(key));
        throw new TileLoadError((again.length > 0 ? again : [...this.failedTiles.entries()]).map(([, failure]) => failure));
      }
    }
  }

  /** Remembers tiles that failed to load until they load, for `drawnWhole`. */
  private watchTiles(map: MapLibreMap): void {
    type TileEvent = {
      sourceId?: string;
      tile?: { tileID?: { canonical?: { z: number; x: number; y: number } } };
      error?: { message?: string; name?: string };
    };
    const keyOf = (event: TileEvent) => {
      const id = event.tile?.tileID?.canonical;
      return event.sourceId && id ? { key: `${event.sourceId} ${id.z}/${id.x}/${id.y}`, id, source: event.sourceId } : undefined;
    };
    map.on("error", (event: TileEvent) => {
      const tile = keyOf(event);
      if (!tile || event.error?.name === "AbortError") return;
      const source = map.getSource(tile.source) as { url?: string; tiles?: string[] } | undefined;
      const file = (source?.url ?? source?.tiles?.[0] ?? tile.source).replace(/^pmtiles:\/\//, "");
      const { z, x, y } = tile.id;
      this.failedNow.add(tile.key);
      this.failedTiles.set(tile.key, { source: tile.source, file, tile: `${z}/${x}/${y}`, message: event.error?.message ?? "", id: { z, x, y } });
    });
    map.on("sourcedata", (event: TileEvent) => {
      const tile = keyOf(event);
      if (tile) this.failedTiles.delete(tile.key);
    });
  }

  private idle(map: MapLibreMap): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the export map did not finish drawing within ${IDLE_TIMEOUT_MS / 1000} s`)), IDLE_TIMEOUT_MS);
      map.once("idle", () => {
        clearTimeout(timer);
        resolve();
      });
      map.triggerRepaint();
    });
  }

  destroy(): void {
    this.map?.remove();
    this.map = undefined;
    this.container.remove();
  }
}
