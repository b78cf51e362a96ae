// Validation of untrusted dataset files against the contract. One place turns JSON into typed
// collections or into a DataError that names the file, the feature and the field.
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from "geojson";
import { LAYER_GEOMETRY, LAYER_PROPERTIES, manifestSchema, type LayerName, type LayerProperties, type Manifest } from "./contract.ts";
import { checkGeometry } from "./geometry-check.ts";
import { migrateManifest } from "./migrate.ts";
import { isRecord } from "./is-record.ts";

export interface ContractIssue {
  file: string;
  /** Zero-based index of the feature in the file, when the issue concerns one feature. */
  feature?: number;
  featureId?: string;
  field: string;
  message: string;
}

/** How many issues one error carries; the total count is kept so nothing is hidden. */
const MAX_ISSUES = 50;

export class DataError extends Error {
  readonly file: string;
  readonly issues: ContractIssue[];
  readonly totalIssues: number;
  constructor(file: string, issues: ContractIssue[], totalIssues = issues.length) {
    super(DataError.summary(file, issues, totalIssues));
    this.name = "DataError";
    this.file = file;
    this.issues = issues;
    this.totalIssues = totalIssues;
  }

  /** "file: HTTP 404 Not Found" for a file that failed as a whole; otherwise the count and the first problem. */
  private static summary(file: string, issues: readonly ContractIssue[], totalIssues: number): string {
    const [first] = issues;
    if (totalIssues === 1 && first && first.feature === undefined && first.file === file && first.field.startsWith("(")) return `${file}: ${first.message}`;
    return `${file}: ${totalIssues} problem(s); first: ${first ? describeIssue(first) : "unknown"}`;
  }
}

export function describeIssue(issue: ContractIssue): string {
  const where = issue.feature === undefined ? "" : ` feature #${issue.feature}${issue.featureId ? ` (${issue.featureId})` : ""}`;
  return `${issue.file}${where}, ${issue.field}: ${issue.message}`;
}

type LayerGeometry<L extends LayerName> = (typeof LAYER_GEOMETRY)[L] extends "point" ? Point : Polygon | MultiPolygon;
export type LayerFeature<L extends LayerName> = Feature<LayerGeometry<L>, LayerProperties[L]>;
export type LayerCollection<L extends LayerName> = FeatureCollection<LayerGeometry<L>, LayerProperties[L]>;

export interface ParsedLayer<L extends LayerName> {
  collection: LayerCollection<L>;
  /** Problems that do not reject the file (an empty layer, for example). */
  warnings: string[];
}

export function parseManifest(file: string, json: unknown): Manifest {
  const migrated = migrateManifest(json);
  const result = manifestSchema.safeParse(migrated.json);
  if (result.success) return migrated.notes.length > 0 ? { ...result.data, notes: migrated.notes } : result.data;
  const issues = result.error.issues.map((issue) => ({ file, field: issue.path.join(".") || "(root)", message: issue.message }));
  throw new DataError(file, issues.slice(0, MAX_ISSUES), issues.length);
}

/** Key that identifies a feature in messages and must be unique within a layer. */
function identityOf(properties: Record<string, unknown>): string | undefined {
  const key = properties.code ?? properties.id;
  return typeof key === "string" ? key : undefined;
}

interface Inspection {
  features: unknown[];
  /** Indexes of features that break the contract. */
  rejected: Set<number>;
  issues: ContractIssue[];
  total: number;
}

