// Applies a style to a live MapLibre map the cheap way: the plan from layers/style-update.ts sets
// changed GeoJSON in place and runs the layer commands; anything else is MapLibre's own diff.
import type { GeoJSONSource, Map as MapLibreMap, StyleSpecification } from "maplibre-gl";
import { planStyleUpdate } from "../../layers/style-update.ts";

/** Moves `map` from the `previous` style (the last one applied) to `style`. */
export function applyStyle(map: MapLibreMap, previous: StyleSpecification | undefined, style: StyleSpecification): void {
  const plan = planStyleUpdate(previous, style);
  if (plan.kind === "full") {
    map.setStyle(style, { diff: true });
    return;
  }
  for (const [id, source] of plan.addSources) map.addSource(id, source);
  for (const [id, data] of plan.setData) map.getSource<GeoJSONSource>(id)?.setData(data);
  for (const step of plan.layerCommands) {
    switch (step.command) {
      case "addLayer":
        map.addLayer(...step.args);
        break;
      case "removeLayer":
        map.removeLayer(...step.args);
        break;
      case "setPaintProperty":
        map.setPaintProperty(...step.args);
        break;
      case "setLayoutProperty":
        map.setLayoutProperty(...step.args);
        break;
      case "setFilter":
        map.setFilter(...step.args);
        break;
      case "setLayerZoomRange": {
        const [id, minzoom = 0, maxzoom = 24] = step.args;
        map.setLayerZoomRange(id, minzoom, maxzoom);
        break;
      }
    }
  }
  for (const id of plan.removeSources) map.removeSource(id);
}
