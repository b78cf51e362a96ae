import { describe, expect, it } from "vitest";
import type { Polygon, Position } from "geojson";
import { countIssues, segmentConflict, validityIssues } from "./validity.ts";

const poly = (...rings: Position[][]): Polygon => ({ type: "Polygon", coordinates: rings });
const square: Position[] = [
  [0, 0],
  [4, 0],
  [4, 4],
  [0, 4],
  [0, 0],
];
const hole: Position[] = [
  [1, 1],
  [1, 3],
  [3, 3],
  [3, 1],
  [1, 1],
];

describe("segmentConflict", () => {
  it.each([
    [[0, 0], [2, 2], [0, 2], [2, 0], "cross"],
    [[0, 0], [2, 0], [1, 0], [3, 0], "overlap"],
    [[0, 0], [2, 0], [2, 0], [3, 0], null],
    [[0, 0], [2, 0], [1, 0], [1, 1], null],
    [[0, 0], [1, 1], [2, 0], [3, 1], null],
  ] as const)("%j-%j vs %j-%j is %s", (a, b, c, d, expected) => {
    expect(segmentConflict([...a], [...b], [...c], [...d])).toBe(expected);
  });
});

describe("validityIssues", () => {
  it("accepts a square with a hole", () => {
    expect(validityIssues(poly(square, hole))).toEqual([]);
  });

  it.each([
    [
      "an open ring",
      poly([
        [0, 0],
        [4, 0],
        [4, 4],
        [0, 4],
      ]),
      "unclosed",
      /not closed/,
    ],
    ["a clockwise exterior", poly(square.toReversed()), "winding", /not counter-clockwise/],
    ["a counter-clockwise hole", poly(square, hole.toReversed()), "winding", /hole is not clockwise/],
    [
      "a bow tie",
      poly([
        [0, 0],
        [2, 2],
        [2, 0],
        [0, 2],
        [0, 0],
      ]),
      "cross",
      /cross/,
    ],
    [
      "a spike",
      poly([
        [0, 0],
        [4, 0],
        [6, 0],
        [4, 0],
        [4, 4],
        [0, 4],
        [0, 0],
      ]),
      "overlap",
      /overlap/,
    ],
    [
      "a repeated vertex",
      poly([
        [0, 0],
        [4, 0],
        [4, 0],
        [4, 4],
        [0, 4],
        [0, 0],
      ]),
      "repeated-vertex",
      /repeated/,
    ],
    [
      "a hole crossing the shell",
      poly(square, [
        [3, 1],
        [3, 5],
        [5, 5],
        [5, 1],
        [3, 1],
      ]),
      "cross",
      /cross/,
    ],
  ] as const)("reports %s", (_label, geometry, kind, pattern) => {
    const issues = validityIssues(geometry);
    expect(issues.map((i) => i.kind)).toContain(kind);
    expect(issues.map((i) => i.message).join("\n")).toMatch(pattern);
  });

  it("counts issues by kind", () => {
    const ring: Position[] = [
      [0, 0],
      [4, 0],
      [4, 0],
      [4, 4],
      [4, 4],
      [0, 4],
      [0, 0],
    ];
    expect(countIssues(validityIssues(poly(ring.toReversed())))).toEqual({ winding: 1, "repeated-vertex": 2 });
  });

  it("allows a hole touching the shell at one vertex", () => {
    expect(
      validityIssues(
        poly(square, [
          [0, 2],
          [2, 3],
          [2, 1],
          [0, 2],
        ]),
      ),
    ).toEqual([]);
  });
});
