// The map element: creates the MapAdapter once, then feeds it style and layers. Sets
// data-ready="true" once the data has loaded and a full frame with every layer has been drawn.
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { Dataset } from "../../domain/dataset.ts";
import { buildFeatureIndex } from "../../domain/feature-index.ts";
import { basemapStyle, magnified, themedStyle, type BasemapTheme } from "../../layers/basemap-style.ts";
import { dataStyle, type DataSource, type DataStyleInput } from "../../layers/data-style.ts";
import type { LayerVisibility } from "../../layers/visibility.ts";
import type { LayerName } from "../../data/contract.ts";
import type { CompoundColouring } from "../../layers/compound-colouring.ts";
import { MapAdapter, type Camera, type PickedFeature, type TileFailure, type Tilt } from "./map-adapter.ts";

export interface FlyTarget {
  position: [number, number];
  bbox: [number, number, number, number] | null;
}
import { indexPicker, renderedPicker, sandtablePicker, visibleLayerSet } from "./pickers.ts";

export interface MapViewProps {
  dataset: Dataset | undefined;
  water: FeatureCollection<Polygon | MultiPolygon> | undefined;
  /** True once every file has loaded or failed, so the first frame can count as complete. */
  settled: boolean;
  /** Tiled datasets: absolute URL of the PMTiles archive; the map draws from it. */
  tilesUrl?: string | undefined;
  visibility: LayerVisibility;
  initialCamera: Camera | null;
  onCameraChange?: (camera: Camera) => void;
  /** Exposes the adapter on window for debugging and tests (URL flag debug=1). */
  exposeForDebugging?: boolean;
  /** Called once, when the first full frame with every layer has been drawn. */
  onReady?: () => void;
  onHover?: (picked: PickedFeature | null, point: { x: number; y: number }) => void;
  selection?: { layer: LayerName; id: string } | null;
  compoundColouring?: CompoundColouring;
  /** Where to fly; a new object flies again, even to the same place. */
  flyTarget?: FlyTarget | null;
  onSelect?: (picked: PickedFeature | null, lngLat: [number, number]) => void;
  /** What-if stations drawn over the data (points, EPSG:4326). */
  plannedStations?: ReadonlyArray<[number, number]>;
  /** Basemap theme; "dark" for the wall display. Set once: the map starts in it. */
  theme?: BasemapTheme;
  /** Labels and outlines drawn this many times larger (large walls); default 1. */
  labelScale?: number;
  /** The 3D sandtable's camera tilt (null: the flat map); pass `extras.areas.height` to raise the areas. */
  tilt?: Tilt;
  /** The tour in 3D turns the bearing by this many degrees at each flight. */
  turnPerFlight?: number;
  /** Further style inputs (area fills, filters, service areas, gap markers); pass a memoised object. */
  extras?: MapExtras;
  /** Called once with the adapter, for views that drive the map themselves (export, wall tour). */
  onAdapter?: (adapter: MapAdapter) => void;
  /** A data tile failed to load (the map draws the others). */
  onTileError?: (failure: TileFailure) => void;
}

export type MapExtras = Pick<
  DataStyleInput,
  "stationEdits" | "accessBands" | "onlyGaps" | "areas" | "serviceArea" | "gapMarkers" | "shape" | "changes" | "arcLines"
>;

const EMPTY_COLLECTION: FeatureCollection<Polygon> = { type: "FeatureCollection", features: [] };
// Whole-world view until a dataset says where to look.
const FALLBACK_CAMERA: Camera = { longitude: 102.7, latitude: 25.0, zoom: 3 };

declare global {
  interface Window {
    partyMap?: MapAdapter;
    /** With debug=1: deck.gl's layers from the app's own chunk, for benchmarks that compare deck.gl with MapLibre (npm run bench:3d). */
    partyDeckLayers?: () => Promise<typeof import("@deck.gl/layers")>;
  }
}

