import type { FeatureCollection, Point } from "geojson";
import { describe, expect, it } from "vitest";
import type { Manifest } from "../contract.ts";
import { decodeCollection, layerBytes, mergeLayer, sessionManifest, type ImportedLayer, type StoredLayer } from "./session.ts";

const point: Point = { type: "Point", coordinates: [102.7, 25] };
const collection = (...ids: string[]): FeatureCollection => ({
  type: "FeatureCollection",
  features: ids.map((id) => ({ type: "Feature", properties: { id, name: id }, geometry: point })),
});
const ids = (layer: FeatureCollection) => layer.features.map((feature) => feature.properties?.id);

describe("merging an imported layer", () => {
  it("joins: same id replaces, new ids are added, the rest stays", () => {
    const merged = mergeLayer(
      collection("a", "b", "c"),
      { type: "FeatureCollection", features: [{ type: "Feature", properties: { id: "b", name: "new b" }, geometry: point }, ...collection("d").features] },
      "join",
    );
    expect(ids(merged)).toEqual(["a", "c", "b", "d"]);
    expect(merged.features.find((feature) => feature.properties?.id === "b")?.properties?.name).toBe("new b");
  });

  it("replaces the whole layer", () => {
    expect(ids(mergeLayer(collection("a", "b"), collection("x"), "replace"))).toEqual(["x"]);
  });

  it("joins onto a layer the dataset did not have", () => {
    expect(ids(mergeLayer(undefined, collection("x"), "join"))).toEqual(["x"]);
  });
});

const imported = (layer: ImportedLayer["layer"], mode: ImportedLayer["mode"], outlined = 0): ImportedLayer => ({
  layer,
  mode,
  files: [`${layer}.zip`],
  collection: collection(),
  total: 10,
  loaded: 9,
  outlined,
});

const stored = (mode: StoredLayer["mode"]): StoredLayer => ({
  layer: "compounds",
  mode,
  files: ["x.geojson"],
  total: 1,
  loaded: 1,
  outlined: 0,
  json: new TextEncoder().encode(JSON.stringify(collection("b"))),
});

describe("a stored layer as the file the dataset reads", () => {
  it("hands a replacing layer's bytes over as they are, never parsed", () => {
    const item = stored("replace");
    expect(layerBytes(collection("a"), item)).toBe(item.json);
  });

  it("joins a layer onto the base", () => {
    expect(ids(decodeCollection(layerBytes(collection("a", "b"), stored("join"))))).toEqual(["a", "b"]);
  });
});

describe("the combined dataset's manifest", () => {
  const base = {
    contract: 2,
    id: "kunming",
    title: "昆明市党建地图(演示数据)",
    titleEn: "Kunming party-building map (demo data)",
    area: { name: "昆明市", level: "prefecture" },
    crs: "EPSG:4326",
    asOf: "2026-10-31",
    synthetic: { geometry: ["streets", "communities", "compounds"], attributes: ["communities", "compounds"] },
    sources: [{ name: "demo", licence: "MIT" }],
    layers: { communities: "communities.geojson", compounds: "compounds.geojson" },
  } as Manifest;

  it("points replaced layers at the imported files and keeps the others", () => {
    const manifest = sessionManifest({
      base,
      baseFiles: { communities: "http://127.0.0.1/x/communities.geojson", compounds: "http://127.0.0.1/x/compounds.geojson" },
      imported: [imported("compounds", "replace")],
      importedFiles: { compounds: "blob:1" },
      importedOn: "2026-12-05",
    });
    expect(manifest.layers).toEqual({ communities: "http://127.0.0.1/x/communities.geojson", compounds: "blob:1" });
    expect(manifest.title).toBe("昆明市党建地图(演示数据)(含导入数据)");
    expect(manifest.sources.at(-1)?.note).toContain("compounds (replaced; 9 of 10 features loaded): compounds.zip");
  });

  it("drops the synthetic label of a replaced layer, keeps it for a joined one, and adds it for circles drawn from points", () => {
    const replaced = sessionManifest({
      base,
      baseFiles: {},
      imported: [imported("compounds", "replace"), imported("communities", "join")],
      importedFiles: {},
      importedOn: "2026-12-05",
    });
    expect(replaced.synthetic).toEqual({ geometry: ["streets", "communities"], attributes: ["communities"] });
    const outlined = sessionManifest({ base, baseFiles: {}, imported: [imported("compounds", "replace", 3)], importedFiles: {}, importedOn: "2026-12-05" });
    expect(outlined.synthetic.geometry).toContain("compounds");
    expect(outlined.synthetic.attributes).not.toContain("compounds");
  });
});