function inspectLayer(layer: LayerName, file: string, json: unknown, maxIssues: number): Inspection {
  if (!isRecord(json) || json.type !== "FeatureCollection" || !Array.isArray(json.features)) {
    throw new DataError(file, [{ file, field: "type", message: "not a GeoJSON FeatureCollection" }]);
  }
  const schema = LAYER_PROPERTIES[layer];
  const inspection: Inspection = { features: json.features, rejected: new Set(), issues: [], total: 0 };
  const report = (issue: ContractIssue) => {
    inspection.total += 1;
    if (issue.feature !== undefined) inspection.rejected.add(issue.feature);
    if (inspection.issues.length < maxIssues) inspection.issues.push(issue);
  };
  const seen = new Set<string>();
  json.features.forEach((candidate: unknown, index: number) => {
    if (!isRecord(candidate) || candidate.type !== "Feature") {
      report({ file, feature: index, field: "type", message: "not a GeoJSON Feature" });
      return;
    }
    const properties = isRecord(candidate.properties) ? candidate.properties : {};
    const featureId = identityOf(properties);
    const geometryProblem = checkGeometry(candidate.geometry as Feature["geometry"] | null, LAYER_GEOMETRY[layer]);
    if (geometryProblem) report({ file, feature: index, featureId, field: "geometry", message: geometryProblem });
    for (const [key, value] of Object.entries(properties)) {
      if (typeof value === "object" && value !== null) {
        report({ file, feature: index, featureId, field: `properties.${key}`, message: "nested objects and arrays are not allowed (properties must be flat)" });
      }
    }
    const result = schema.safeParse(properties);
    if (!result.success) {
      for (const issue of result.error.issues) {
        report({ file, feature: index, featureId, field: `properties.${issue.path.join(".")}`, message: issue.message });
      }
    }
    if (featureId !== undefined) {
      if (seen.has(featureId)) report({ file, feature: index, featureId, field: "properties.code/id", message: "duplicate identifier" });
      seen.add(featureId);
    }
  });
  return inspection;
}

function emptyWarning(layer: LayerName, file: string, count: number): string[] {
  return count === 0 ? [`${file}: layer "${layer}" has no features`] : [];
}

/** Strict: a file with any contract problem is rejected as a whole (the app's behaviour). */
export function parseLayer<L extends LayerName>(layer: L, file: string, json: unknown): ParsedLayer<L> {
  const inspection = inspectLayer(layer, file, json, MAX_ISSUES);
  if (inspection.total > 0) throw new DataError(file, inspection.issues, inspection.total);
  // Every feature passed the schema above, so the cast only narrows what was checked.
  return { collection: json as unknown as LayerCollection<L>, warnings: emptyWarning(layer, file, inspection.features.length) };
}

export interface LenientLayer<L extends LayerName> extends ParsedLayer<L> {
  /** Every problem found; the features they concern are left out of the collection. */
  issues: ContractIssue[];
}

/** Lenient: keeps the features that pass and reports every one that does not (analysis scripts). */
export function parseLayerLenient<L extends LayerName>(layer: L, file: string, json: unknown): LenientLayer<L> {
  const inspection = inspectLayer(layer, file, json, Number.POSITIVE_INFINITY);
  const features = inspection.features.filter((_feature, index) => !inspection.rejected.has(index));
  const collection = { type: "FeatureCollection", features } as unknown as LayerCollection<L>;
  return { collection, warnings: emptyWarning(layer, file, features.length), issues: inspection.issues };
}

/** The basemap's water layer: properties are free, but every geometry must be a valid area. */
export function parseWater(file: string, json: unknown): FeatureCollection<Polygon | MultiPolygon> {
  if (!isRecord(json) || json.type !== "FeatureCollection" || !Array.isArray(json.features)) {
    throw new DataError(file, [{ file, field: "type", message: "not a GeoJSON FeatureCollection" }]);
  }
  const issues: ContractIssue[] = [];
  json.features.forEach((candidate: unknown, index: number) => {
    const geometry = isRecord(candidate) ? (candidate.geometry as Feature["geometry"] | null) : null;
    const problem = checkGeometry(geometry, "area");
    if (problem) issues.push({ file, feature: index, field: "geometry", message: problem });
  });
  if (issues.length > 0) throw new DataError(file, issues.slice(0, MAX_ISSUES), issues.length);
  return json as unknown as FeatureCollection<Polygon | MultiPolygon>;
}
