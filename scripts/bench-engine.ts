// Engine benchmark: `npm run bench:engine [-- --scale city|province]`.
// For each scale: full recomputation (indexed) against the naive turf loops, one what-if station
// update (95th percentile), the best-5-sites suggestion, and the 考核督导 timeline (an earlier
// date, every target's status, a 12-date progress curve) against the full recomputation. Prints a table and one JSON line per
// figure: {"name","scale","value","unit","baseline","ratio"}.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseTargetsFile } from "../src/data/programme-files.ts";
import { modelAsOf, sampleDates } from "../src/domain/as-of.ts";
import { evaluateTarget, progressOf } from "../src/domain/targets.ts";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { DEFAULT_OUT, DEFAULT_SEED, generate } from "../data/scripts/generate.ts";
import { analyze, analyzeModel, type Analysis } from "../src/domain/analysis.ts";
import type { CompoundRow } from "../src/domain/model.ts";
import { suggestSites } from "../src/domain/suggest-sites.ts";
import { applyScenario, diffAnalyses, type StationEdit } from "../src/domain/what-if.ts";
import { naiveSpatialWork } from "./lib/naive-engine.ts";
import { readDataset } from "./lib/read-dataset.ts";

type Scale = "city" | "province";
interface Figure {
  name: string;
  scale: Scale;
  value: number;
  unit: string;
  baseline: number | null;
  ratio: number | null;
}

const { values } = parseArgs({ options: { scale: { type: "string", default: "all" } } });
const scales: Scale[] = values.scale === "all" ? ["city", "province"] : [values.scale as Scale];

const median = (samples: number[]) => samples.toSorted((a, b) => a - b)[Math.floor(samples.length / 2)] ?? NaN;
const percentile = (samples: number[], p: number) =>
  samples.toSorted((a, b) => a - b)[Math.min(samples.length - 1, Math.ceil((p / 100) * samples.length) - 1)] ?? NaN;
const round = (value: number) => Math.round(value * 10) / 10;

function time<T>(run: () => T): [T, number] {
  const start = performance.now();
  const result = run();
  return [result, performance.now() - start];
}

/** Full recomputation: model, station access, roll-up and the ranked gap list. */
function fullRecompute(layers: Parameters<typeof analyze>[0]): Analysis {
  const analysis = analyze(layers);
  void analysis.gaps.length;
  return analysis;
}

