import { describe, expect, it } from "vitest";
import { briefError, loadSteps, needsAttention, type LoadInput } from "./load-steps.ts";

const base: LoadInput = {
  manifest: { state: "done", file: "manifest.json" },
  map: { ready: true, failedTiles: 0 },
  indicators: { state: "done", file: "indicators.json" },
  engine: { state: "loading", table: "attributes.bin.gz" },
};
const states = (input: LoadInput) => Object.fromEntries(loadSteps(input).map((step) => [step.id, step.state]));

describe("loadSteps", () => {
  it("shows the table's bytes while it downloads, then what the engine computes", () => {
    const downloading = loadSteps({
      ...base,
      engine: { ...base.engine, progress: { stage: "download", file: "attributes.bin.gz", loaded: 4_000_000, total: 12_000_000 } },
    });
    expect(downloading.find((step) => step.id === "table")).toEqual({
      id: "table",
      state: "loading",
      file: "attributes.bin.gz",
      bytes: { loaded: 4_000_000, total: 12_000_000 },
    });
    expect(downloading.find((step) => step.id === "analysis")?.state).toBe("waiting");
    const analysing = loadSteps({ ...base, engine: { ...base.engine, progress: { stage: "gaps", file: null, loaded: 0, total: null } } });
    expect(analysing.map((step) => [step.id, step.state, step.stage])).toEqual([
      ["manifest", "done", undefined],
      ["map", "done", undefined],
      ["indicators", "done", undefined],
      ["table", "done", undefined],
      ["analysis", "loading", "gaps"],
    ]);
  });

  it("shows the table's bytes while the engine waits for the map, and the table done once they are in", () => {
    const early = loadSteps({
      ...base,
      map: { ready: false, failedTiles: 0 },
      engine: { state: "idle", table: "attributes.bin.gz", progress: { stage: "download", file: "attributes.bin.gz", loaded: 1_000, total: 9_000 } },
    });
    expect(early.find((step) => step.id === "table")).toMatchObject({ state: "loading", bytes: { loaded: 1_000, total: 9_000 } });
    const complete = states({
      ...base,
      map: { ready: false, failedTiles: 0 },
      engine: { state: "idle", table: "attributes.bin.gz", progress: { stage: "download", file: "attributes.bin.gz", loaded: 9_000, total: 9_000 } },
    });
    expect(complete).toMatchObject({ table: "done", analysis: "waiting" });
  });

  it("blames the table when it fails to load, the analysis when it fails after", () => {
    const tableFailed = loadSteps({
      ...base,
      engine: {
        state: "failed",
        table: "attributes.bin.gz",
        error: "HTTP 404",
        progress: { stage: "download", file: "attributes.bin.gz", loaded: 0, total: null },
      },
    });
    expect(tableFailed.find((step) => step.id === "table")).toMatchObject({ state: "failed", file: "attributes.bin.gz", error: "HTTP 404" });
    expect(tableFailed.find((step) => step.id === "analysis")?.state).toBe("waiting");
    const analysisFailed = states({
      ...base,
      engine: { state: "failed", table: "attributes.bin.gz", error: "bad", progress: { stage: "analyse", file: null, loaded: 0, total: null } },
    });
    expect(analysisFailed).toMatchObject({ table: "done", analysis: "failed" });
  });

  it("reports failed tiles on the map step and keeps the rest", () => {
    const steps = loadSteps({ ...base, map: { ready: true, failedTiles: 3, tilesFile: "tiles.pmtiles" }, engine: { ...base.engine, state: "done" } });
    expect(steps.find((step) => step.id === "map")).toEqual({ id: "map", state: "failed", error: "3", file: "tiles.pmtiles" });
    expect(needsAttention(steps)).toBe(true);
  });

  it("has no table step for a GeoJSON dataset, and nothing to say once all is done", () => {
    const { indicators: _none, ...geojson } = base;
    const done = loadSteps({ ...geojson, engine: { state: "done" } });
    expect(done.map((step) => step.id)).toEqual(["manifest", "map", "analysis"]);
    expect(needsAttention(done)).toBe(false);
    expect(states({ ...geojson, engine: { state: "failed", error: "bad" } })).toMatchObject({ analysis: "failed" });
  });

  it("waits for the map until the manifest is in", () => {
    expect(
      states({
        ...base,
        manifest: { state: "loading", file: "manifest.json" },
        map: { ready: false, failedTiles: 0 },
        engine: { state: "idle", table: "attributes.bin.gz" },
      }),
    ).toMatchObject({
      manifest: "loading",
      map: "waiting",
      table: "waiting",
      analysis: "waiting",
    });
  });
});

describe("briefError", () => {
  it("drops the file's URL the step already names, and keeps any other message whole", () => {
    expect(briefError("http://127.0.0.1:4173/data/yunnan/attributes.bin.gz: HTTP 404 Not Found", "attributes.bin.gz")).toBe("HTTP 404 Not Found");
    expect(briefError("attributes.bin.gz: truncated: the header is cut off", "attributes.bin.gz")).toBe("truncated: the header is cut off");
    expect(briefError("worker crashed: out of memory", "attributes.bin.gz")).toBe("worker crashed: out of memory");
  });
});
