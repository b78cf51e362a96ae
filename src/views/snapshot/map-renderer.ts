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
  /** Tiles drawn by the last render, for the benchmark and tests. */
  lastTileCount = 0;

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
      await new Promise<void>((resolve) => map.once("load", () => resolve()));
    } else {
      const map = this.map;
      const loaded = new Promise<void>((resolve) => map.once("style.load", () => resolve()));
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
      await this.idle(map);
      context.drawImage(canvas, tile.x - tile.canvasX, tile.y - tile.canvasY, tile.width, tile.height, tile.x, tile.y, tile.width, tile.height);
      // Reading one pixel waits for the GPU to finish this tile before the next camera move.
      context.getImageData(tile.x, tile.y, 1, 1);
    }
    return output;
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