export function MapView(props: MapViewProps) {
  const {
    dataset,
    water,
    settled,
    tilesUrl,
    visibility,
    initialCamera,
    onCameraChange,
    exposeForDebugging,
    onReady,
    onHover,
    onSelect,
    flyTarget,
    selection,
    plannedStations,
    compoundColouring,
    extras,
  } = props;
  const theme = props.theme ?? "light";
  const labelScale = props.labelScale ?? 1;
  const tilt = props.tilt ?? null;
  const tiltRef = useRef(tilt);
  tiltRef.current = tilt;
  const turnRef = useRef(props.turnPerFlight ?? 0);
  turnRef.current = props.turnPerFlight ?? 0;
  const containerRef = useRef<HTMLDivElement>(null);
  const [adapter, setAdapter] = useState<MapAdapter>();
  const [ready, setReady] = useState(false);
  const cameraCallback = useRef(onCameraChange);
  cameraCallback.current = onCameraChange;

  const style = useMemo(() => {
    if (!dataset) return undefined;
    const data: DataSource = tilesUrl ? { kind: "tiles", url: `pmtiles://${tilesUrl}` } : { kind: "geojson", layers: dataset.layers };
    return magnified(
      themedStyle(
        dataStyle({ data, water: water ?? EMPTY_COLLECTION, labels: dataset.labels, visibility, selection, plannedStations, compoundColouring, ...extras }),
        theme,
      ),
      labelScale,
    );
  }, [dataset, tilesUrl, water, visibility, selection, plannedStations, compoundColouring, extras, theme, labelScale]);

  // The map is made with the dataset's own style and framed on it, or with the bare basemap when
  // loading ended with nothing to draw. A first frame of an empty basemap compiled its shaders
  // while nothing else could start: 1.3 s of a cold start in software WebGL.
  const firstStyle =
    style ?? (settled ? themedStyle(basemapStyle({ districts: EMPTY_COLLECTION, water: water ?? EMPTY_COLLECTION, labels: [] }), theme) : undefined);
  const firstStyleRef = useRef(firstStyle);
  firstStyleRef.current = firstStyle;
  const bboxRef = useRef(dataset?.manifest.bbox);
  bboxRef.current = dataset?.manifest.bbox;
  const canCreate = firstStyle !== undefined;
  // Frame the dataset once, unless the URL already said where to look.
  const framed = useRef(initialCamera !== null);

  // A layout effect: the map, and its WebGL context, are made in the commit that first has
  // something to draw, before the browser paints it. In software WebGL the context waited behind
  // the GPU process drawing that paint (up to 0.5 s, traced) when it was made after.
  useLayoutEffect(() => {
    const container = containerRef.current;
    const initial = firstStyleRef.current;
    if (!container || !initial) return;
    const bbox = bboxRef.current;
    const created = new MapAdapter(container, {
      style: initial,
      camera: initialCamera ?? FALLBACK_CAMERA,
      tilt: tiltRef.current,
      ...(initialCamera === null && bbox ? { bounds: bbox } : {}),
      onCameraChange: (camera) => cameraCallback.current?.(camera),
    });
    if (bbox) framed.current = true;
    setAdapter(created);
    props.onAdapter?.(created);
    if (exposeForDebugging) {
      window.partyMap = created;
      window.partyDeckLayers = () => import("@deck.gl/layers");
    }
    return () => {
      created.destroy();
      if (window.partyMap === created) delete window.partyMap;
    };
    // The map is created once, when it has something to draw; later camera changes flow from the map, not into it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [canCreate]);

  const featureIndex = useMemo(() => (dataset && !tilesUrl ? buildFeatureIndex(dataset.layers) : undefined), [dataset, tilesUrl]);

  useEffect(() => {
    if (style) adapter?.setStyle(style);
  }, [adapter, style]);
  // Only a change after creation animates: the map starts in the tilt it was made with.
  const appliedTilt = useRef(tilt?.pitch ?? 0);
  const pitch = tilt?.pitch ?? 0;
  useEffect(() => {
    if (!adapter || appliedTilt.current === pitch) return;
    appliedTilt.current = pitch;
    adapter.setTilt(pitch > 0 ? { pitch } : null);
  }, [adapter, pitch]);

  const extrudedLevel = extras?.areas?.height ? extras.areas.level : null;
  useEffect(() => {
    if (!adapter) return;
    const shown = visibleLayerSet(visibility);
    const ground = tilesUrl ? renderedPicker(adapter.map, shown) : featureIndex && dataset ? indexPicker(featureIndex, dataset.layers, shown) : undefined;
    adapter.setPicker(ground && extrudedLevel ? sandtablePicker(adapter.map, extrudedLevel, ground) : ground);
  }, [adapter, featureIndex, dataset, tilesUrl, visibility, extrudedLevel]);

  const pointer = useRef({ onHover, onSelect });
  pointer.current = { onHover, onSelect };
  useEffect(
    () =>
      adapter?.setPointerHandlers({
        onHover: (picked, point) => pointer.current.onHover?.(picked, point),
        onClick: (picked, lngLat) => pointer.current.onSelect?.(picked, lngLat),
      }),
    [adapter],
  );

  useEffect(() => {
    if (adapter && flyTarget) adapter.flyTo(flyTarget, turnRef.current);
  }, [adapter, flyTarget]);

  const tileErrorCallback = useRef(props.onTileError);
  tileErrorCallback.current = props.onTileError;
  useEffect(() => adapter?.onTileError((failure) => tileErrorCallback.current?.(failure)), [adapter]);

  useEffect(() => {
    const bbox = dataset?.manifest.bbox;
    if (!adapter || !bbox || framed.current) return;
    framed.current = true;
    adapter.fitBounds(bbox);
  }, [adapter, dataset]);

  const readyCallback = useRef(onReady);
  readyCallback.current = onReady;
  useEffect(() => {
    if (ready) readyCallback.current?.();
  }, [ready]);

  useEffect(() => {
    if (!adapter || !settled || ready) return;
    let cancelled = false;
    void adapter.whenIdle().then(() => {
      if (!cancelled) setReady(true);
    });
    return () => {
      cancelled = true;
    };
  }, [adapter, settled, ready, style]);

  return <div ref={containerRef} className="map" data-testid="map" data-ready={ready ? "true" : "false"} />;
}
