import { describe, expect, it } from "vitest";
import { parseWkt } from "./wkt.ts";

describe("WKT", () => {
  it.each([
    ["POINT (102.7 25.04)", { type: "Point", coordinates: [102.7, 25.04] }],
    ["point z (102.7 25.04 1890)", { type: "Point", coordinates: [102.7, 25.04, 1890] }],
    ["SRID=4326;POINT(1 2)", { type: "Point", coordinates: [1, 2] }],
    [
      "MULTIPOINT ((1 2), (3 4))",
      {
        type: "MultiPoint",
        coordinates: [
          [1, 2],
          [3, 4],
        ],
      },
    ],
    [
      "MULTIPOINT (1 2, 3 4)",
      {
        type: "MultiPoint",
        coordinates: [
          [1, 2],
          [3, 4],
        ],
      },
    ],
    [
      "POLYGON ((0 0, 1 0, 1 1, 0 0), (0.2 0.2, 0.4 0.2, 0.4 0.4, 0.2 0.2))",
      {
        type: "Polygon",
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 0],
          ],
          [
            [0.2, 0.2],
            [0.4, 0.2],
            [0.4, 0.4],
            [0.2, 0.2],
          ],
        ],
      },
    ],
    [
      "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))",
      {
        type: "MultiPolygon",
        coordinates: [
          [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 0],
            ],
          ],
          [
            [
              [5, 5],
              [6, 5],
              [6, 6],
              [5, 5],
            ],
          ],
        ],
      },
    ],
  ])("reads %s", (text, geometry) => {
    expect(parseWkt(text)).toEqual(geometry);
  });

  it.each(["CIRCLE (1 2)", "POINT (1 2", "POLYGON ((0 0, a b, 1 1, 0 0))", "POINT (1 2) extra", ""])("refuses %j with a reason", (text) => {
    expect(() => parseWkt(text)).toThrow(/./);
  });
});
