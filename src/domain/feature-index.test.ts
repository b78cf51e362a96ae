import { describe, expect, it } from "vitest";
import { LAYER_NAMES, type LayerName } from "../data/contract.ts";
import { buildDataset } from "./dataset.ts";
import { buildFeatureIndex } from "./feature-index.ts";
import { fixtureLayers } from "../../tests/support/engine-fixtures.ts";
import type { Layers } from "./dataset.ts";
import type { Manifest } from "../data/contract.ts";

const manifest: Manifest = {
  contract: 2,
  id: "fixture",
  title: "测试",
  area: { name: "测试", level: "county" },
  crs: "EPSG:4326",
  asOf: "2026-10-31",
  synthetic: { geometry: [], attributes: [] },
  sources: [{ name: "test", licence: "MIT" }],
  layers: {},
};
// The engine fixture includes deliberately broken rows; the index only needs well-formed ones.
const layers = fixtureLayers();
const clean = Object.fromEntries(
  LAYER_NAMES.map((layer) => [
    layer,
    {
      type: "FeatureCollection",
      features: layers[layer].features.filter(
        (feature) => feature.geometry !== null && (layer === "stations" ? feature.geometry.type === "Point" : feature.geometry.type !== "Point"),
      ),
    },
  ]),
) as unknown as Layers;
const index = buildFeatureIndex(buildDataset(manifest, clean).layers);
const everything = new Set<LayerName>(LAYER_NAMES);

describe("buildFeatureIndex", () => {
  const station = clean.stations.features[0];
  const compound = clean.compounds.features[0];
  if (!station || !compound) throw new Error("fixture has no station or compound");

  it("finds a station within the tolerance and not beyond it", () => {
    const [longitude = 0, latitude = 0] = station.geometry.coordinates;
    expect(index.pick(longitude + 0.00001, latitude, 0.0001, everything)).toMatchObject({ layer: "stations", id: station.properties.id });
    expect(index.pick(longitude + 0.01, latitude + 0.01, 0.0001, new Set(["stations"]))).toBeNull();
  });

  it("finds the compound under a point, and the layer beneath when compounds are hidden", () => {
    const ring = compound.geometry.type === "Polygon" ? compound.geometry.coordinates[0] : compound.geometry.coordinates[0]?.[0];
    const [west = 0, south = 0] = ring?.[0] ?? [];
    const [east = 0, north = 0] = ring?.[2] ?? [];
    const [longitude, latitude] = [(west + east) / 2, (south + north) / 2];
    const withoutStations = new Set<LayerName>(["compounds", "grids", "communities", "streets", "districts"]);
    expect(index.pick(longitude, latitude, 0, withoutStations)?.layer).toBe("compounds");
    const beneath = index.pick(longitude, latitude, 0, new Set<LayerName>(["communities", "districts"]));
    expect(beneath?.layer).toBe("communities");
  });

  it("returns null outside every unit", () => {
    expect(index.pick(0, 0, 0.001, everything)).toBeNull();
  });
});
