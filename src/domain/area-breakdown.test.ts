// Grid loads and gap counts per unit on the hand fixture (tests/support/engine-fixtures.ts); expected
// grids read off the fixture's description (GX names a missing community and is left out).
import { describe, expect, it } from "vitest";
import { analyze } from "./analysis.ts";
import { gapCountsByUnit, gridLoadsIn } from "./area-breakdown.ts";
import { filterGaps } from "./gaps.ts";
import { CODES, fixtureLayers } from "../../tests/support/engine-fixtures.ts";

const analysis = analyze(fixtureLayers());

describe("gridLoadsIn", () => {
  it.each([
    ["the whole dataset", undefined, ["G11a", "G11b", "G12a", "G12b", "G21a", "G21b", "GOUT"]],
    ["a district", CODES.district, ["G11a", "G11b", "G12a", "G12b", "G21a", "G21b", "GOUT"]],
    ["a street", CODES.streetEast, ["G21a", "G21b"]],
    ["a community, with a grid drawn elsewhere but coded to it", CODES.communityPlain, ["G11a", "G11b", "GOUT"]],
    ["a community without grids", CODES.communityEmpty, []],
    ["an unknown code", "999", []],
  ])("lists the grids of %s", (_label, areaCode, expected) => {
    expect(gridLoadsIn(analysis.model, areaCode).map((load) => load.code)).toEqual(expected);
  });

  it("carries each grid's households and workers, a grid without a worker as 0", () => {
    expect(gridLoadsIn(analysis.model, CODES.communityHoled)).toEqual([
      { code: "G12a", households: 300, workers: 0 },
      { code: "G12b", households: 150, workers: 1 },
    ]);
  });
});

describe("gapCountsByUnit", () => {
  const counts = gapCountsByUnit(analysis.gaps);

  it("counts for every unit what the area filter of the gap list finds", () => {
    const codes = [CODES.district, CODES.streetWest, CODES.streetEast, CODES.communityPlain, CODES.communityHoled, CODES.communityEast, CODES.communityEmpty];
    for (const code of codes) expect(counts[code] ?? 0).toBe(filterGaps(analysis.gaps, { areaCode: code }).length);
    expect(counts[CODES.district]).toBe(analysis.gaps.length);
  });

  it("is empty for no gaps", () => {
    expect(gapCountsByUnit([])).toEqual({});
  });
});
