import { describe, expect, it } from "vitest";
import { circle, cleanGeometry, selfIntersection } from "./geometry-clean.ts";

const same = (position: [number, number]) => position;
const shift = ([x, y]: [number, number]): [number, number] => [x + 0.123456789, y];
const square = [
  [102, 25],
  [102.01, 25],
  [102.01, 25.01],
  [102, 25.01],
  [102, 25],
];

describe("geometry cleaning", () => {
  it("accepts a valid polygon unchanged", () => {
    expect(cleanGeometry({ type: "Polygon", coordinates: [square] }, "area", same)).toEqual({
      geometry: { type: "Polygon", coordinates: [square] },
      problems: [],
    });
  });

  it.each([
    ["no geometry", null, "geometry-missing"],
    ["empty coordinates", { type: "Polygon", coordinates: [] }, "geometry-empty"],
    ["a line", { type: "LineString", coordinates: square }, "geometry-type"],
    ["a collection", { type: "GeometryCollection", geometries: [] }, "geometry-collection"],
    [
      "a two-point ring",
      {
        type: "Polygon",
        coordinates: [
          [
            [102, 25],
            [102.1, 25],
          ],
        ],
      },
      "geometry-ring-short",
    ],
    ["a position out of range", { type: "Polygon", coordinates: [square.map(([x = 0, y = 0]) => [x + 100, y])] }, "geometry-out-of-range"],
    [
      "a non-number",
      {
        type: "Polygon",
        coordinates: [
          [
            [102, 25],
            ["a", 25],
            [102, 26],
            [102, 25],
          ],
        ],
      },
      "geometry-empty",
    ],
  ])("rejects %s", (_label, geometry, code) => {
    const cleaned = cleanGeometry(geometry, "area", same);
    expect(cleaned.geometry).toBeNull();
    expect(cleaned.problems.map((problem) => problem.code)).toContain(code);
  });

  it("closes an open ring, with a warning", () => {
    const cleaned = cleanGeometry({ type: "Polygon", coordinates: [square.slice(0, -1)] }, "area", same);
    expect(cleaned.geometry).toEqual({ type: "Polygon", coordinates: [square] });
    expect(cleaned.problems).toEqual([{ code: "geometry-ring-unclosed", severity: "warning" }]);
  });

  it("drops heights with a note", () => {
    const cleaned = cleanGeometry({ type: "Point", coordinates: [102, 25, 1890] }, "point", same);
    expect(cleaned).toEqual({ geometry: { type: "Point", coordinates: [102, 25] }, problems: [{ code: "geometry-3d", severity: "info" }] });
  });

  it("flags a bow-tie but keeps it", () => {
    const bowtie = [
      [0, 0],
      [1, 1],
      [1, 0],
      [0, 1],
      [0, 0],
    ];
    const cleaned = cleanGeometry({ type: "Polygon", coordinates: [bowtie] }, "area", same);
    expect(cleaned.geometry).not.toBeNull();
    expect(cleaned.problems).toEqual([{ code: "geometry-self-intersection", severity: "warning", params: { at: "0.50000, 0.50000" } }]);
  });

  it("does not flag edges that only share a vertex, nor a hole inside its shell", () => {
    const hole = [
      [102.002, 25.002],
      [102.002, 25.004],
      [102.004, 25.004],
      [102.004, 25.002],
      [102.002, 25.002],
    ];
    expect(selfIntersection({ type: "Polygon", coordinates: [square, hole] })).toBeNull();
  });

  it("converts every position and rounds to 1e-7 degrees", () => {
    const cleaned = cleanGeometry({ type: "Point", coordinates: [102, 25] }, "point", shift);
    expect(cleaned.geometry).toEqual({ type: "Point", coordinates: [102.1234568, 25] });
  });

  it("draws a point as a circle when the layer wants an area and outlines are allowed", () => {
    const cleaned = cleanGeometry({ type: "Point", coordinates: [102.7, 25] }, "area", same, 30);
    expect(cleaned.geometry?.type).toBe("Polygon");
    expect(cleanGeometry({ type: "Point", coordinates: [102.7, 25] }, "area", same).problems[0]?.code).toBe("geometry-type");
    const ring = circle([102.7, 25], 30).coordinates[0] ?? [];
    expect(ring).toHaveLength(33);
    expect(ring[0]).toEqual(ring[32]);
  });
});
