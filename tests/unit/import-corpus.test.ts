// The import corpus (tests/fixtures/import, made by scripts/make-import-corpus.ts from the
// Kunming demo) through the import, as the app and the CLI run it: each file loads with the
// right coordinate system, or gets its own message.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Position } from "geojson";
import { beforeAll, describe, expect, it } from "vitest";
import type { LayerName } from "../../src/data/contract.ts";
import { importLayer, type ImportOptions, type ImportResult } from "../../src/data/import/import-layer.ts";
import { describeEntry } from "../../src/data/import/messages.ts";
import type { ImportContext } from "../../src/data/import/parents.ts";
import { memoryInput } from "../../src/data/import/source.ts";
import { readDatasetContext } from "../../scripts/lib/import/dataset-context.ts";

const CORPUS = "tests/fixtures/import";
let context: ImportContext;
let truth: Map<string, Position>;

beforeAll(() => {
  context = readDatasetContext("public/data/kunming").context;
  // Where each compound and station really is (WGS84), by id.
  truth = new Map();
  for (const layer of ["compounds", "stations"] as const) {
    for (const feature of context[layer]?.features ?? []) {
      const geometry = feature.geometry;
      const position = geometry.type === "Point" ? geometry.coordinates : geometry.type === "Polygon" ? geometry.coordinates[0]?.[0] : undefined;
      if (position) truth.set(String(feature.properties?.id), position);
    }
  }
});

const input = (path: string) => memoryInput(path.split("/").pop() ?? path, new Uint8Array(readFileSync(join(CORPUS, path))), 4096);
const run = (paths: string[], layer: LayerName, options: Partial<ImportOptions> = {}) => importLayer(paths.map(input), { layer, ...options }, context);
const codes = (result: ImportResult, severity?: string) =>
  result.report.entries.filter((entry) => !severity || entry.severity === severity).map((entry) => entry.code);
const metres = (a: Position, b: Position) => Math.hypot(((a[0] ?? 0) - (b[0] ?? 0)) * 101_000, ((a[1] ?? 0) - (b[1] ?? 0)) * 110_600);

/** Largest distance between an imported feature's first position and the original's. */
function worstOffset(result: ImportResult): number {
  let worst = 0;
  for (const feature of result.collection.features) {
    const geometry = feature.geometry;
    const position = geometry.type === "Point" ? geometry.coordinates : geometry.type === "Polygon" ? geometry.coordinates[0]?.[0] : undefined;
    const original = truth.get(String(feature.properties?.id));
    if (position && original) worst = Math.max(worst, metres(position, original));
  }
  return worst;
}

