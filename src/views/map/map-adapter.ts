// The one owner of the imperative map: MapLibre for the basemap, deck.gl interleaved in the same
// WebGL2 context for the data layers. React creates it once and only feeds it.
import type { Layer } from "@deck.gl/core";
import { MapLibreOverlay } from "@deck.gl/maplibre";
import { Map as MapLibreMap, setWorkerUrl, type StyleSpecification } from "maplibre-gl";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import "maplibre-gl/dist/maplibre-gl.css";
import { LABEL_FONTS } from "../../layers/basemap-style.ts";

setWorkerUrl(workerUrl);

export interface Camera {
  longitude: number;
  latitude: number;
  zoom: number;
}

export interface MapAdapterOptions {
  style: StyleSpecification;
  camera: Camera;
  onCameraChange?: (camera: Camera) => void;
}

export class MapAdapter {
  readonly map: MapLibreMap;
  private readonly overlay: MapLibreOverlay;
  private readonly loaded: Promise<void>;
  private layers: Layer[] = [];

  constructor(container: HTMLElement, options: MapAdapterOptions) {
    this.map = new MapLibreMap({
      container,
      style: options.style,
      center: [options.camera.longitude, options.camera.latitude],
      zoom: options.camera.zoom,
      attributionControl: false,
      // Ideographs drawn from local fonts; with no glyphs URL in the style every glyph is local.
      localIdeographFontFamily: LABEL_FONTS.join(", "),
      // WebGL's own limit here is 8192; the default 4096 cap silently blurs 4K walls and big exports.
      maxCanvasSize: [8192, 8192],
      fadeDuration: 0,
    });
    this.overlay = new MapLibreOverlay({ interleaved: true, layers: [] });
    // Interleaved deck layers must be added after `load`, or beforeId is ignored.
    this.loaded = new Promise((resolve) => {
      this.map.once("load", () => {
        this.map.addControl(this.overlay);
        this.overlay.setProps({ layers: this.layers });
        resolve();
      });
    });
    if (options.onCameraChange) {
      const notify = options.onCameraChange;
      this.map.on("moveend", () => notify(this.camera()));
    }
  }

  camera(): Camera {
    const center = this.map.getCenter();
    return { longitude: center.lng, latitude: center.lat, zoom: this.map.getZoom() };
  }

  setStyle(style: StyleSpecification): void {
    this.map.setStyle(style, { diff: true });
  }

  setLayers(layers: Layer[]): void {
    this.layers = layers;
    if (this.map.loaded()) this.overlay.setProps({ layers });
  }

  fitBounds(bbox: [number, number, number, number], animate = false): void {
    this.map.fitBounds([[bbox[0], bbox[1]], [bbox[2], bbox[3]]], { padding: 24, animate });
  }

  /** Resolves after the map has loaded and drawn everything it was given so far. */
  async whenIdle(): Promise<void> {
    await this.loaded;
    await new Promise<void>((resolve) => {
      this.map.once("idle", () => resolve());
      this.map.triggerRepaint();
    });
  }

  destroy(): void {
    this.overlay.finalize();
    this.map.remove();
  }
}
