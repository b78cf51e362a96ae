// The one owner of the imperative map: MapLibre draws the basemap and every data layer; a deck.gl
// overlay interleaved in the same WebGL2 context joins only when a view hands it layers (none
// does today). React creates the adapter once and only feeds it.
import type { Layer } from "@deck.gl/core";
import type { MapLibreOverlay } from "@deck.gl/maplibre";
import { Map as MapLibreMap, NavigationControl, type StyleSpecification } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import type { LayerName } from "../../data/contract.ts";
import { LABEL_FONTS } from "../../layers/basemap-style.ts";
import { applyStyle } from "./apply-style.ts";
import { tilesReadOnMainThread } from "./tile-workers.ts";

/** Finds what lies under a point of the map (longitude, latitude in degrees; tolerance in degrees). */
export type Picker = (longitude: number, latitude: number, tolerance: number, point: { x: number; y: number }) => PickedFeature | null;

export interface PickedFeature {
  layer: LayerName;
  id: string;
  name: string;
  /** The feature's flat properties as the data has them. */
  properties: Record<string, unknown>;
}

export interface PointerHandlers {
  /** The feature under the pointer (null over nothing), with the pointer's CSS pixels in the map. */
  onHover?: (picked: PickedFeature | null, point: { x: number; y: number }) => void;
  /** `lngLat` in degrees: where the click landed, for placing things there. */
  onClick?: (picked: PickedFeature | null, lngLat: [number, number]) => void;
}

/** How far from a point marker a pick still counts, in CSS pixels. */
const PICK_TOLERANCE_PIXELS = 8;

/**
 * The canvas cap handed to MapLibre. Its default (4096) silently lowers the resolution of 4K and
 * splice walls (5760 or 7680 pixels wide) and of big exports. A cap above what any GPU draws is
 * safe: when the browser gives a smaller drawing buffer than asked for, MapLibre notices and
 * clamps to it. (Asking the device up front took a throwaway WebGL context: 1.2 s of every page
 * load in software WebGL.)
 */
const CANVAS_CAP: [number, number] = [16384, 16384];

/**
 * luma.gl (deck.gl's GPU layer) instruments the WebGL context object itself: it keeps its device
 * there and replaces state setters (useProgram, enable, blendFunc…) with versions that skip a
 * call its cache says is redundant. All of that outlives a context loss, and on the restored
 * context the stale cache skips calls MapLibre needs ("drawElements: no valid shader program").
 * Stripping it on loss gives MapLibre plain WebGL methods to restore with; the new overlay
 * instruments the context afresh. WebGL's own methods live on the prototype, so every own
 * function property is luma's.
 */
function stripLumaInstrumentation(gl: WebGL2RenderingContext | null): void {
  if (!gl) return;
  for (const [key, value] of Object.entries(gl)) {
    if (typeof value === "function" || key === "luma" || key === "lumaState") Reflect.deleteProperty(gl, key);
  }
}

/** A source's tile that did not load: which source, which tile (null when MapLibre does not say), and why. */
export interface TileFailure {
  source: string;
  tile: string | null;
  message: string;
}

export interface Camera {
  longitude: number;
  latitude: number;
  zoom: number;
  /** Degrees clockwise from north that point up; absent means north up. */
  bearing?: number;
}

/** The 3D sandtable's camera: tilted by `pitch` degrees; null for the flat map. */
export type Tilt = { pitch: number } | null;

export interface MapAdapterOptions {
  style: StyleSpecification;
  camera: Camera;
  /** [west, south, east, north]: frame these bounds instead of the camera. */
  bounds?: [number, number, number, number];
  /** Start tilted (the 3D sandtable). */
  tilt?: Tilt;
  onCameraChange?: (camera: Camera) => void;
}

/** The deck.gl overlay, once a layer needs it; `loaded` resolves when its device is ready. */
interface Deck {
  overlay: MapLibreOverlay;
  loaded: Promise<void>;
}

export class MapAdapter {
  readonly map: MapLibreMap;
  /**
   * Created on the first deck.gl layer, not with the map: its code (a chunk of its own) and its
   * GPU device would otherwise sit on every page's path to the first frame, for layers that
   * MapLibre draws itself.
   */
  private deck: Promise<Deck> | null = null;
  private readonly loaded: Promise<void>;
  private readonly styleLoaded: Promise<void>;
  private layers: Layer[] = [];
  private picker: Picker | undefined;
  private restorations = 0;
  /** The compass and pitch control, shown while the map is tilted. */
  private navigation: NavigationControl | null = null;

