// Picking for tiled datasets: MapLibre's own query of the rendered features under a pixel.
import type { Map as MapLibreMap } from "maplibre-gl";
import type { LayerName } from "../../data/contract.ts";
import { PICK_ORDER } from "../../domain/feature-index.ts";
import type { LayerVisibility } from "../../layers/deck-layers.ts";
import type { Picker } from "./map-adapter.ts";

/** Style layer that draws each contract layer in the tiled style. */
const STYLE_LAYER: Record<LayerName, string> = {
  stations: "tiles-stations",
  compounds: "tiles-compounds",
  grids: "tiles-grids",
  communities: "tiles-communities",
  streets: "tiles-streets",
  districts: "land",
};

/** The layers a click may find: the visible overlays, and districts always. */
export function visibleLayerSet(visibility: LayerVisibility): Set<LayerName> {
  const shown = new Set<LayerName>(["districts"]);
  for (const [layer, visible] of Object.entries(visibility) as Array<[LayerName, boolean]>) if (visible) shown.add(layer);
  return shown;
}

export function renderedPicker(map: MapLibreMap, shown: ReadonlySet<LayerName>): Picker {
  return (_longitude, _latitude, _tolerance, point) => {
    for (const layer of PICK_ORDER) {
      if (!shown.has(layer) || !map.getLayer(STYLE_LAYER[layer])) continue;
      const [feature] = map.queryRenderedFeatures([point.x, point.y], { layers: [STYLE_LAYER[layer]] });
      if (!feature) continue;
      const properties = feature.properties as Record<string, unknown>;
      return { layer, id: String(properties.code ?? properties.id ?? ""), name: String(properties.name ?? "") };
    }
    return null;
  };
}
