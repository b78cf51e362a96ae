// Dropped files as the import panel lists them: the parts of one Shapefile (.shp, .dbf, .shx,
// .prj, .cpg of the same name) go together, and each group gets a first guess at its layer from
// its name (小区/compound, 社区/community, 网格/grid, 社工/station…), which the user can change.
import { LAYER_NAMES, type LayerName } from "../../data/contract.ts";
import { baseNameOf, extensionOf } from "../../data/import/sniff.ts";

export interface FileGroup {
  /** What the panel shows: "communities.zip", or "communities (.shp .dbf .prj)". */
  label: string;
  files: File[];
  layer: LayerName | null;
}

const SHAPEFILE_PARTS = new Set(["shp", "dbf", "shx", "prj", "cpg", "sbn", "sbx", "qix", "xml"]);

const GUESSES: readonly [RegExp, LayerName][] = [
  [/小区|院落|自然村|compound|estate|xiaoqu/i, "compounds"],
  [/网格|grid/i, "grids"],
  [/社工|站点|station/i, "stations"],
  [/社区|村委|居委|communit|village/i, "communities"],
  [/街道|乡镇|street|township/i, "streets"],
  [/区县|县区|district|county/i, "districts"],
  [/州市|市州|prefecture/i, "prefectures"],
];

export function guessLayer(name: string): LayerName | null {
  for (const [pattern, layer] of GUESSES) if (pattern.test(name)) return layer;
  const exact = LAYER_NAMES.find((layer) => name.toLowerCase().includes(layer));
  return exact ?? null;
}

export function groupFiles(files: readonly File[]): FileGroup[] {
  const groups: FileGroup[] = [];
  const shapefiles = new Map<string, FileGroup>();
  for (const file of files) {
    const extension = extensionOf(file.name);
    if (SHAPEFILE_PARTS.has(extension)) {
      const stem = baseNameOf(file.name);
      const key = stem.toLowerCase();
      let group = shapefiles.get(key);
      if (!group) {
        group = { label: stem, files: [], layer: guessLayer(stem) };
        shapefiles.set(key, group);
        groups.push(group);
      }
      group.files.push(file);
      group.label = `${stem} (${group.files.map((part) => `.${extensionOf(part.name)}`).join(" ")})`;
      continue;
    }
    groups.push({ label: file.name, files: [file], layer: guessLayer(file.name) });
  }
  return groups;
}
