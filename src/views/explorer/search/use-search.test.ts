import { describe, expect, it } from "vitest";
import { localSearchEntries } from "./use-search.ts";

// Label points as scripts/tiles.ts writes them into a tiled dataset's indicators file; NBS 2023 codes and names.
const labels = Object.freeze([
  Object.freeze({ position: Object.freeze([102.7, 25.04]) as [number, number], name: "五华区", code: "530102", level: "district" as const }),
  Object.freeze({ position: Object.freeze([102.71, 25.05]) as [number, number], name: "华山街道", code: "530102001", level: "street" as const }),
]);

describe("localSearchEntries", () => {
  it("makes a tiled dataset's label points searchable by name and code, without a box", () => {
    expect(localSearchEntries(undefined, { labels })).toEqual([
      { level: "district", id: "530102", name: "五华区", context: "", position: [102.7, 25.04], bbox: null },
      { level: "street", id: "530102001", name: "华山街道", context: "", position: [102.71, 25.05], bbox: null },
    ]);
  });

  it("has no entries before the dataset or its indicators arrive", () => {
    expect(localSearchEntries(undefined, undefined)).toBeUndefined();
  });
});
