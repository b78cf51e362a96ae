// How to move the map from one style of ours to the next without MapLibre deep-comparing the
// data. MapLibre's own diff walks every GeoJSON feature of both styles (megabytes) on every
// selection, colouring or tour step. Our styles keep a source's `data` object unchanged unless
// the data changed, so sources compare by reference here, and only the layers (small) go through
// the style-spec diff. Anything else that changed falls back to MapLibre's full diff.
import { diff } from "@maplibre/maplibre-gl-style-spec";
import type {
  FilterSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
  Map as MapLibreMap,
  SourceSpecification,
  StyleSpecification,
} from "maplibre-gl";

/** The layer changes the map has a method for, each with its method's arguments. */
export type LayerCommand =
  | { command: "addLayer"; args: [layer: LayerSpecification, beforeId?: string] }
  | { command: "removeLayer"; args: [id: string] }
  | { command: "setPaintProperty"; args: Parameters<MapLibreMap["setPaintProperty"]> }
  | { command: "setLayoutProperty"; args: Parameters<MapLibreMap["setLayoutProperty"]> }
  | { command: "setFilter"; args: [id: string, filter: FilterSpecification | null] }
  | { command: "setLayerZoomRange"; args: [id: string, minzoom?: number, maxzoom?: number] };

type GeoJsonData = GeoJSONSourceSpecification["data"];

export type StyleUpdate =
  | { kind: "full" }
  | {
      kind: "partial";
      /** Sources to add before the layers that use them. */
      addSources: Array<[string, SourceSpecification]>;
      /** GeoJSON sources whose data object changed: set it in place. */
      setData: Array<[string, GeoJsonData]>;
      /** Layer changes from the style-spec diff, in its order (after the sources are added). */
      layerCommands: LayerCommand[];
      /** Sources no longer used, removed after the layers. */
      removeSources: string[];
    };

const sameExceptData = (before: SourceSpecification, after: SourceSpecification): boolean => {
  const { data: _before, ...restBefore } = before as SourceSpecification & { data?: unknown };
  const { data: _after, ...restAfter } = after as SourceSpecification & { data?: unknown };
  return JSON.stringify(restBefore) === JSON.stringify(restAfter);
};

/** Commands the map has a method for; anything else (setLayerProperty, …) takes the full path. */
export const LAYER_COMMANDS: ReadonlySet<string> = new Set<LayerCommand["command"]>([
  "addLayer",
  "removeLayer",
  "setPaintProperty",
  "setLayoutProperty",
  "setFilter",
  "setLayerZoomRange",
]);

/** The style-spec diff's untyped command, typed by its name (the one place that trusts the diff's shape). */
function layerCommand(command: { command: string; args: unknown[] }): LayerCommand | null {
  return LAYER_COMMANDS.has(command.command) ? (command as LayerCommand) : null;
}

/** A style of layers only, for diffing the layers alone. */
function bare(layers: LayerSpecification[]): StyleSpecification {
  return { version: 8, sources: {}, layers };
}

export function planStyleUpdate(previous: StyleSpecification | undefined, next: StyleSpecification): StyleUpdate {
  if (!previous) return { kind: "full" };
  const { sources: beforeSources, layers: beforeLayers, ...beforeRest } = previous;
  const { sources: afterSources, layers: afterLayers, ...afterRest } = next;
  if (JSON.stringify(beforeRest) !== JSON.stringify(afterRest)) return { kind: "full" };
  const addSources: Array<[string, SourceSpecification]> = [];
  const setData: Array<[string, GeoJsonData]> = [];
  for (const [id, source] of Object.entries(afterSources)) {
    const before = beforeSources[id];
    if (!before) {
      addSources.push([id, source]);
      continue;
    }
    if (before === source) continue;
    if (!sameExceptData(before, source)) return { kind: "full" };
    const beforeData = (before as { data?: unknown }).data;
    const afterData = (source as { data?: unknown }).data;
    if (beforeData === afterData) continue;
    if (source.type !== "geojson") return { kind: "full" };
    setData.push([id, source.data]);
  }
  const removeSources = Object.keys(beforeSources).filter((id) => !(id in afterSources));
  const commands = diff(bare(beforeLayers), bare(afterLayers)).map(layerCommand);
  // A diff that would touch anything but layers means the styles differ in a way not planned for.
  if (commands.some((command) => command === null)) return { kind: "full" };
  return { kind: "partial", addSources, setData, layerCommands: commands as LayerCommand[], removeSources };
}