describe("formats and coordinate systems", () => {
  it("zipped Shapefile, GBK without a .cpg, codes stored as numbers", async () => {
    const result = await run(["communities-gbk.zip"], "communities");
    expect(result.loaded).toBe(result.total);
    expect(result.total).toBeGreaterThan(5);
    expect(codes(result)).toEqual(expect.arrayContaining(["encoding-gbk", "column-code-restored", "column-coerced-boolean"]));
    expect(codes(result, "error")).toEqual([]);
    const first = result.collection.features[0]?.properties;
    expect(first).toMatchObject({ code: expect.stringMatching(/^530102001\d{3}$/), streetCode: "530102001", kind: expect.stringMatching(/居委会|村委会/) });
    expect(String(first?.name)).toMatch(/社区|村/);
  });

  it("loose .shp/.dbf/.shx/.prj/.cpg files of one layer", async () => {
    const result = await run(
      ["loose/communities.shp", "loose/communities.dbf", "loose/communities.shx", "loose/communities.prj", "loose/communities.cpg"],
      "communities",
    );
    expect(result.loaded).toBe(result.total);
    expect(result.sources[0]?.crs?.kind).toBe("geographic");
  });

  it("GCJ-02 GeoJSON: detected from the dataset and put back within a metre", async () => {
    const result = await run(["compounds-gcj02.geojson"], "compounds");
    expect(result.sources[0]?.crs?.id).toBe("GCJ-02");
    expect(result.sources[0]?.crsReason).toMatch(/inside their parent unit once converted from GCJ-02/);
    expect(result.loaded).toBe(result.total);
    expect(worstOffset(result)).toBeLessThan(1);
  });

  it("projected Shapefile with a .prj (CGCS2000 Gauss-Krüger zone 34), columns mapped by hand", async () => {
    const result = await run(["compounds-gk34.zip"], "compounds", { mapping: { communityCode: "commcode", households: "hh", partyBranch: "branch" } });
    expect(result.loaded).toBe(result.total);
    expect(worstOffset(result)).toBeLessThan(1);
  });

  it("the same columns without a mapping: named as missing, nothing loaded", async () => {
    const result = await run(["compounds-gk34.zip"], "compounds");
    expect(result.loaded).toBe(0);
    expect(result.report.entries.filter((entry) => entry.code === "column-missing").map((entry) => entry.field)).toEqual(["communityCode", "households"]);
  });

  it("projected coordinates with no zone and no .prj are refused with what to supply", async () => {
    const result = await run(["compounds-gk-no-prj.zip"], "compounds", { mapping: { communityCode: "commcode", households: "hh" } });
    expect(result.loaded).toBe(0);
    expect(codes(result, "error")).toContain("crs-unknown-projected");
    expect(describeEntry(result.report.entries[0] ?? ({} as never), "zh")).toMatch(/\.prj/);
  });

  it("GBK CSV with a title row, 百度 coordinates, units and a 合计 row", async () => {
    const result = await run(["stations-bd09-gbk.csv"], "stations");
    expect(result.sources[0]?.crs?.id).toBe("BD-09");
    expect(result.loaded).toBe(result.total);
    expect(worstOffset(result)).toBeLessThan(1);
    expect(result.report.entries.filter((entry) => entry.code === "rows-skipped")).toHaveLength(2);
    expect(result.collection.features.map((feature) => feature.properties?.openedOn)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)]),
    );
  });

  it("CSV with a byte-order mark and swapped axes", async () => {
    const result = await run(["stations-swapped.csv"], "stations");
    expect(result.sources[0]?.crs?.swapped).toBe(true);
    expect(worstOffset(result)).toBeLessThan(0.01);
  });

  it("XLSX with title rows, Chinese headers, 户 units, 是/否 and WKT", async () => {
    const result = await run(["compounds.xlsx"], "compounds");
    expect(result.loaded).toBe(40);
    expect(codes(result)).toEqual(expect.arrayContaining(["column-coerced-number", "column-coerced-boolean", "column-code-restored", "rows-skipped"]));
    expect(worstOffset(result)).toBeLessThan(0.01);
  });

  it.each(["stations.xls", "stations.kml", "stations.kmz"])("%s", async (file) => {
    const result = await run([file], "stations");
    expect(result.loaded).toBe(result.total);
    expect(result.total).toBeGreaterThan(0);
    expect(worstOffset(result)).toBeLessThan(0.01);
  });

  it("compounds given as points are drawn as circles only when asked, and labelled synthetic", async () => {
    const without = await run(["stations.xls"], "compounds", { mapping: { communityCode: "社区编码", households: "社工人数", buildings: "社工人数" } });
    expect(without.loaded).toBe(0);
    const outlined = await run(["stations.xls"], "compounds", {
      mapping: { communityCode: "社区编码", households: "社工人数", buildings: "社工人数" },
      pointOutlineMetres: 30,
    });
    expect(outlined.outlined).toBe(outlined.loaded);
    expect(codes(outlined)).toContain("geometry-point-outline");
  });
});

describe("bad files: each gets its own message", () => {
  it.each([
    ["bad/empty.geojson", "file-empty"],
    ["bad/page.json", "file-html"],
    ["bad/picture.geojson", "file-image"],
    ["bad/no-shapefile.zip", "file-zip-no-shapefile"],
    ["bad/not-json.geojson", "file-not-json"],
    ["bad/truncated.geojson", "file-truncated"],
  ])("%s → %s", async (file, code) => {
    const result = await run([file], "compounds");
    expect(codes(result, "error")[0]).toBe(code);
    for (const entry of result.report.entries) expect(describeEntry(entry, "zh")).not.toMatch(/\{\w+\}|undefined|at .*\.ts/);
  });

  it("a truncated file keeps the features before the cut", async () => {
    const result = await run(["bad/truncated.geojson"], "compounds");
    expect(result.loaded).toBeGreaterThan(0);
  });

  it("one bad file does not stop the good one beside it", async () => {
    const result = await run(["bad/page.json", "compounds-gcj02.geojson"], "compounds");
    expect(result.loaded).toBe(result.total);
    expect(codes(result, "error")).toEqual(["file-html"]);
  });
});

