// Picking for tiled datasets: MapLibre's own query of the rendered features under a pixel.
import type { Map as MapLibreMap } from "maplibre-gl";
import type { LayerName } from "../../data/contract.ts";
import type { Layers } from "../../domain/dataset.ts";
import { PICK_ORDER, type FeatureIndex } from "../../domain/feature-index.ts";
import type { AreaLevel } from "../../layers/choropleth.ts";
import { EXTRUSION_LAYER, pickLayerOf } from "../../layers/data-style.ts";
import type { LayerVisibility } from "../../layers/visibility.ts";
import type { Picker } from "./map-adapter.ts";

/** The layers a click may find: the visible overlays, and districts always. */
export function visibleLayerSet(visibility: LayerVisibility): Set<LayerName> {
  const shown = new Set<LayerName>(["districts"]);
  for (const [layer, visible] of Object.entries(visibility) as Array<[LayerName, boolean]>) if (visible) shown.add(layer);
  return shown;
}

/** A picked feature from a rendered feature's properties (codes identify areas, ids the rest). */
function pickedOf(layer: LayerName, properties: Record<string, unknown>) {
  return { layer, id: String(properties.code ?? properties.id ?? ""), name: String(properties.name ?? ""), properties };
}

export function renderedPicker(map: MapLibreMap, shown: ReadonlySet<LayerName>): Picker {
  return (_longitude, _latitude, _tolerance, point) => {
    for (const layer of PICK_ORDER) {
      const styleLayer = pickLayerOf(layer);
      if (!shown.has(layer) || !map.getLayer(styleLayer)) continue;
      const [feature] = map.queryRenderedFeatures([point.x, point.y], { layers: [styleLayer] });
      if (!feature) continue;
      return pickedOf(layer, feature.properties as Record<string, unknown>);
    }
    return null;
  };
}

/** Picking for GeoJSON datasets: the CPU index, then the picked feature's own properties. */
export function indexPicker(index: FeatureIndex, layers: Layers, shown: ReadonlySet<LayerName>): Picker {
  return (longitude, latitude, tolerance) => {
    const picked = index.pick(longitude, latitude, tolerance, shown);
    if (!picked) return null;
    const properties = (layers[picked.layer].features[picked.index]?.properties ?? {}) as Record<string, unknown>;
    return { layer: picked.layer, id: picked.id, name: picked.name, properties: { ...properties } };
  };
}

/**
 * Picking in the 3D sandtable. A tilted prism is drawn above and behind its footprint, so the
 * ground under the pointer belongs to another unit: MapLibre's query of a fill-extrusion layer
 * intersects the prisms themselves and returns the nearest first. Only a click past every prism
 * asks the ground picker.
 */
export function sandtablePicker(map: MapLibreMap, level: AreaLevel, ground: Picker): Picker {
  return (longitude, latitude, tolerance, point) => {
    if (map.getLayer(EXTRUSION_LAYER)) {
      const [prism] = map.queryRenderedFeatures([point.x, point.y], { layers: [EXTRUSION_LAYER] });
      if (prism) return pickedOf(level, prism.properties as Record<string, unknown>);
    }
    return ground(longitude, latitude, tolerance, point);
  };
}
