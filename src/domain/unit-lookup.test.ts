import { describe, expect, it } from "vitest";
import { decodeTables, encodeTables } from "../data/columnar.ts";
import { LAYER_NAMES } from "../data/contract.ts";
import { ancestry, findProperties, type Layers } from "./dataset.ts";
import { buildModel } from "./model.ts";
import { modelFromTables, modelToTables } from "./model-table.ts";
import { demoLayers } from "../../tests/support/demo-layers.ts";
import { describeUnit } from "./unit-lookup.ts";

// On the demo dataset: what the engine says of a unit equals what the GeoJSON layers say of it, and
// a model read back from its attribute table (a tiled dataset) says the same.
describe("describeUnit", () => {
  const layers = demoLayers();
  const model = buildModel(layers, "2026-10-31");
  const table = modelToTables(model);
  const fromTable = modelFromTables(decodeTables(encodeTables(table.tables, table.meta), "attributes.bin"), "attributes.bin");
  // Units spread through each layer: the first, one in the middle and the last.
  const samples = LAYER_NAMES.flatMap((layer) => {
    const features = (layers[layer]?.features ?? []) as ReadonlyArray<{ properties: { code?: string; id?: string } }>;
    return [0, Math.floor(features.length / 2), features.length - 1].map((index) => ({
      layer,
      id: String(features[index]?.properties.code ?? features[index]?.properties.id),
    }));
  });

  it.each(samples)("gives $layer $id the layer's fields and breadcrumb", ({ layer, id }) => {
    const expected = findProperties(layers as unknown as Layers, layer, id) ?? {};
    for (const source of [model, fromTable]) {
      const info = describeUnit(source, layer, id);
      expect(info?.name).toBe(expected.name);
      // Every field the layer gives (it may leave optional ones out; the model fills them in).
      const given = Object.keys(expected);
      expect(Object.fromEntries(given.map((field) => [field, info?.properties[field]]))).toEqual(expected);
      expect(info?.ancestry).toEqual(ancestry(layers as unknown as Layers, layer, id));
      const [west = 0, south = 0, east = 0, north = 0] = info?.bbox ?? [];
      expect(info?.position[0]).toBeGreaterThanOrEqual(west - 1e-9);
      expect(info?.position[0]).toBeLessThanOrEqual(east + 1e-9);
      expect(info?.position[1]).toBeGreaterThanOrEqual(south - 1e-9);
      expect(info?.position[1]).toBeLessThanOrEqual(north + 1e-9);
    }
  });

  it("knows nothing of a code no unit has", () => {
    expect(describeUnit(model, "compounds", "no-such-unit")).toBeNull();
    expect(describeUnit(model, "districts", "530199")).toBeNull();
  });
});