  constructor(container: HTMLElement, options: MapAdapterOptions) {
    this.map = new MapLibreMap({
      container,
      style: options.style,
      center: [options.camera.longitude, options.camera.latitude],
      zoom: options.camera.zoom,
      bearing: options.camera.bearing ?? 0,
      pitch: options.tilt?.pitch ?? 0,
      ...(options.bounds ? { bounds: options.bounds, fitBoundsOptions: { padding: 24 } } : {}),
      attributionControl: false,
      // Ideographs drawn from local fonts; with no glyphs URL in the style every glyph is local.
      localIdeographFontFamily: LABEL_FONTS.join(", "),
      maxCanvasSize: CANVAS_CAP,
      fadeDuration: 0,
    });
    // The style the map was made with is the base of the first update, which is then only a diff.
    this.currentStyle = options.style;
    this.loaded = new Promise((resolve) => this.map.once("load", () => resolve()));
    // Style updates need the style parsed, not the first complete frame: labels or colours that
    // arrive while the first tiles load join that frame instead of redrawing it afterwards.
    this.styleLoaded = new Promise((resolve) => this.map.once("style.load", () => resolve()));
    if (options.onCameraChange) {
      const notify = options.onCameraChange;
      this.map.on("moveend", () => notify(this.camera()));
    }
    if (options.tilt) this.showNavigation(true);
    this.map.on("webglcontextlost", () => stripLumaInstrumentation(this.map.getCanvas().getContext("webgl2")));
    this.map.on("webglcontextrestored", () => this.restoreOverlay());
  }

  /**
   * deck.gl creates its device asynchronously; until then the map draws frames without its
   * layers, so repaint once it is ready and let whenIdle() wait for it. Interleaved deck layers
   * are added after the map's `load`, or beforeId is ignored.
   */
  private async createDeck(): Promise<Deck> {
    const [{ MapLibreOverlay }] = await Promise.all([import("@deck.gl/maplibre"), this.loaded]);
    let overlay: MapLibreOverlay | undefined;
    const loaded = new Promise<void>((resolve) => {
      overlay = new MapLibreOverlay({
        interleaved: true,
        layers: [],
        onLoad: () => {
          resolve();
          this.map.triggerRepaint();
        },
      });
    });
    if (!overlay) throw new Error("MapLibreOverlay was not created");
    this.map.addControl(overlay);
    return { overlay, loaded };
  }

  /**
   * A lost WebGL context (GPU reset, driver update, too many contexts) comes back empty. MapLibre
   * rebuilds its own painter and style on it; a deck.gl overlay's device and buffers belonged to
   * the lost context, so the overlay is built again and given its layers.
   */
  private restoreOverlay(): void {
    this.restorations += 1;
    // MapLibre restores the style it held when the context went; styles set since then come back here.
    if (this.currentStyle) this.map.setStyle(this.currentStyle, { diff: true });
    const previous = this.deck;
    if (!previous) return;
    this.deck = previous.then((deck) => {
      try {
        this.map.removeControl(deck.overlay);
      } catch (error) {
        // Its layer groups went with the lost style; the restore must go on without them.
        console.warn("deck.gl overlay could not be removed after a context loss", error);
      }
      return this.createDeck();
    });
    this.syncLayers();
  }

  /**
   * How many tiles the main thread has read from a PMTiles archive, rather than a tile worker (for
   * tests). One count for the page: every map on it (the snapshot renderer's too) shares the protocol.
   */
  get tilesReadOnMainThread(): number {
    return tilesReadOnMainThread();
  }

  /** How many times the WebGL context was lost and restored (for diagnostics and tests). */
  get contextRestorations(): number {
    return this.restorations;
  }

  camera(): Camera {
    const center = this.map.getCenter();
    const bearing = this.map.getBearing();
    return { longitude: center.lng, latitude: center.lat, zoom: this.map.getZoom(), ...(bearing !== 0 ? { bearing } : {}) };
  }

  /**
   * Tilts the camera into the 3D sandtable (keeping the bearing) or back to the flat map, north
   * up. Rotation is MapLibre's own: right-drag or ctrl-drag, two-finger twist, and the compass of
   * the navigation control shown while tilted.
   */
  setTilt(tilt: Tilt, animate = true): void {
    const target = tilt ? { pitch: tilt.pitch } : { pitch: 0, bearing: 0 };
    if (animate) this.map.easeTo({ ...target, duration: 800 });
    else this.map.jumpTo(target);
    this.showNavigation(tilt !== null);
  }

  private showNavigation(shown: boolean): void {
    if (shown && !this.navigation) {
      this.navigation = new NavigationControl({ showZoom: false, showCompass: true, visualizePitch: true });
      this.map.addControl(this.navigation, "top-right");
    } else if (!shown && this.navigation) {
      this.map.removeControl(this.navigation);
      this.navigation = null;
    }
  }

  /** Sets the style; MapLibre's diff turns a changed source or visibility into a small update. */
  setStyle(style: StyleSpecification): void {
    void this.styleLoaded.then(() => {
      this.applyStyle(style);
      this.syncLayers();
    });
  }

  /** The last style given: the base of the next update, and what a restored context gets back. */
  private currentStyle: StyleSpecification | undefined;

  private applyStyle(style: StyleSpecification): void {
    const previous = this.currentStyle;
    this.currentStyle = style;
    applyStyle(this.map, previous, style);
  }

