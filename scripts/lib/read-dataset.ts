// Reads a dataset folder from disk for scripts (analysis, benchmarks): manifest and layers,
// validated leniently so that one bad feature is reported without losing the rest.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { LAYER_NAMES, type LayerName, type Manifest } from "../../src/data/contract.ts";
import { parseRegisteredUnits } from "../../src/data/programme-files.ts";
import { parseLayerLenient, parseManifest, type ContractIssue, type LayerCollection } from "../../src/data/validate.ts";
import { analyze, type Analysis } from "../../src/domain/analysis.ts";
import type { Thresholds } from "../../src/domain/indicators.ts";
import type { EngineLayers } from "../../src/domain/model.ts";

export interface DatasetOnDisk {
  manifest: Manifest;
  layers: EngineLayers;
  issues: ContractIssue[];
}

export function readDataset(folder: string): DatasetOnDisk {
  const manifestFile = join(folder, "manifest.json");
  const manifest = parseManifest(manifestFile, JSON.parse(readFileSync(manifestFile, "utf8")));
  const issues: ContractIssue[] = [];
  const read = <L extends LayerName>(layer: L): LayerCollection<L> => {
    const file = manifest.layers[layer];
    if (file === undefined) return { type: "FeatureCollection", features: [] };
    const path = join(folder, file);
    const parsed = parseLayerLenient(layer, path, JSON.parse(readFileSync(path, "utf8")));
    issues.push(...parsed.issues);
    return parsed.collection;
  };
  const layers = Object.fromEntries(LAYER_NAMES.map((layer) => [layer, read(layer)])) as unknown as EngineLayers;
  if (manifest.registeredUnits !== undefined) {
    const path = join(folder, manifest.registeredUnits);
    const parsed = parseRegisteredUnits(path, JSON.parse(readFileSync(path, "utf8")));
    issues.push(...parsed.issues);
    layers.registeredUnits = parsed.units;
  }
  return { manifest, layers, issues };
}

/** The engine's analysis of a dataset folder, as of its manifest's date (what the app computes). */
export function analyzeFolder(folder: string, thresholds?: Thresholds): Analysis {
  const dataset = readDataset(folder);
  return analyze(dataset.layers, thresholds, dataset.manifest.asOf);
}
