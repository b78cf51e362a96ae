// The loaded dataset as the rest of the app sees it: one collection per layer (empty when the
// layer is missing or was rejected), plus derived label points. Pure; built once per load.
import type { LayerName, Manifest } from "../data/contract.ts";
import type { LayerCollection } from "../data/validate.ts";
import { labelPoint } from "./label-point.ts";

export type Layers = { [L in LayerName]: LayerCollection<L> };

export interface LabelPoint {
  position: [number, number];
  name: string;
  code: string;
  level: "prefecture" | "district" | "street" | "community";
}

export interface Dataset {
  manifest: Manifest;
  layers: Layers;
  labels: LabelPoint[];
}

export function emptyCollection<L extends LayerName>(): LayerCollection<L> {
  return { type: "FeatureCollection", features: [] };
}

/** `labels` replaces the label points computed from the layers (tiled datasets ship their own). */
export function buildDataset(manifest: Manifest, partial: Partial<Layers>, labels?: readonly LabelPoint[]): Dataset {
  const layers: Layers = {
    prefectures: partial.prefectures ?? emptyCollection(),
    districts: partial.districts ?? emptyCollection(),
    streets: partial.streets ?? emptyCollection(),
    communities: partial.communities ?? emptyCollection(),
    grids: partial.grids ?? emptyCollection(),
    compounds: partial.compounds ?? emptyCollection(),
    stations: partial.stations ?? emptyCollection(),
  };
  if (labels) return { manifest, layers, labels: [...labels] };
  const computed: LabelPoint[] = [];
  const levels = [
    ["prefecture", layers.prefectures],
    ["district", layers.districts],
    ["street", layers.streets],
    ["community", layers.communities],
  ] as const;
  for (const [level, collection] of levels) {
    for (const feature of collection.features) {
      const [longitude = 0, latitude = 0] = labelPoint(feature.geometry);
      computed.push({ position: [longitude, latitude], name: feature.properties.name, code: feature.properties.code, level });
    }
  }
  return { manifest, layers, labels: computed };
}

export interface DatasetCounts {
  prefectures: number;
  districts: number;
  streets: number;
  communities: number;
  grids: number;
  compounds: number;
  stations: number;
}

export function countFeatures(layers: Layers): DatasetCounts {
  return {
    prefectures: layers.prefectures.features.length,
    districts: layers.districts.features.length,
    streets: layers.streets.features.length,
    communities: layers.communities.features.length,
    grids: layers.grids.features.length,
    compounds: layers.compounds.features.length,
    stations: layers.stations.features.length,
  };
}

/** Feature counts of a tiled dataset, from the totals its indicators file carries. */
export function countsFromReport(city: Partial<Record<string, number | string | null>>, districts: number, prefectures = 0): DatasetCounts {
  const count = (field: string) => {
    const value = city[field];
    return typeof value === "number" ? value : 0;
  };
  return {
    prefectures,
    districts,
    streets: count("streets"),
    communities: count("communities"),
    grids: count("grids"),
    compounds: count("compounds"),
    stations: count("stations") + count("rooms"),
  };
}

/** A feature's properties by layer and id (or code), for reopening a selection from a link. */
export function findProperties(layers: Layers, layer: LayerName, id: string): Record<string, unknown> | undefined {
  const features = layers[layer].features as ReadonlyArray<{ properties: Record<string, unknown> }>;
  return features.find((feature) => (feature.properties.code ?? feature.properties.id) === id)?.properties;
}

export interface Crumb {
  layer: LayerName;
  id: string;
  name: string;
}

/** Parent codes by layer: which property names the parent, and on which layer it lives. */
const PARENT: Partial<Record<LayerName, { field: string; layer: LayerName }>> = {
  compounds: { field: "communityCode", layer: "communities" },
  grids: { field: "communityCode", layer: "communities" },
  communities: { field: "streetCode", layer: "streets" },
  streets: { field: "districtCode", layer: "districts" },
  districts: { field: "prefectureCode", layer: "prefectures" },
  stations: { field: "streetCode", layer: "streets" },
};

/** A parent's code as the properties give it; a county's prefecture defaults to its code's first four digits. */
function parentCode(layer: LayerName, properties: Record<string, unknown>, field: string): unknown {
  const given = properties[field];
  if (given === undefined && layer === "districts" && typeof properties.code === "string") return properties.code.slice(0, 4);
  return given;
}

/** The chain prefecture › district › street › community › unit for a breadcrumb, as far as the data knows it. */
export function ancestry(layers: Layers, layer: LayerName, id: string): Crumb[] {
  const chain: Crumb[] = [];
  let current: { layer: LayerName; id: string } | undefined = { layer, id };
  while (current) {
    const properties = findProperties(layers, current.layer, current.id);
    if (!properties) break;
    chain.unshift({ layer: current.layer, id: current.id, name: String(properties.name ?? current.id) });
    const parent: { field: string; layer: LayerName } | undefined = PARENT[current.layer];
    const parentId: unknown = parent ? parentCode(current.layer, properties, parent.field) : undefined;
    current = parent && typeof parentId === "string" ? { layer: parent.layer, id: parentId } : undefined;
  }
  return chain;
}