  setPicker(picker: Picker | undefined): void {
    this.picker = picker;
  }

  /**
   * Hover and click on the map. Hover picks at most once per animation frame and not while the
   * camera moves: picking during a drag is wasted work the user never sees.
   */
  /**
   * Tells `handler` about every data tile that failed to load (a tile is named z/x/y). MapLibre
   * draws the rest and would otherwise only log it: the page says which file left holes.
   */
  onTileError(handler: (failure: TileFailure) => void): () => void {
    const listener = (event: { error?: { message?: string }; sourceId?: string; tile?: { tileID?: { canonical?: { z: number; x: number; y: number } } } }) => {
      const canonical = event.tile?.tileID?.canonical;
      if (!event.sourceId) return;
      handler({ source: event.sourceId, tile: canonical ? `${canonical.z}/${canonical.x}/${canonical.y}` : null, message: event.error?.message ?? "" });
    };
    this.map.on("error", listener);
    return () => {
      this.map.off("error", listener);
    };
  }

  setPointerHandlers(handlers: PointerHandlers): () => void {
    let pending: { x: number; y: number } | null = null;
    let frame = 0;
    const hover = () => {
      frame = 0;
      if (!pending || this.map.isMoving()) return;
      handlers.onHover?.(this.pickAt(pending.x, pending.y), pending);
    };
    const onMove = (event: { point: { x: number; y: number } }) => {
      pending = { x: event.point.x, y: event.point.y };
      if (!frame) frame = requestAnimationFrame(hover);
    };
    const onOut = () => {
      pending = null;
      handlers.onHover?.(null, { x: 0, y: 0 });
    };
    const onClick = (event: { point: { x: number; y: number }; lngLat: { lng: number; lat: number } }) =>
      handlers.onClick?.(this.pickAt(event.point.x, event.point.y), [event.lngLat.lng, event.lngLat.lat]);
    this.map.on("mousemove", onMove);
    this.map.on("mouseout", onOut);
    this.map.on("click", onClick);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      this.map.off("mousemove", onMove);
      this.map.off("mouseout", onOut);
      this.map.off("click", onClick);
    };
  }

  /** The feature under a screen point (CSS pixels from the map's top-left corner), or null. */
  pickAt(x: number, y: number): PickedFeature | null {
    if (!this.picker) return null;
    const centre = this.map.unproject([x, y]);
    const edge = this.map.unproject([x, y + PICK_TOLERANCE_PIXELS]);
    return this.picker(centre.lng, centre.lat, Math.abs(centre.lat - edge.lat), { x, y });
  }

  setLayers(layers: Layer[]): void {
    this.layers = layers;
    if (layers.length > 0) this.deck ??= this.createDeck();
    this.syncLayers();
  }

  /**
   * deck.gl inserts its layer groups into the MapLibre style (under the labels, by beforeId)
   * only while the style reports itself loaded; a source that is still loading makes it skip
   * that step and draw on top. So layers are handed over again once the map is idle.
   */
  private syncLayers(): void {
    void this.deck?.then(({ overlay }) => {
      overlay.setProps({ layers: this.layers });
      if (!this.map.isStyleLoaded()) this.map.once("idle", () => overlay.setProps({ layers: this.layers }));
    });
  }

  fitBounds(bbox: [number, number, number, number], animate = false): void {
    this.map.fitBounds(
      [
        [bbox[0], bbox[1]],
        [bbox[2], bbox[3]],
      ],
      { padding: 24, animate },
    );
  }

  /**
   * Flies to a unit: its bounding box when it has one, else its point at street zoom. The pitch
   * is kept; the bearing too, turned by `turn` degrees (the wall's tour in 3D circles slowly).
   */
  flyTo(target: { position: [number, number]; bbox: [number, number, number, number] | null }, turn = 0): void {
    // fitBounds would otherwise turn the map north up.
    const bearing = this.map.getBearing() + turn;
    if (target.bbox) {
      this.map.fitBounds(
        [
          [target.bbox[0], target.bbox[1]],
          [target.bbox[2], target.bbox[3]],
        ],
        { padding: 80, maxZoom: 17, duration: 1200, bearing },
      );
    } else {
      this.map.flyTo({ center: target.position, zoom: Math.max(this.map.getZoom(), 16), duration: 1200, bearing });
    }
  }

  /** Resolves after the map has loaded and drawn everything it was given so far. */
  async whenIdle(): Promise<void> {
    await this.loaded;
    const deck = await this.deck;
    await deck?.loaded;
    const idle = () =>
      new Promise<void>((resolve) => {
        this.map.once("idle", () => resolve());
        this.map.triggerRepaint();
      });
    await idle();
    if (!deck) return;
    // The first idle frame may predate the layer groups' insertion (see syncLayers).
    deck.overlay.setProps({ layers: this.layers });
    await idle();
  }

  destroy(): void {
    void this.deck?.then(({ overlay }) => overlay.finalize());
    this.map.remove();
  }
}
