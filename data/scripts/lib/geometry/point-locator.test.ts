import { describe, expect, it } from "vitest";
import { createPointLocator } from "./point-locator.ts";
import { pointInArea, type Point } from "./polygon.ts";
import { Random } from "../generator/prng.ts";
import { FIXTURES } from "./test-fixtures.ts";

describe("createPointLocator", () => {
  it.each(FIXTURES)("agrees with plain ray casting on %s", (_, area) => {
    const locate = createPointLocator(area);
    const random = new Random(9);
    for (let i = 0; i < 3000; i++) {
      const point: Point = [random.uniform(102.68, 102.77), random.uniform(24.99, 25.06)];
      expect(locate(point)).toBe(pointInArea(point, area));
    }
  });

  it("finds nothing in an empty area", () => {
    expect(createPointLocator([])([102.7, 25])).toBe(false);
  });
});
