// Which overlay layers are shown: part of the shareable view state. The first five draw the
// dataset's layers; service areas (the service distance around each station) and the gap overlay
// are derived from them and start hidden.
export const OVERLAY_LAYERS = ["streets", "communities", "grids", "compounds", "stations", "serviceAreas", "gaps"] as const;
export type OverlayLayer = (typeof OVERLAY_LAYERS)[number];
export type LayerVisibility = Record<OverlayLayer, boolean>;

export const DEFAULT_VISIBILITY: LayerVisibility = {
  streets: true,
  communities: true,
  grids: true,
  compounds: true,
  stations: true,
  serviceAreas: false,
  gaps: false,
};
