// `npm run import -- … --merge join|replace`: a whole dataset folder instead of one layer, the
// base dataset's files copied and the imported layer merged in, with a manifest that names the
// import. The folder then goes through the same path as the shipped data: deploy it as it is
// (a city), or `npm run tiles -- <folder>` it (a county, a prefecture, the province).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FeatureCollection } from "geojson";
import { LAYER_NAMES, type LayerName } from "../../../src/data/contract.ts";
import { mergeLayer, sessionManifest, type ImportedLayer } from "../../../src/data/import/session.ts";
import { parseManifest } from "../../../src/data/validate.ts";

export function mergeIntoDataset(base: string, out: string, imported: ImportedLayer, importedOn: string): string[] {
  const manifest = parseManifest(join(base, "manifest.json"), JSON.parse(readFileSync(join(base, "manifest.json"), "utf8")));
  if (Object.keys(manifest.layers).length === 0) {
    throw new Error(`${base} has no GeoJSON layers to merge into (a tiled dataset?): give its GeoJSON source folder, such as data/generated/yunnan`);
  }
  mkdirSync(out, { recursive: true });
  const names: Partial<Record<LayerName, string>> = {};
  const written: string[] = [];
  for (const layer of LAYER_NAMES) {
    const file = manifest.layers[layer];
    if (layer === imported.layer) {
      const baseLayer = file !== undefined && imported.mode === "join" ? (JSON.parse(readFileSync(join(base, file), "utf8")) as FeatureCollection) : undefined;
      names[layer] = `${layer}.geojson`;
      writeFileSync(join(out, `${layer}.geojson`), JSON.stringify(mergeLayer(baseLayer, imported.collection, imported.mode)));
    } else if (file !== undefined) {
      names[layer] = file;
      mkdirSync(join(out, file, ".."), { recursive: true });
      copyFileSync(join(base, file), join(out, file));
    } else continue;
    written.push(names[layer] ?? "");
  }
  const merged = sessionManifest({ base: manifest, baseFiles: names, imported: [imported], importedFiles: names, importedOn });
  writeFileSync(join(out, "manifest.json"), `${JSON.stringify(merged, null, 2)}\n`);
  return [...written, "manifest.json"];
}
