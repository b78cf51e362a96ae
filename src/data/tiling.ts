// How datasets are cut into vector tiles: shared by the tile builder (scripts/tiles.ts) and the
// tiled map style, so that a layer is drawn exactly from the zoom at which the tiles hold it.
import type { LayerName } from "./contract.ts";

/**
 * The lowest zoom at which each layer is in the tiles; every layer then runs to the archive's
 * max zoom (MapLibre only overzooms past the source's maxzoom). Below these a layer's features
 * are a pixel or two across and would only fill tiles (measured: see scripts/lib/tile-layers.ts).
 */
export const TILE_MIN_ZOOM: Record<LayerName, number> = {
  prefectures: 0,
  districts: 0,
  streets: 6,
  communities: 8,
  grids: 12,
  compounds: 12,
  stations: 6,
};

/** z13 tiles keep about 1 m detail at Kunming's latitude, the precision of the generated data. */
export const DEFAULT_TILE_MAX_ZOOM = 13;
