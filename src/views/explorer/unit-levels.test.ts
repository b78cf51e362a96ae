import { describe, expect, it } from "vitest";
import { SEARCH_LEVELS } from "../../domain/search.ts";
import { isAreaLayer, LEVEL_LAYER, levelLabels } from "./unit-levels.ts";

describe("unit levels", () => {
  it("maps every search level to a layer", () => {
    expect(SEARCH_LEVELS.map((level) => LEVEL_LAYER[level])).toEqual(["prefectures", "districts", "streets", "communities", "grids", "compounds", "stations"]);
  });

  it.each([
    { layer: "prefectures", area: true },
    { layer: "districts", area: true },
    { layer: "streets", area: true },
    { layer: "communities", area: true },
    { layer: "grids", area: false },
    { layer: "compounds", area: false },
    { layer: "stations", area: false },
  ] as const)("knows whether $layer are areas ($area)", ({ layer, area }) => {
    expect(isAreaLayer(layer)).toBe(area);
  });

  it("heads each level with the layer's name in the chosen language", () => {
    expect(levelLabels("zh")).toMatchObject({ district: "县(市、区)", street: "乡镇(街道)", station: "社工站(室)" });
    expect(levelLabels("en")).toMatchObject({ prefecture: "Prefecture", compound: "Compound / village" });
    expect(Object.keys(levelLabels("en"))).toEqual([...SEARCH_LEVELS]);
  });
});
