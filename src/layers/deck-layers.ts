// Pure: dataset + view options -> deck.gl layers. Stable ids and unchanged data references let
// deck.gl skip work between renders; hidden layers stay in the list with visible: false.
import type { Layer } from "@deck.gl/core";
import { GeoJsonLayer, ScatterplotLayer } from "@deck.gl/layers";
import type { Feature, Point } from "geojson";
import type { StationProperties } from "../data/contract.ts";
import type { Dataset } from "../domain/dataset.ts";
import { FIRST_LABEL_LAYER } from "./basemap-style.ts";
import { palette } from "./palette.ts";

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

export interface DeckLayerOptions {
  visibility: LayerVisibility;
}

// deck.gl's MapLibre integration reads `beforeId` from layer props; it is not in the typings,
// so the shared props are built as a plain object (no excess-property check) and spread in.
const underLabels = { beforeId: FIRST_LABEL_LAYER };

export function deckLayers(dataset: Dataset, options: DeckLayerOptions): Layer[] {
  const { layers } = dataset;
  const { visibility } = options;
  return [
    new GeoJsonLayer({
      ...underLabels,
      id: "grids",
      data: layers.grids,
      visible: visibility.grids,
      filled: false,
      stroked: true,
      getLineColor: palette.gridLine,
      lineWidthUnits: "pixels",
      getLineWidth: 0.6,
      pickable: false,
    }),
    new GeoJsonLayer({
      ...underLabels,
      id: "compounds",
      data: layers.compounds,
      visible: visibility.compounds,
      filled: true,
      stroked: true,
      getFillColor: (feature) => (feature.properties.partyBranch ? palette.compoundCovered : palette.compoundGap),
      getLineColor: palette.compoundLine,
      lineWidthUnits: "pixels",
      getLineWidth: 0.5,
      lineWidthMinPixels: 0.5,
      pickable: true,
    }),
    new GeoJsonLayer({
      ...underLabels,
      id: "communities",
      data: layers.communities,
      visible: visibility.communities,
      filled: false,
      stroked: true,
      getLineColor: palette.communityLine,
      lineWidthUnits: "pixels",
      getLineWidth: 1,
      pickable: false,
    }),
    new GeoJsonLayer({
      ...underLabels,
      id: "streets",
      data: layers.streets,
      visible: visibility.streets,
      filled: false,
      stroked: true,
      getLineColor: palette.streetLine,
      lineWidthUnits: "pixels",
      getLineWidth: 1.6,
      pickable: false,
    }),
    new ScatterplotLayer<Feature<Point, StationProperties>>({
      ...underLabels,
      id: "stations",
      data: layers.stations.features,
      visible: visibility.stations,
      getPosition: (feature) => [feature.geometry.coordinates[0] ?? 0, feature.geometry.coordinates[1] ?? 0],
      getFillColor: (feature) => (feature.properties.level === "街道" ? palette.station : palette.stationRoom),
      getLineColor: palette.stationOutline,
      getRadius: (feature) => (feature.properties.level === "街道" ? 7 : 4),
      radiusUnits: "pixels",
      stroked: true,
      lineWidthUnits: "pixels",
      getLineWidth: 1.5,
      pickable: true,
    }),
  ];
}
