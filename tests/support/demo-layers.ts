// The committed demo dataset, read from disk for node tests of the engine.
import { fileURLToPath } from "node:url";
import { readDataset } from "../../scripts/lib/read-dataset.ts";
import type { EngineLayers } from "../../src/domain/model.ts";
import { deepFreeze } from "./deep-freeze.ts";

let demo: EngineLayers | undefined;

/** The demo dataset in public/data/kunming, read once per test file and deep-frozen. */
export function demoLayers(): EngineLayers {
  demo ??= deepFreeze(readDataset(fileURLToPath(new URL("../../public/data/kunming", import.meta.url))).layers);
  return demo;
}
