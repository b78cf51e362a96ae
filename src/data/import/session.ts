// What an import does to the dataset on screen, as pure functions: imported features join the
// layer (same code or id replaces, new ones are added) or replace it, and a manifest for the
// combined dataset says which layers came from the user, from which files, and which parts are
// still synthetic. The browser keeps the result for the session (import-session-store.ts); the
// same manifest, with relative file names, is what "save as dataset" writes.
import type { Feature, FeatureCollection } from "geojson";
import { LAYER_NAMES, type LayerName, type Manifest } from "../contract.ts";

export type JoinMode = "join" | "replace";

/** What was imported into a layer, and how; the features travel beside it (parsed or as JSON bytes). */
export interface ImportedLayerInfo {
  layer: LayerName;
  mode: JoinMode;
  files: string[];
  total: number;
  loaded: number;
  /** Features drawn as circles around a point: their geometry is synthetic. */
  outlined: number;
}

export interface ImportedLayer extends ImportedLayerInfo {
  /** The imported features only (valid ones), WGS84. */
  collection: FeatureCollection;
}

/** The browser's form: the features as the worker encoded them (UTF-8 GeoJSON), never parsed on the page unless a join needs it. */
export interface StoredLayer extends ImportedLayerInfo {
  json: Uint8Array;
}

export const decodeCollection = (json: Uint8Array) => JSON.parse(new TextDecoder().decode(json)) as FeatureCollection;

/** The layer file after the import, as bytes: a replaced layer is the imported bytes as they are. */
export function layerBytes(base: FeatureCollection | undefined, item: StoredLayer): Uint8Array {
  if (item.mode === "replace" || !base) return item.json;
  return new TextEncoder().encode(JSON.stringify(mergeLayer(base, decodeCollection(item.json), "join")));
}

const identity = (feature: Feature) => {
  const properties = feature.properties ?? {};
  const key = properties.code ?? properties.id;
  return typeof key === "string" ? key : undefined;
};

/** The layer after the import: `replace` keeps only the imported features; `join` replaces by code or id and adds the rest. */
export function mergeLayer(base: FeatureCollection | undefined, imported: FeatureCollection, mode: JoinMode): FeatureCollection {
  if (mode === "replace" || !base) return { type: "FeatureCollection", features: imported.features };
  const incoming = new Map<string, Feature>();
  for (const feature of imported.features) {
    const key = identity(feature);
    if (key !== undefined) incoming.set(key, feature);
  }
  const kept = base.features.filter((feature) => {
    const key = identity(feature);
    return key === undefined || !incoming.has(key);
  });
  return { type: "FeatureCollection", features: [...kept, ...imported.features] };
}

export interface SessionManifestInput {
  base: Manifest;
  /** Absolute URL of each base layer file, by layer. */
  baseFiles: Partial<Record<LayerName, string>>;
  imported: readonly ImportedLayerInfo[];
  /** File (or URL) the combined layer is written to, by layer. */
  importedFiles: Partial<Record<LayerName, string>>;
  /** ISO date of the import. */
  importedOn: string;
}

/** The combined dataset's manifest. */
export function sessionManifest({ base, baseFiles, imported, importedFiles, importedOn }: SessionManifestInput): Manifest {
  const layers: Partial<Record<LayerName, string>> = {};
  for (const layer of LAYER_NAMES) {
    const file = importedFiles[layer] ?? baseFiles[layer];
    if (file !== undefined) layers[layer] = file;
  }
  // A replaced layer is the user's data; a joined one still holds base features, so it keeps the
  // base's synthetic label. Points drawn as circles make a layer's geometry synthetic.
  const replaced = new Set(imported.filter((item) => item.mode === "replace").map((item) => item.layer));
  const outlined = imported.filter((item) => item.outlined > 0).map((item) => item.layer);
  const geometry = [...new Set([...base.synthetic.geometry.filter((layer) => !replaced.has(layer)), ...outlined])];
  const attributes = base.synthetic.attributes.filter((layer) => !replaced.has(layer));
  const described = imported.map(
    (item) => `${item.layer} (${item.mode === "join" ? "joined" : "replaced"}; ${item.loaded} of ${item.total} features loaded): ${item.files.join(", ")}`,
  );
  const { notes: _notes, tiles: _tiles, indicators: _indicators, attributes: _attributes, ...rest } = base;
  return {
    ...rest,
    id: `${base.id}-import`.replace(/-import(-import)+$/, "-import"),
    title: base.title.includes("含导入数据") ? base.title : `${base.title}(含导入数据)`,
    ...(base.titleEn ? { titleEn: base.titleEn.includes("imported") ? base.titleEn : `${base.titleEn} (with imported data)` } : {}),
    synthetic: { geometry: LAYER_NAMES.filter((layer) => geometry.includes(layer)), attributes },
    sources: [...base.sources, { name: `导入数据 Imported data (${importedOn})`, licence: "由使用者提供 / supplied by the user", note: described.join("; ") }],
    layers,
  };
}
