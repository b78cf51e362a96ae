/**
 * The published file format: a GeoJSON FeatureCollection with one compact feature per line,
 * sorted by id, each feature carrying a top-level `id` equal to its code. One feature per line
 * keeps diffs readable and lets `--district` swap one district's lines and leave every other
 * line byte-for-byte as it was.
 */
import type { GeneratedFeature } from "./generated-feature.ts";

const HEADER = '{"type":"FeatureCollection","features":[';
const FOOTER = "]}";

export function featureLine(feature: GeneratedFeature<object>): string {
  return JSON.stringify({ type: "Feature", id: feature.id, properties: feature.properties, geometry: feature.geometry });
}

export interface FeatureLine {
  id: string;
  line: string;
}

/** A line read back from a file, with its parsed feature for re-validation. */
export interface ParsedFeatureLine extends FeatureLine {
  feature: GeneratedFeature<object>;
}

/** Code-point order of ids (codes are fixed-width digits, so this is also numeric order). */
export function byId(a: FeatureLine, b: FeatureLine): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The file text for already-serialised lines; sorts them by id. */
export function collectionText(lines: readonly FeatureLine[]): string {
  const sorted = lines.toSorted(byId);
  return `${HEADER}\n${sorted.map((entry) => entry.line).join(",\n")}\n${FOOTER}\n`;
}

/** Splits a file written by collectionText back into its feature lines (exact text kept). */
export function parseCollectionText(text: string): ParsedFeatureLine[] {
  const rows = text.split("\n");
  if (rows[0] !== HEADER) throw new Error("not a one-feature-per-line collection written by this generator");
  const lines: ParsedFeatureLine[] = [];
  for (const row of rows.slice(1)) {
    if (row === FOOTER || row === "") continue;
    const line = row.endsWith(",") ? row.slice(0, -1) : row;
    const parsed = JSON.parse(line) as { id?: unknown; properties?: unknown; geometry?: unknown };
    if (typeof parsed.id !== "string") throw new Error(`feature line without a string id: ${line.slice(0, 80)}`);
    if (typeof parsed.properties !== "object" || parsed.properties === null) throw new Error(`feature ${parsed.id} has no properties`);
    // The geometry is checked by contract-check before anything is written back.
    const feature = { id: parsed.id, properties: parsed.properties, geometry: parsed.geometry as GeneratedFeature<object>["geometry"] };
    lines.push({ id: parsed.id, line, feature });
  }
  return lines;
}