function benchScale(scale: Scale): Figure[] {
  const folder = DEFAULT_OUT[scale];
  if (!existsSync(`${folder}/manifest.json`)) {
    console.log(`generating the ${scale} dataset into ${folder} (about a minute)…`);
    generate({ seed: DEFAULT_SEED, scale, outDir: folder });
  }
  const [dataset, readMs] = time(() => readDataset(folder));
  console.log(`${scale}: read and validated ${folder} in ${round(readMs)} ms`);

  fullRecompute(dataset.layers); // warm-up: JIT and caches, not counted
  const runs = scale === "city" ? 5 : 3;
  const indexedTimes: number[] = [];
  let base: Analysis | undefined;
  for (let run = 0; run < runs; run += 1) {
    const [analysis, ms] = time(() => fullRecompute(dataset.layers));
    indexedTimes.push(ms);
    base = analysis;
  }
  if (!base) throw new Error("no analysis");
  const indexed = median(indexedTimes);

  // The naive loops are quadratic: run them on an evenly spread sample and scale up linearly.
  const { compounds, communities, stations } = base.model;
  const sampleSize = Math.min(compounds.length, scale === "city" ? 400 : 60);
  const step = compounds.length / sampleSize;
  const sample: CompoundRow[] = Array.from({ length: sampleSize }, (_, index) => compounds[Math.floor(index * step)] as CompoundRow);
  const [naive, naiveSampleMs] = time(() => naiveSpatialWork(sample, communities, stations));
  const naiveMs = naiveSampleMs * (compounds.length / sampleSize);
  let agree = 0;
  sample.forEach((compound, index) => {
    const indexedDistance = base.access.distance[Math.floor(index * step)] ?? Infinity;
    const sameCommunity = naive.community[index] === communities[compound.communityIndex]?.code;
    if (sameCommunity && Math.abs((naive.distance[index] ?? 0) - indexedDistance) < 0.01 * Math.max(1, indexedDistance)) agree += 1;
  });
  console.log(
    `  naive turf loops on ${sampleSize} of ${compounds.length} compounds: ${round(naiveSampleMs)} ms; results agree with the engine for ${agree}/${sampleSize}`,
  );

  // What-if: alternate adding a station at a compound, moving one and removing one.
  const whatIfTimes: number[] = [];
  const rounds = 60;
  for (let attempt = 0; attempt < rounds + 5; attempt += 1) {
    const compound = compounds[(attempt * 7919) % compounds.length] as CompoundRow;
    const station = stations[(attempt * 131) % stations.length];
    if (!station) break;
    const edits: StationEdit[] = [
      [{ type: "add", id: `bench-${attempt}`, longitude: compound.longitude, latitude: compound.latitude }] as StationEdit[],
      [{ type: "move", id: station.id, longitude: station.longitude + 0.01, latitude: station.latitude - 0.005 }] as StationEdit[],
      [{ type: "remove", id: station.id }] as StationEdit[],
    ][attempt % 3] as StationEdit[];
    const [, ms] = time(() => diffAnalyses(base, applyScenario(base, { edits })));
    if (attempt >= 5) whatIfTimes.push(ms); // the first few warm up the JIT
  }

  const suggestTimes: number[] = [];
  for (let run = 0; run < 3; run += 1) suggestTimes.push(time(() => suggestSites(base, 5))[1]);

  // 考核督导: the dataset on an earlier date (what the timeline slider asks for), every target's
  // status, and one target's progress curve over 12 dates (access reused: not a reach target).
  const asOfTimes = ["2021-06-30", "2023-01-01", "2025-06-30"].map(
    (date) => time(() => void analyzeModel(modelAsOf(base.model, date), base.thresholds).gaps.length)[1],
  );
  const targets = dataset.manifest.targets ? parseTargetsFile("targets.json", JSON.parse(readFileSync(join(folder, dataset.manifest.targets), "utf8"))) : [];
  const [, targetsMs] = time(() => targets.map((target) => evaluateTarget(base, target)));
  const coverage = targets.find((target) => target.indicator === "partyBranchCoverage");
  const [, progressMs] = time(() => {
    if (!coverage) return;
    const dates = sampleDates(coverage.start, base.model.asOf, 12);
    progressOf(
      dates.map((date) => analyzeModel(modelAsOf(base.model, date), base.thresholds, base.access)),
      coverage,
    );
  });

  return [
    { name: "full-recompute", scale, value: round(indexed), unit: "ms", baseline: round(naiveMs), ratio: round(naiveMs / indexed) },
    { name: "what-if-update", scale, value: round(percentile(whatIfTimes, 95)), unit: "ms", baseline: null, ratio: null },
    { name: "suggest-sites", scale, value: round(median(suggestTimes)), unit: "ms", baseline: null, ratio: null },
    // Against the full recomputation from the layers, in the same run.
    {
      name: "as-of-date",
      scale,
      value: round(median(asOfTimes)),
      unit: "ms",
      baseline: round(indexed),
      ratio: Number((median(asOfTimes) / indexed).toPrecision(2)),
    },
    { name: "targets", scale, value: round(targetsMs), unit: "ms", baseline: round(indexed), ratio: Number((targetsMs / indexed).toPrecision(2)) },
    { name: "progress-curve-12", scale, value: round(progressMs), unit: "ms", baseline: round(indexed), ratio: Number((progressMs / indexed).toPrecision(2)) },
  ];
}

const figures = scales.flatMap(benchScale);
console.log("\nfigure            scale      value        baseline     ratio");
for (const figure of figures) {
  console.log(
    `${figure.name.padEnd(17)} ${figure.scale.padEnd(9)} ${`${figure.value} ${figure.unit}`.padStart(10)}   ${figure.baseline === null ? "".padStart(11) : `${figure.baseline} ms`.padStart(11)}   ${figure.ratio === null ? "" : `${figure.ratio}×`}`,
  );
}
console.log("");
for (const figure of figures) console.log(JSON.stringify(figure));
