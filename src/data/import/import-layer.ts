// One import, start to end: files → raw sources → coordinate system per file → columns mapped
// and values coerced → geometry cleaned and converted → contract checked → references checked
// against the loaded dataset. Valid features load even when others fail, and every feature that
// does not load is in the report with its file, place and field.
// Checks across features are in cross-checks.ts, positions read from raw geometry in raw-position.ts.
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from "geojson";
import { LAYER_GEOMETRY, LAYER_PROPERTIES, type LayerName } from "../contract.ts";
import { autoMapping, coerceValue, emptyValueOf, FIELD_TYPES, layerFields, requiredFields, type CoercionCounts, type ColumnMapping } from "./columns.ts";
import { crossChecks } from "./cross-checks.ts";
import { converterTo84, detectCrs, type Crs, type Position2 } from "./crs.ts";
import { cleanGeometry } from "./geometry-clean.ts";
import { parentLookup, type ImportContext, type ParentLookup } from "./parents.ts";
import { firstPosition, problemLocation, rawCentre } from "./raw-position.ts";
import { readFiles, type ReadProgress } from "./read-files.ts";
import { isReportedGeometry } from "./read-table.ts";
import { ReportBuilder, type Report, type ReportEntry } from "./report.ts";
import { ImportCancelled, type ImportInput, type RawFeature, type RawSource } from "./source.ts";

export interface ImportOptions {
  layer: LayerName;
  /** Coordinate system declared by the user, for every file ("gcj02", "EPSG:4543", a proj4 string). */
  crs?: string;
  /** Field → column, overriding the automatic mapping. */
  mapping?: ColumnMapping;
  /** Radius of the circle drawn for an area given only as a point; off when undefined. */
  pointOutlineMetres?: number;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  phase: "reading" | "checking";
  file: string;
  done: number;
  total: number;
}

export interface SourceSummary {
  file: string;
  features: number;
  loaded: number;
  crs: Crs | null;
  crsReason: string;
  crsReasonZh: string;
  mapping: ColumnMapping;
  columns: string[];
}

export interface ImportResult {
  layer: LayerName;
  collection: FeatureCollection<Polygon | MultiPolygon | Point>;
  report: Report;
  sources: SourceSummary[];
  /** Features in the files, loaded and not. */
  total: number;
  loaded: number;
  /** Features that were given only as points and drawn as circles (synthetic outlines). */
  outlined: number;
}

const SAMPLE = 2000;
const RELEASED: RawFeature = { geometry: null, properties: {}, index: -1 };
const EVIDENCE_SAMPLE = 300;

/** Generated when no column holds them: identifiers from row numbers, unknowns as null. */
const GENERATED: Record<string, "id" | "null"> = {
  id: "id",
  gridId: "null",
  partyBranch: "null",
  redProperty: "null",
  ownersCommittee: "null",
  bigPartyCommittee: "null",
  partyOrgType: "null",
  workerName: "null",
};

export async function importLayer(inputs: readonly ImportInput[], options: ImportOptions, context?: ImportContext): Promise<ImportResult> {
  const report = new ReportBuilder();
  const onRead = (progress: ReadProgress) =>
    options.onProgress?.({ phase: "reading", file: progress.file, done: progress.bytesRead, total: progress.bytesTotal });
  const sources = await readFiles(inputs, report, onRead, options.signal);
  const lookup = parentLookup(options.layer, context);
  const features: Feature<Polygon | MultiPolygon | Point>[] = [];
  const places: { file: string; index: number; featureKind: "feature" | "row" }[] = [];
  const summaries: SourceSummary[] = [];
  let total = 0;
  let outlined = 0;
  const totalFeatures = sources.reduce((sum, source) => sum + source.features.length, 0);
  for (const source of sources) {
    total += source.features.length + (source.unreadable ?? 0);
    const summary = importSource(source, options, lookup, report, (feature, raw) => {
      features.push(feature);
      places.push({ file: source.file, index: raw.index, featureKind: source.featureKind });
      if (options.onProgress && features.length % 5000 === 0)
        options.onProgress({ phase: "checking", file: source.file, done: features.length, total: totalFeatures });
      if (options.signal?.aborted) throw new ImportCancelled();
    });
    outlined += summary.outlined;
    summaries.push(summary.summary);
  }
  const rejected = crossChecks(options.layer, features, places, lookup, report);
  const kept = features.filter((_feature, index) => !rejected.has(index));
  // What each file finally loaded, after duplicates and unknown parents were left out.
  const loadedByFile = new Map<string, number>();
  places.forEach((place, index) => {
    if (!rejected.has(index)) loadedByFile.set(place.file, (loadedByFile.get(place.file) ?? 0) + 1);
  });
  for (const summary of summaries) summary.loaded = loadedByFile.get(summary.file) ?? 0;
  if (outlined > 0)
    report.warning("geometry-point-outline", sources.map((source) => source.file).join(", "), {
      params: { count: outlined, metres: options.pointOutlineMetres ?? 0 },
    });
  if (kept.length === 0 && inputs.length > 0) report.error("layer-empty", inputs.map((input) => input.name).join(", "));
  return {
    layer: options.layer,
    collection: { type: "FeatureCollection", features: kept },
    report: report.build(),
    sources: summaries,
    total,
    loaded: kept.length,
    outlined,
  };
}

