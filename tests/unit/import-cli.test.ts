// `npm run import` end to end on the corpus: the layer file and report.json it writes, the words
// on stderr and the exit codes, and the 200 MB file (generated here, never committed) within a
// 768 MB heap, which a plain JSON.parse of the same file cannot manage.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BAD_EVERY, ensureLargeCorpus } from "../../scripts/lib/import/large-corpus.ts";

const CORPUS = "tests/fixtures/import";
const out = mkdtempSync(join(tmpdir(), "import-cli-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

interface Run {
  code: number;
  stderr: string;
  folder: string;
}

let runs = 0;
function cli(args: string[], heapMiB = 2048): Promise<Run> {
  runs += 1;
  const folder = join(out, `run-${runs}`);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [`--max-old-space-size=${heapMiB}`, "--import", "tsx", "scripts/import.ts", ...args.map((arg) => (arg === "OUT" ? folder : arg))],
      { maxBuffer: 1 << 26 },
      (error, _stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stderr, folder });
      },
    );
  });
}
const report = (run: Run) =>
  JSON.parse(readFileSync(join(run.folder, "report.json"), "utf8")) as {
    loaded: number;
    notLoaded: number;
    total: number;
    peakMemoryMiB: number;
    counts: Record<string, number>;
    entries: { code: string; message: { zh: string; en: string } }[];
  };
const layerFile = (run: Run, layer: string) => join(run.folder, `${layer}.geojson`);

describe("npm run import", () => {
  it("writes the layer and the report for a zipped GBK Shapefile, exit 0", async () => {
    const run = await cli([`${CORPUS}/communities-gbk.zip`, "--layer", "communities", "--dataset", "public/data/kunming", "--out", "OUT"]);
    expect(run.code).toBe(0);
    const layer = JSON.parse(readFileSync(layerFile(run, "communities"), "utf8")) as { features: { properties: { code: string } }[] };
    expect(layer.features.length).toBe(report(run).loaded);
    expect(layer.features[0]?.properties.code).toMatch(/^\d{12}$/);
    expect(run.stderr).toMatch(/GBK/);
    expect(run.stderr).toMatch(/载入 \d+ 个,未载入 0 个/);
  });

  it("loads the valid features of a file with bad ones and reports the rest, exit 0", async () => {
    const run = await cli([`${CORPUS}/bad/problems.geojson`, "--layer", "compounds", "--dataset", "public/data/kunming", "--out", "OUT", "--lang", "en"]);
    expect(run.code).toBe(0);
    expect(report(run)).toMatchObject({ total: 18, loaded: 8, notLoaded: 10 });
    expect(run.stderr).toMatch(/problems\.geojson, feature #11 \(negative\), households: value -5 is negative/);
    expect(report(run).entries.find((entry) => entry.code === "parent-missing")?.message.zh).toMatch(/530102999999/);
  });

  it("writes no layer file and exits 1 when nothing could be loaded", async () => {
    const run = await cli([
      `${CORPUS}/bad/page.json`,
      `${CORPUS}/bad/picture.geojson`,
      `${CORPUS}/bad/empty.geojson`,
      "--layer",
      "compounds",
      "--out",
      "OUT",
      "--lang",
      "en",
    ]);
    expect(run.code).toBe(1);
    expect(existsSync(layerFile(run, "compounds"))).toBe(false);
    expect(run.stderr).toMatch(/page\.json: this is a web page/);
    expect(run.stderr).toMatch(/picture\.geojson: this is an image \(PNG\)/);
    expect(run.stderr).toMatch(/empty\.geojson: the file is empty/);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it("refuses a projected file with no way to know its system, then takes a declared one", async () => {
    const args = [
      `${CORPUS}/compounds-gk-no-prj.zip`,
      "--layer",
      "compounds",
      "--dataset",
      "public/data/kunming",
      "--map",
      "communityCode=commcode",
      "--map",
      "households=hh",
      "--out",
      "OUT",
    ];
    const refused = await cli(args);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/\.prj/);
    // The file's eastings have no zone prefix: central meridian 102°E is EPSG:4543.
    const declared = await cli([...args, "--crs", "EPSG:4543"]);
    expect(declared.code).toBe(0);
    expect(report(declared).loaded).toBe(report(declared).total);
  });

  it("merges into a whole dataset folder that validates and tiles like the shipped data", async () => {
    const run = await cli([`${CORPUS}/compounds-gcj02.geojson`, "--layer", "compounds", "--dataset", "public/data/kunming", "--merge", "join", "--out", "OUT"]);
    expect(run.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(run.folder, "manifest.json"), "utf8")) as {
      layers: Record<string, string>;
      title: string;
      synthetic: { attributes: string[] };
    };
    expect(manifest.title).toContain("含导入数据");
    // Joined: the layer still holds base compounds, so it stays labelled synthetic.
    expect(manifest.synthetic.attributes).toContain("compounds");
    const compounds = JSON.parse(readFileSync(join(run.folder, "compounds.geojson"), "utf8")) as { features: unknown[] };
    const base = JSON.parse(readFileSync("public/data/kunming/compounds.geojson", "utf8")) as { features: unknown[] };
    expect(compounds.features.length).toBe(base.features.length);
    for (const file of Object.values(manifest.layers)) expect(existsSync(join(run.folder, file))).toBe(true);
    const tiles = await new Promise<number>((resolve) =>
      execFile(process.execPath, ["--import", "tsx", "scripts/tiles.ts", run.folder, "--no-register"], (error) => resolve(error ? Number(error.code ?? 1) : 0)),
    );
    expect(tiles).toBe(0);
    expect(existsSync(join(run.folder, "tiles.pmtiles"))).toBe(true);
  }, 180_000);

  it("exits 2 on a wrong command line, saying how to call it", async () => {
    const run = await cli([`${CORPUS}/stations.kml`, "--layer", "villages", "--out", "OUT"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--layer must be one of/);
    expect(run.stderr).toMatch(/usage: npm run import/);
  });

  it("streams the 200 MB file within a 768 MB heap and still finds every bad feature", async () => {
    const corpus = await ensureLargeCorpus();
    expect(corpus.bytes).toBeGreaterThan(190 * 1024 * 1024);
    const run = await cli([corpus.path, "--layer", "compounds", "--dataset", "public/data/kunming", "--out", "OUT"], 768);
    expect(run.code).toBe(0);
    const result = report(run);
    expect(result.total).toBe(corpus.features);
    expect(result.notLoaded).toBe(corpus.bad);
    expect(result.counts.error).toBe(Math.ceil(corpus.features / BAD_EVERY));
    console.log(`200 MB import: ${corpus.features} features, peak memory ${result.peakMemoryMiB} MiB`);
  }, 300_000);
});
