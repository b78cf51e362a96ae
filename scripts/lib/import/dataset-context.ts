// The dataset an import is checked against, read from a folder on disk: the manifest's GeoJSON
// layers (a tiled folder has none; its GeoJSON source folder is the one to give).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { LAYER_NAMES } from "../../../src/data/contract.ts";
import type { ImportContext } from "../../../src/data/import/parents.ts";
import { parseLayerLenient, parseManifest } from "../../../src/data/validate.ts";

export function readDatasetContext(folder: string): { context: ImportContext; notes: string[] } {
  const manifestFile = join(folder, "manifest.json");
  if (!existsSync(manifestFile)) throw new Error(`${folder} has no manifest.json: --dataset takes a dataset folder`);
  const manifest = parseManifest(manifestFile, JSON.parse(readFileSync(manifestFile, "utf8")));
  const context: ImportContext = {};
  const notes: string[] = [];
  for (const layer of LAYER_NAMES) {
    const file = manifest.layers[layer];
    if (file === undefined) continue;
    const path = join(folder, file);
    context[layer] = parseLayerLenient(layer, path, JSON.parse(readFileSync(path, "utf8"))).collection;
  }
  if (Object.keys(context).length === 0) notes.push(`${folder} has no GeoJSON layers (a tiled dataset?); parent codes and areas are not checked`);
  return { context, notes };
}
