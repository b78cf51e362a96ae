import type { StyleSpecification } from "maplibre-gl";
import { describe, expect, it } from "vitest";
import { deepFreeze } from "../../tests/support/deep-freeze.ts";
import { planStyleUpdate } from "./style-update.ts";

const data = deepFreeze({ type: "FeatureCollection" as const, features: [] });
const base: StyleSpecification = deepFreeze({
  version: 8,
  sources: { compounds: { type: "geojson", data }, water: { type: "geojson", data } },
  layers: [
    { id: "background", type: "background", paint: { "background-color": "#fff" } },
    { id: "compounds", type: "fill", source: "compounds", paint: { "fill-color": "#f00" } },
  ],
});

describe("planStyleUpdate", () => {
  it("starts with a full style", () => {
    expect(planStyleUpdate(undefined, base)).toEqual({ kind: "full" });
  });

  it("changes only a paint property when the data objects are the same", () => {
    const next = { ...base, layers: [base.layers[0], { ...base.layers[1], paint: { "fill-color": "#00f" } }] } as StyleSpecification;
    expect(planStyleUpdate(base, next)).toEqual({
      kind: "partial",
      addSources: [],
      setData: [],
      removeSources: [],
      layerCommands: [{ command: "setPaintProperty", args: ["compounds", "fill-color", "#00f"] }],
    });
  });

  it("sets new data in place, adds and removes sources around the layer commands", () => {
    const fresh = { type: "FeatureCollection" as const, features: [] };
    const next: StyleSpecification = {
      ...base,
      sources: { compounds: { type: "geojson", data: fresh }, shape: { type: "geojson", data } },
      layers: [...base.layers, { id: "shape", type: "line", source: "shape" }],
    };
    const plan = planStyleUpdate(base, next);
    expect(plan).toMatchObject({
      kind: "partial",
      addSources: [["shape", { type: "geojson", data }]],
      setData: [["compounds", fresh]],
      removeSources: ["water"],
    });
    expect(plan.kind === "partial" && plan.layerCommands.map((command) => command.command)).toEqual(["addLayer"]);
  });

  it.each([
    { name: "a source option changes", next: { ...base, sources: { ...base.sources, compounds: { type: "geojson" as const, data, cluster: true } } } },
    {
      name: "a vector source's url changes",
      next: { ...base, sources: { ...base.sources, tiles: { type: "vector" as const, url: "a" } } },
      previous: { ...base, sources: { ...base.sources, tiles: { type: "vector" as const, url: "b" } } },
    },
    { name: "a top-level property changes", next: { ...base, glyphs: "x/{fontstack}/{range}.pbf" } },
  ])("falls back to MapLibre's diff when $name", ({ next, previous }) => {
    expect(planStyleUpdate(previous ?? base, next as StyleSpecification)).toEqual({ kind: "full" });
  });
});
