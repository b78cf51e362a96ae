// The analyze command as a script would call it: JSON out, problems listed, bad options refused.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LAYER_NAMES } from "../src/data/contract.ts";
import { fixtureLayers } from "../tests/support/engine-fixtures.ts";

let folder = "";
const tsx = join(import.meta.dirname, "..", "node_modules", ".bin", "tsx");
const script = join(import.meta.dirname, "analyze.ts");

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "analyze-"));
  const layers = fixtureLayers();
  for (const layer of LAYER_NAMES) writeFileSync(join(folder, `${layer}.geojson`), JSON.stringify(layers[layer]));
  const manifest = {
    id: "fixture",
    title: "测试数据",
    crs: "EPSG:4326",
    asOf: "2026-10-31",
    synthetic: [...LAYER_NAMES],
    sources: [{ name: "hand-made test fixture", licence: "MIT" }],
    layers: Object.fromEntries(LAYER_NAMES.map((layer) => [layer, `${layer}.geojson`])),
  };
  writeFileSync(join(folder, "manifest.json"), JSON.stringify(manifest));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("npm run analyze", () => {
  it("prints one JSON object with the indicators, the ranked gaps and the problems", () => {
    const output = execFileSync(tsx, [script, folder, "--json"], { encoding: "utf8" });
    const report = JSON.parse(output) as Record<string, unknown> & {
      city: Record<string, unknown>;
      gaps: Array<{ score: number }>;
      problems: Array<{ kind: string }>;
      communities: Array<{ code: string }>;
    };
    for (const field of [
      "compounds",
      "households",
      "partyBranchCoverage",
      "partyBranchCoverageHouseholds",
      "redPropertyRate",
      "unassignedCompounds",
      "gridsWithoutWorker",
      "overloadedGrids",
      "stationAccessHouseholds",
      "streetsWithoutStation",
    ]) {
      expect(report.city).toHaveProperty(field);
    }
    expect(Array.isArray(report.districts) && Array.isArray(report.streets)).toBe(true);
    expect(report.communities.every((community) => /^\d{12}$/.test(community.code))).toBe(true);
    expect(report.gaps.length).toBeGreaterThan(0);
    expect(report.gaps.map((gap) => gap.score)).toEqual(report.gaps.map((gap) => gap.score).toSorted((a, b) => b - a));
    // The fixture's bad rows (unknown community, a station without coordinates, …) are listed.
    expect(report.problems.map((problem) => problem.kind)).toEqual(expect.arrayContaining(["unknown-parent", "outside-parent"]));
  }, 60_000);

  it.each([
    [["--service-distance", "0"], /--service-distance must be a positive number/],
    [["--households-per-worker", "many"], /--households-per-worker must be a positive number/],
    [["--colour"], /Unknown option/],
    [[], /usage: npm run analyze/],
  ])(
    "refuses %j with a clear message",
    (extra, message) => {
      const args = extra.length === 0 ? [script] : [script, folder, ...extra];
      const result = spawnSync(tsx, args, { encoding: "utf8" });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(message);
    },
    60_000,
  );
});
