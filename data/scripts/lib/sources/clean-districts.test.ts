import { describe, expect, it } from "vitest";
import type { Polygon, Position } from "geojson";
import { cleanDistricts, verifyDistricts } from "./clean-districts.ts";
import type { District } from "../geometry/polygon-clean.ts";

// 0.01° cells near Kunming (about 1 km²).
const cell = (a: number, b: number, c: number, d: number): Polygon => {
  const [x0, y0, x1, y1] = [102.7 + a * 0.01, 25 + b * 0.01, 102.7 + c * 0.01, 25 + d * 0.01];
  return {
    type: "Polygon",
    coordinates: [
      [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
        [x0, y0],
      ],
    ],
  };
};
const district = (code: string, geometry: District["geometry"]): District => ({ code, name: code, geometry });
const outer = (p: Polygon): Position[] => p.coordinates[0] ?? [];

describe("cleanDistricts", () => {
  // a overlaps b by half a cell and carries a tiny island; b has a 0.3 x 0.3 notch on its
  // border with c, which the union sees as an interior gap.
  const a = district("530102", cell(0, 0, 2, 3));
  const b = district("530103", cell(1.5, 0, 4, 3));
  const c = district("530111", cell(0, 3, 4, 5));
  const notch = outer(cell(2, 2.7, 2.3, 3)).toReversed();
  const bWithNotch = district("530103", { type: "Polygon", coordinates: [outer(cell(1.5, 0, 4, 3)), notch] });
  const aWithSliver = district("530102", {
    type: "MultiPolygon",
    coordinates: [[outer(cell(0, 0, 2, 3))], [outer(cell(9, 9, 9.05, 9.05))]],
  });

  it("removes overlaps, slivers and gaps and passes verification", () => {
    const { districts, report } = cleanDistricts([c, bWithNotch, aWithSliver]);
    expect(districts.map((d) => d.code)).toEqual(["530102", "530103", "530111"]);
    expect(report.overlapsBefore.map((o) => [o.a, o.b])).toEqual([["530102", "530103"]]);
    expect(report.droppedSlivers.map((s) => s.code)).toEqual(["530102"]);
    expect(report.gapsBeforeKm2).toHaveLength(1);
    expect(report.filledGaps.map((g) => g.to)).toEqual(["530103"]);
    const verdict = verifyDistricts(districts);
    expect(verdict.issues).toEqual([]);
    expect(verdict.gapsKm2).toEqual([]);
  });

  it("verification flags overlapping districts", () => {
    expect(verifyDistricts([a, b]).issues.join("\n")).toMatch(/overlap/);
  });
});
