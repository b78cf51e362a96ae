import { describe, expect, it } from "vitest";
import { GeoJsonStream, type StreamItem } from "./geojson-stream.ts";

const encoder = new TextEncoder();

/** Feeds the text in chunks of the given size and collects what comes out. */
function run(text: string, chunk: number) {
  const stream = new GeoJsonStream();
  const bytes = encoder.encode(text);
  const items: StreamItem[] = [];
  for (let offset = 0; offset < bytes.length; offset += chunk) items.push(...stream.push(bytes.subarray(offset, offset + chunk)));
  const { items: last, end } = stream.end();
  return { items: [...items, ...last], end };
}

const feature = (id: string) => ({ type: "Feature", properties: { id, name: `名称 "${id}" {[` }, geometry: { type: "Point", coordinates: [102.7, 25] } });

describe("the streaming GeoJSON reader", () => {
  const collection = JSON.stringify({ type: "FeatureCollection", name: "小区", features: [feature("a"), feature("b"), feature("c")], crs: { type: "name" } });

  it.each([1, 3, 7, 64, 100_000])("cuts features out whatever the chunk size (%i bytes), strings with brackets included", (chunk) => {
    const { items, end } = run(collection, chunk);
    expect(items.map((item) => ("feature" in item ? (item.feature as ReturnType<typeof feature>).properties.id : "broken"))).toEqual(["a", "b", "c"]);
    expect(end).toMatchObject({ foundFeatures: true, truncated: false, featureCount: 3 });
    expect(end.top).toEqual({ type: "FeatureCollection", name: "小区", features: [], crs: { type: "name" } });
  });

  it("skips a byte-order mark", () => {
    const { items } = run(`\ufeff${collection}`, 5);
    expect(items).toHaveLength(3);
  });

  it("keeps the features before a cut and says the file is truncated", () => {
    const { items, end } = run(collection.slice(0, collection.indexOf('"c"')), 16);
    expect(items).toHaveLength(2);
    expect(end.truncated).toBe(true);
  });

  it("reports one broken feature and keeps the others", () => {
    const text = collection.replace('"id":"b"', "id:b");
    const { items } = run(text, 9);
    expect(items.map((item) => ("broken" in item ? `broken ${item.index}` : "ok"))).toEqual(["ok", "broken 1", "ok"]);
  });

  it("hands a file with no features array to the caller whole", () => {
    const { end } = run(JSON.stringify(feature("x")), 4);
    expect(end.foundFeatures).toBe(false);
    expect(end.top).toEqual(feature("x"));
  });

  it("says when the text is not JSON", () => {
    const { end } = run("{ this is not json }", 4);
    expect(end.top).toBeUndefined();
    expect(end.topError).toBeTruthy();
  });
});
