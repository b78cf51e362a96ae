// The browser's import session: kept in IndexedDB (idb-keyval) so a reload shows the same
// imported data until the user discards it, and opened as a dataset of blob: URLs that the page
// and the engine worker fetch like any other dataset. The URL names the session, not the data:
// ?data=import:<id>.
import { del, get, set } from "idb-keyval";
import type { FeatureCollection } from "geojson";
import { LAYER_NAMES, type LayerName, type Manifest } from "./contract.ts";
import { fetchJson } from "./fetch-json.ts";
import { SESSION_PREFIX } from "./first-files.ts";
import { layerBytes, sessionManifest, type StoredLayer } from "./import/session.ts";
import { layerUrl } from "./queries.ts";
import { parseManifest } from "./validate.ts";

export { SESSION_PREFIX };

export interface ImportSession {
  id: string;
  /** ISO date-time of the import. */
  createdAt: string;
  /** Absolute URL of the dataset the import was made on. */
  baseUrl: string;
  layers: StoredLayer[];
}

const key = (id: string) => `party-map-import-${id}`;

export const isSessionKey = (dataset: string) => dataset.startsWith(SESSION_PREFIX);
export const sessionKey = (id: string) => `${SESSION_PREFIX}${id}`;

export async function saveSession(session: ImportSession): Promise<void> {
  await set(key(session.id), session);
}

export async function readSession(id: string): Promise<ImportSession | undefined> {
  return get<ImportSession>(key(id));
}

export async function discardSession(id: string): Promise<void> {
  await del(key(id));
}

export interface OpenedSession {
  session: ImportSession;
  /** blob: URL of the combined dataset's manifest. */
  manifestUrl: string;
  base: Manifest;
}

/** The combined dataset of a session, as blob URLs; each base layer that was imported into is merged here. */
export async function openSession(id: string, signal?: AbortSignal): Promise<OpenedSession> {
  const session = await readSession(id);
  if (!session) throw new Error(`import session ${id} is not in this browser any more (it was discarded, or the browser's storage was cleared)`);
  const base = parseManifest(session.baseUrl, await fetchJson(session.baseUrl, signal));
  const baseFiles: Partial<Record<LayerName, string>> = {};
  for (const layer of LAYER_NAMES) {
    const file = base.layers[layer];
    if (file !== undefined) baseFiles[layer] = layerUrl(session.baseUrl, file);
  }
  const importedFiles: Partial<Record<LayerName, string>> = {};
  for (const item of session.layers) {
    const baseUrl = baseFiles[item.layer];
    const baseLayer = item.mode === "join" && baseUrl ? ((await fetchJson(baseUrl, signal)) as FeatureCollection) : undefined;
    importedFiles[item.layer] = URL.createObjectURL(new Blob([layerBytes(baseLayer, item) as BlobPart], { type: "application/geo+json" }));
  }
  const manifest = sessionManifest({ base, baseFiles, imported: session.layers, importedFiles, importedOn: session.createdAt.slice(0, 10) });
  const manifestUrl = URL.createObjectURL(new Blob([JSON.stringify(manifest)], { type: "application/json" }));
  return { session, manifestUrl, base };
}

/**
 * The combined dataset as a folder, ready to deploy: manifest.json with relative file names, one
 * GeoJSON file per layer (imported layers merged, the others copied from the base dataset) and
 * the import report. A tiled base has no GeoJSON layers to copy: then only the imported layers
 * and the report are written, to be tiled with the rest (`npm run tiles`).
 */
export async function datasetFolder(
  baseUrl: string,
  imported: readonly StoredLayer[],
  report: unknown,
  importedOn: string,
  signal?: AbortSignal,
): Promise<Record<string, Uint8Array>> {
  const base = parseManifest(baseUrl, await fetchJson(baseUrl, signal));
  const encoder = new TextEncoder();
  const files: Record<string, Uint8Array> = {};
  const names: Partial<Record<LayerName, string>> = {};
  for (const layer of LAYER_NAMES) {
    const item = imported.find((candidate) => candidate.layer === layer);
    const baseFile = base.layers[layer];
    if (!item && baseFile === undefined) continue;
    const name = `${layer}.geojson`;
    names[layer] = name;
    if (!item && baseFile !== undefined) {
      const response = await fetch(layerUrl(baseUrl, baseFile), { signal });
      if (!response.ok) throw new Error(`${baseFile}: HTTP ${response.status}`);
      files[name] = new Uint8Array(await response.arrayBuffer());
      continue;
    }
    if (!item) continue;
    const baseLayer =
      item.mode === "join" && baseFile !== undefined ? ((await fetchJson(layerUrl(baseUrl, baseFile), signal)) as FeatureCollection) : undefined;
    files[name] = layerBytes(baseLayer, item);
  }
  if (base.tiles === undefined) {
    const manifest = sessionManifest({ base, baseFiles: names, imported, importedFiles: names, importedOn });
    files["manifest.json"] = encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`);
  }
  files["report.json"] = encoder.encode(`${JSON.stringify(report, null, 1)}\n`);
  return files;
}
