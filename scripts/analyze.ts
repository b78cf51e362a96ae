// Command-line analysis: `npm run analyze -- <dataset folder> [--json]`.
// --json prints one JSON object: city, districts, streets, communities, gaps, problems.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { analyze, reportOf } from "../src/domain/analysis.ts";
import { DEFAULT_THRESHOLDS } from "../src/domain/indicators.ts";
import { readDataset } from "./lib/read-dataset.ts";

function numberOption(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`--${name} must be a positive number, not "${value}"`);
  return parsed;
}

function count(value: number): string {
  return value.toLocaleString("en-US");
}

function percent(value: number | null): string {
  return value === null ? "—" : `${(value * 100).toFixed(1)}%`;
}

try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      "service-distance": { type: "string" },
      "households-per-worker": { type: "string" },
      top: { type: "string", default: "15" },
    },
  });
  const folder = positionals[0];
  if (!folder) throw new Error("usage: npm run analyze -- <dataset folder> [--json] [--service-distance 1000] [--households-per-worker 500]");
  const thresholds = {
    serviceDistanceMetres: numberOption("service-distance", values["service-distance"], DEFAULT_THRESHOLDS.serviceDistanceMetres),
    householdsPerWorker: numberOption("households-per-worker", values["households-per-worker"], DEFAULT_THRESHOLDS.householdsPerWorker),
  };
  const dataset = readDataset(resolve(folder));
  const report = reportOf(analyze(dataset.layers, thresholds, dataset.manifest.asOf), dataset.manifest.title);
  const problems = [
    ...dataset.issues.map((issue) => ({
      layer: null,
      id: issue.featureId ?? null,
      kind: "contract",
      message: `${issue.field}: ${issue.message}`,
      file: issue.file,
      feature: issue.feature ?? null,
    })),
    ...report.problems,
  ];
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ ...report, problems })}\n`);
  } else {
    const { city } = report;
    console.log(`${dataset.manifest.title} · 数据截至 ${dataset.manifest.asOf}`);
    console.log(
      `communities ${count(city.communities)} (居委会 ${count(city.residentCommittees)}, 村委会 ${count(city.villageCommittees)}) · units ${count(city.compounds)} (小区 ${count(city.estates)}, 自然村 ${count(city.naturalVillages)})`,
    );
    console.log(
      `households ${count(city.households)}, of which not on the map ${count(city.unlocatedHouseholds)} (located ${percent(city.locatedShare)}) · grids ${count(city.grids)}`,
    );
    console.log(
      `township stations: ${count(city.targetStreetsCovered)} of ${count(city.targetStreets)} target townships covered (${percent(city.stationCoverage)}), ${count(city.streetsWithoutStation)} missing; ${count(city.servingStations)} of ${count(city.stations)} stations serving, rooms ${count(city.rooms)}`,
    );
    console.log(
      `station reach (≤ ${thresholds.serviceDistanceMetres} m): ${percent(city.stationAccessRate)} of all households, ${percent(city.stationAccessRateLocated)} of located households`,
    );
    console.log(
      `party coverage of units with known status ${percent(city.partyBranchCoverage)} (households ${percent(city.partyBranchCoverageHouseholds)}) · red property ${percent(city.redPropertyRate)} of estates with known status`,
    );
    console.log(
      `unassigned units ${count(city.unassignedCompounds)} · grids without worker ${count(city.gridsWithoutWorker)} · overloaded grids ${count(city.overloadedGrids)}`,
    );
    const kinds = city.byKind;
    if (kinds) {
      for (const [kind, unit] of Object.entries(kinds)) {
        console.log(
          `  ${kind}: households ${count(unit.households)}, reach ${percent(unit.stationAccessRate)}, party coverage ${percent(unit.partyBranchCoverage)}, not on the map ${count(unit.unlocatedHouseholds)}`,
        );
      }
    }
    console.log(`\n${report.gaps.length} gaps; top ${values.top}:`);
    for (const gap of report.gaps.slice(0, Number(values.top)))
      console.log(`  ${gap.score.toFixed(0).padStart(7)}  ${gap.severity.padEnd(6)} ${gap.unitName} — ${gap.reason}`);
    if (problems.length > 0) console.log(`\n${problems.length} data problems; first: ${problems[0]?.message}`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