describe("the feature-level problems of bad/problems.geojson", () => {
  let result: ImportResult;
  beforeAll(async () => {
    result = await run(["bad/problems.geojson"], "compounds");
  });
  const entryFor = (id: string) =>
    result.report.entries.filter(
      (entry) => entry.featureId === id || (entry.feature !== undefined && entry.featureId === undefined && id === `#${entry.feature}`),
    );

  it.each([
    ["null-geometry", "geometry-missing", "error"],
    ["empty-geometry", "geometry-empty", "error"],
    ["wrong-type", "geometry-type", "error"],
    ["collection", "geometry-collection", "error"],
    ["out-of-range", "geometry-out-of-range", "error"],
    ["negative", "value-negative", "error"],
    ["unknown-community", "parent-missing", "error"],
    ["bowtie", "geometry-self-intersection", "warning"],
    ["unclosed", "geometry-ring-unclosed", "warning"],
    ["formula", "name-formula", "warning"],
    ["outside", "outside-parent", "warning"],
    ["invisible", "name-trimmed", "info"],
    ["530102001001-C002", "duplicate-id", "error"],
  ])("%s: %s (%s)", (id, code, severity) => {
    expect(entryFor(id)).toEqual(expect.arrayContaining([expect.objectContaining({ code, severity, file: "problems.geojson" })]));
  });

  it("names the blank name and the bad flag by feature and field", () => {
    expect(result.report.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: "name-empty", feature: 13, field: "name" }),
        expect.objectContaining({ code: "value-invalid", feature: 17, field: "partyBranch" }),
      ]),
    );
  });

  it("loads the valid, the warned and the trimmed features, and only them", () => {
    const ids = result.collection.features.map((feature) => String(feature.properties?.id)).toSorted();
    expect(ids).toEqual(["530102001001-C001", "530102001001-C002", "bowtie", "formula", "invisible", "outside", "three-d", "unclosed"].toSorted());
    expect(result.collection.features.find((feature) => feature.properties?.id === "invisible")?.properties?.name).toBe(
      "翠湖\u00a0花园".replace("\u00a0", "\u00a0"),
    );
    expect(result.total - result.loaded).toBe(10);
    expect(result.sources[0]?.loaded).toBe(result.loaded);
  });

  it("gives a place on the map for problems it can place", () => {
    expect(entryFor("outside")[0]?.location).toEqual([expect.any(Number), expect.any(Number)]);
  });
});

describe("grids and stations against the dataset", () => {
  it("reports grids that overlap and the part of the community no grid covers", async () => {
    const result = await run(["bad/grids-problems.geojson"], "grids");
    expect(result.loaded).toBe(2);
    expect(codes(result, "warning")).toEqual(expect.arrayContaining(["grids-overlap", "grids-gap"]));
  });

  it("reports a station outside its township", async () => {
    const result = await run(["bad/stations-outside.geojson"], "stations");
    expect(result.loaded).toBe(1);
    expect(codes(result, "warning")).toContain("outside-parent");
  });
});

it.each([
  [["bad/problems.geojson"], "compounds"],
  [["stations-bd09-gbk.csv"], "stations"],
  [["compounds.xlsx"], "compounds"],
  [["communities-gbk.zip"], "communities"],
  [["compounds-gk-no-prj.zip"], "compounds"],
] as const)("words every report entry of %j in both languages, every parameter filled", async (files, layer) => {
  const result = await run([...files], layer);
  for (const entry of result.report.entries) {
    for (const language of ["zh", "en"] as const) expect(describeEntry(entry, language)).not.toMatch(/\{\w+\}|undefined/);
  }
});

it("covers every file of the corpus", () => {
  const files = readdirSync(CORPUS, { recursive: true })
    .map(String)
    .filter((name) => /\.\w+$/.test(name) && !name.startsWith("generated"));
  expect(files.length).toBeGreaterThanOrEqual(24);
});
