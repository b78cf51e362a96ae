import { describe, expect, it } from "vitest";
import { collectionText, featureLine, parseCollectionText } from "./feature-file.ts";

const feature = (id: string, x = 102.1) => ({
  id,
  properties: { id, name: `小区${id}` },
  geometry: { type: "Point" as const, coordinates: [x, 25.1] },
});

describe("one-feature-per-line collections", () => {
  it("write valid GeoJSON, one feature per line, sorted by id", () => {
    const text = collectionText([feature("b"), feature("a")].map((f) => ({ id: f.id, line: featureLine(f) })));
    expect(text.split("\n")).toHaveLength(5);
    const parsed = JSON.parse(text) as { features: { id: string }[] };
    expect(parsed.features.map((f) => f.id)).toEqual(["a", "b"]);
    expect(text.endsWith("]}\n")).toBe(true);
  });

  it("put a top-level id first after type", () => {
    expect(featureLine(feature("530102001001-C001"))).toMatch(/^\{"type":"Feature","id":"530102001001-C001","properties":/);
  });

  it("read back the exact lines", () => {
    const lines = [feature("x", 102.00001), feature("y")].map((f) => ({ id: f.id, line: featureLine(f) }));
    const text = collectionText(lines);
    const read = parseCollectionText(text);
    expect(read.map(({ id, line }) => ({ id, line }))).toEqual(lines);
    expect(collectionText(read)).toBe(text);
  });

  it("handle an empty collection", () => {
    expect(parseCollectionText(collectionText([]))).toEqual([]);
  });

  it("refuse files in another layout", () => {
    expect(() => parseCollectionText('{"type":"FeatureCollection","features":[]}')).toThrow(/one-feature-per-line/);
  });
});
