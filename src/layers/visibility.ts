// Which overlay layers are shown: part of the shareable view state.
export const OVERLAY_LAYERS = ["streets", "communities", "grids", "compounds", "stations"] as const;
export type OverlayLayer = (typeof OVERLAY_LAYERS)[number];
export type LayerVisibility = Record<OverlayLayer, boolean>;

export const DEFAULT_VISIBILITY: LayerVisibility = {
  streets: true,
  communities: true,
  grids: true,
  compounds: true,
  stations: true,
};