function importSource(
  source: RawSource,
  options: ImportOptions,
  lookup: ParentLookup | undefined,
  report: ReportBuilder,
  accept: (feature: Feature<Polygon | MultiPolygon | Point>, raw: RawFeature) => void,
): { summary: SourceSummary; outlined: number } {
  const { layer } = options;
  const file = source.file;
  const mapping = { ...autoMapping(layer, source.columns), ...options.mapping };
  const summary: SourceSummary = {
    file,
    features: source.features.length,
    loaded: 0,
    crs: null,
    crsReason: "",
    crsReasonZh: "",
    mapping,
    columns: source.columns,
  };
  const place = (raw: RawFeature) => ({ feature: raw.index, featureKind: source.featureKind });
  if (source.features.length === 0) return { summary, outlined: 0 };
  // Columns: required fields with no column stop the file; unknown columns are named.
  const missing = requiredFields(layer).filter((field) => mapping[field] === undefined && GENERATED[field] === undefined);
  for (const field of missing) report.error("column-missing", file, { field, params: { field } });
  for (const [field, column] of Object.entries(mapping))
    if (column !== undefined && column !== field) report.info("column-mapped", file, { field, params: { column, field } });
  const unused = source.columns.filter((column) => !Object.values(mapping).includes(column));
  if (unused.length > 0) report.info("columns-unused", file, { params: { columns: unused.join(", ") } });
  if (missing.length > 0) return { summary, outlined: 0 };
  if (mapping.id === undefined && layerFields(layer).includes("id"))
    report.info("id-generated", file, { params: { example: generatedId(file, source.features[0]?.index ?? 0) } });

  // Coordinate system.
  const positions: Position2[] = [];
  for (const raw of source.features.slice(0, SAMPLE)) {
    const first = firstPosition(raw.geometry);
    if (first) positions.push(first);
  }
  const parentColumn = lookup ? mapping[lookup.field] : undefined;
  const evidenceSample = lookup && parentColumn ? source.features.filter((raw) => firstPosition(raw.geometry)).slice(0, EVIDENCE_SAMPLE) : [];
  const detection = detectCrs({
    positions,
    prj: source.prj,
    declared: options.crs,
    names: [file, ...(source.coordinateColumns ?? [])],
    evidence:
      lookup && parentColumn && evidenceSample.length > 0
        ? (convert) => {
            let known = 0;
            let inside = 0;
            const counts: CoercionCounts = { boolean: 0, number: 0, code: 0, date: 0 };
            for (const raw of evidenceSample) {
              const coerced = coerceValue(layer, lookup.field, raw.properties[parentColumn], counts);
              const code = "value" in coerced && typeof coerced.value === "string" ? coerced.value : undefined;
              const point = rawCentre(raw.geometry);
              if (code === undefined || !point || !lookup.has(code)) continue;
              known += 1;
              if (lookup.contains(code, convert(point))) inside += 1;
            }
            return known >= 5 ? inside / known : undefined;
          }
        : undefined,
  });
  if ("refuse" in detection) {
    report.error(options.crs ? "crs-unsupported" : "crs-unknown-projected", file, { params: { reason: detection.refuse, reasonZh: detection.refuseZh } });
    return { summary, outlined: 0 };
  }
  summary.crs = detection.crs;
  summary.crsReason = detection.reason;
  summary.crsReasonZh = detection.reasonZh;
  const crsName = `${detection.crs.id === "PRJ" ? detection.crs.label : detection.crs.id}${detection.crs.swapped ? " (axes swapped)" : ""}`;
  const params = { crs: crsName, reason: detection.reason, reasonZh: detection.reasonZh };
  if (detection.certainty === "assumed") report.warning("crs-assumed", file, { params });
  else report.info("crs-detected", file, { params });
  const convert = converterTo84(detection.crs);

  // Features.
  const schema = LAYER_PROPERTIES[layer];
  const fields = layerFields(layer);
  const counts = new Map<string, CoercionCounts>();
  let outlined = 0;
  let heights = 0;
  // Each raw feature is let go once read, so a large file is not held twice (raw and cleaned).
  const raws = source.features;
  source.features = [];
  for (let rawIndex = 0; rawIndex < raws.length; rawIndex++) {
    const raw = raws[rawIndex] as RawFeature;
    raws[rawIndex] = RELEASED;
    const where = place(raw);
    const properties: Record<string, unknown> = {};
    let ok = true;
    for (const field of fields) {
      const column = mapping[field];
      if (column === undefined) {
        if (GENERATED[field] === "id") properties[field] = generatedId(file, raw.index);
        else if (GENERATED[field] === "null") properties[field] = null;
        continue;
      }
      const columnCounts = counts.get(column) ?? { boolean: 0, number: 0, code: 0, date: 0 };
      counts.set(column, columnCounts);
      const coerced = coerceValue(layer, field, raw.properties[column], columnCounts);
      if ("invalid" in coerced) {
        report.error("value-invalid", file, {
          ...where,
          field: column,
          params: { value: coerced.invalid, reason: coerced.reason, reasonZh: coerced.reasonZh },
        });
        ok = false;
        continue;
      }
      if (coerced.value === null || coerced.value === undefined) {
        const empty = field === "name" ? "null" : emptyValueOf(layer, field);
        if (empty === "null") properties[field] = null;
        else if (empty === "required") {
          report.error("value-invalid", file, {
            ...where,
            field: column,
            params: { value: "", reason: "empty; this field needs a value", reasonZh: "为空;该字段必须有值" },
          });
          ok = false;
        }
        continue;
      }
      properties[field] = coerced.value;
    }
    const featureId = typeof properties.code === "string" ? properties.code : typeof properties.id === "string" ? properties.id : undefined;
    const at = { ...where, featureId };
    if (!checkName(properties, mapping.name ?? "name", file, at, report)) ok = false;
    for (const field of fields) {
      const value = properties[field];
      if (FIELD_TYPES[field] === "count" && typeof value === "number" && value < 0) {
        report.error("value-negative", file, { ...at, field: mapping[field], params: { value } });
        ok = false;
      }
    }
    const pointOutline = LAYER_GEOMETRY[layer] === "area" && layer === "compounds" ? options.pointOutlineMetres : undefined;
    const cleaned = isReportedGeometry(raw.geometry) ? null : cleanGeometry(raw.geometry, LAYER_GEOMETRY[layer], convert, pointOutline);
    if (cleaned === null) ok = false;
    else {
      for (const problem of cleaned.problems) {
        if (problem.code === "geometry-3d") heights += 1;
        else
          report.add({
            severity: problem.severity,
            code: problem.code,
            file,
            ...at,
            field: "geometry",
            location: problemLocation(cleaned.geometry, raw.geometry, convert),
            params: problem.params,
          });
      }
      if (cleaned.geometry === null) ok = false;
    }
    if (!ok) continue;
    const parsed = schema.safeParse(properties);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "");
        report.error("value-invalid", file, {
          ...at,
          field: mapping[field] ?? field,
          params: { value: String(properties[field] ?? ""), reason: issue.message, reasonZh: `不符合数据规范(${issue.message})` },
        });
      }
      continue;
    }
    if (!cleaned?.geometry) continue;
    summary.loaded += 1;
    if (pointOutline !== undefined && (raw.geometry as { type?: string }).type === "Point") outlined += 1;
    accept({ type: "Feature", geometry: cleaned.geometry, properties: parsed.data as Record<string, unknown> }, raw);
  }
  if (heights > 0) report.info("geometry-3d", file, { field: "geometry", params: { count: heights } });
  for (const [column, tally] of counts) {
    if (tally.boolean > 0) report.info("column-coerced-boolean", file, { field: column, params: { column, count: tally.boolean } });
    if (tally.number > 0) report.info("column-coerced-number", file, { field: column, params: { column, count: tally.number, example: tally.example ?? "" } });
    if (tally.code > 0) report.info("column-code-restored", file, { field: column, params: { column, count: tally.code } });
    if (tally.date > 0) report.info("column-date-converted", file, { field: column, params: { column, count: tally.date } });
  }
  return { summary, outlined };
}

