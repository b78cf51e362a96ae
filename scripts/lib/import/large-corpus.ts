// The corpus's large file, made at test or benchmark time and never committed: the Kunming
// compounds repeated under new ids until the file reaches about 200 MB, written feature by
// feature. Every 10,000th copy has negative households, so a test can check that problems are
// still found, and counted, at this size.
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Feature } from "geojson";

export const LARGE_CORPUS_PATH = "tests/fixtures/import/generated/compounds-200mb.geojson";
const TARGET_BYTES = 200 * 1024 * 1024;
export const BAD_EVERY = 10_000;

export interface LargeCorpus {
  path: string;
  bytes: number;
  features: number;
  bad: number;
}

export async function ensureLargeCorpus(path = LARGE_CORPUS_PATH, targetBytes = TARGET_BYTES): Promise<LargeCorpus> {
  const source = JSON.parse(readFileSync("public/data/kunming/compounds.geojson", "utf8")) as { features: Feature[] };
  const lines = source.features.map((feature) => JSON.stringify(feature));
  const averageBytes = lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 2, 0) / lines.length;
  const features = Math.ceil(targetBytes / averageBytes);
  const bad = Math.floor((features - 1) / BAD_EVERY) + 1;
  // A copy made from other source features (the demo regenerated) holds another count: made anew.
  const countFile = `${path}.count`;
  const current = existsSync(path) && existsSync(countFile) && readFileSync(countFile, "utf8").trim() === String(features);
  if (current && statSync(path).size >= targetBytes * 0.95) return { path, bytes: statSync(path).size, features, bad };
  mkdirSync(dirname(path), { recursive: true });
  const stream = createWriteStream(`${path}.partial`);
  const write = (text: string) => (stream.write(text) ? Promise.resolve() : new Promise<void>((resolve) => stream.once("drain", () => resolve())));
  await write('{"type":"FeatureCollection","name":"compounds (200 MB import test)","features":[\n');
  let batch: string[] = [];
  for (let index = 0; index < features; index++) {
    const copy = Math.floor(index / lines.length);
    const feature = source.features[index % lines.length] as Feature & { properties: Record<string, unknown> };
    const properties: Record<string, unknown> = { ...feature.properties, id: `${String(feature.properties.id)}-r${copy}` };
    if (index % BAD_EVERY === 0) properties.households = -1;
    batch.push(`${JSON.stringify({ ...feature, properties })}${index + 1 < features ? "," : ""}\n`);
    if (batch.length === 2000) {
      await write(batch.join(""));
      batch = [];
    }
  }
  await write(`${batch.join("")}]}\n`);
  await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
  const { renameSync } = await import("node:fs");
  renameSync(`${path}.partial`, path);
  writeFileSync(countFile, `${features}\n`);
  return { path, bytes: statSync(path).size, features, bad };
}
