import { describe, expect, it } from "vitest";
import { ancestry, findProperties } from "./dataset.ts";
import { demoLayers } from "../../tests/support/demo-layers.ts";
import type { Layers } from "./dataset.ts";

const layers = demoLayers() as unknown as Layers;

describe("ancestry", () => {
  it("climbs from a compound to its prefecture through the codes", () => {
    const compound = layers.compounds.features[0];
    if (!compound) throw new Error("no compound");
    const chain = ancestry(layers, "compounds", compound.properties.id);
    expect(chain.map((crumb) => crumb.layer)).toEqual(["prefectures", "districts", "streets", "communities", "compounds"]);
    expect(chain[0]?.id).toBe(compound.properties.communityCode.slice(0, 4));
    expect(chain[1]?.id).toBe(compound.properties.communityCode.slice(0, 6));
    expect(chain[3]?.id).toBe(compound.properties.communityCode);
  });
  it("stops where the data ends", () => {
    expect(ancestry(layers, "compounds", "no-such-compound")).toEqual([]);
    expect(ancestry(layers, "districts", "530102").map((crumb) => crumb.name)).toEqual(["昆明市", "五华区"]);
    expect(ancestry({ ...layers, prefectures: { type: "FeatureCollection", features: [] } }, "districts", "530102").map((crumb) => crumb.name)).toEqual([
      "五华区",
    ]);
  });
  it("finds properties by code or id", () => {
    expect(findProperties(layers, "streets", "530102001")?.name).toBe("华山街道");
  });
});