const INVISIBLE = /[\u00ad\u200b-\u200f\u2028-\u202f\u2060-\u206f\ufeff]/g;
/** Control characters (below U+0020, and U+007F) and zero-width or direction marks removed. */
const stripInvisible = (text: string) => [...text.replace(INVISIBLE, "")].filter((character) => character >= " " && character !== "\u007f").join("");
const FORMULA = /^[=+\-@]/;

/** Trims invisible characters (with a note); an empty name is an error; a formula-like one a warning. */
function checkName(
  properties: Record<string, unknown>,
  column: string,
  file: string,
  at: Omit<ReportEntry, "severity" | "code" | "file">,
  report: ReportBuilder,
): boolean {
  const name = properties.name;
  if (typeof name !== "string") {
    if (name === null || name === undefined) {
      report.error("name-empty", file, { ...at, field: column });
      return false;
    }
    return true;
  }
  const cleaned = stripInvisible(name).trim();
  if (cleaned !== name) report.info("name-trimmed", file, { ...at, field: column });
  if (cleaned === "") {
    report.error("name-empty", file, { ...at, field: column });
    return false;
  }
  if (FORMULA.test(cleaned)) report.warning("name-formula", file, { ...at, field: column, params: { value: cleaned } });
  properties.name = cleaned;
  return true;
}

export function generatedId(file: string, index: number): string {
  return `${file.replace(/\.[^.]+$/, "")}-${index}`;
}
