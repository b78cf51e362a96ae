import { describe, expect, it } from "vitest";
import { groupFiles, guessLayer } from "./file-groups.ts";

const file = (name: string) => new File(["x"], name);

describe("dropped files", () => {
  it.each([
    ["华山街道小区.geojson", "compounds"],
    ["communities-gbk.zip", "communities"],
    ["社工站台账.xlsx", "stations"],
    ["网格划分.kml", "grids"],
    ["乡镇街道界线.shp", "streets"],
    ["data.csv", null],
  ])("guesses %s is %s", (name, layer) => {
    expect(guessLayer(name)).toBe(layer);
  });

  it("puts the parts of one Shapefile together and keeps other files apart", () => {
    const groups = groupFiles([file("社区.shp"), file("compounds.geojson"), file("社区.dbf"), file("社区.prj")]);
    expect(groups.map((group) => [group.label, group.files.length, group.layer])).toEqual([
      ["社区 (.shp .dbf .prj)", 3, "communities"],
      ["compounds.geojson", 1, "compounds"],
    ]);
  });
});
