// The import's data-quality report: every problem found in the user's files, by severity, each
// naming the file, the feature (index or spreadsheet row) and the field. Entries carry a code and
// parameters; messages.ts turns them into words in either language, so the app and the CLI say
// the same thing. Nothing is dropped silently: past a cap per code, entries are counted, not kept.

export type Severity = "error" | "warning" | "info";

export interface ReportEntry {
  severity: Severity;
  code: ReportCode;
  file: string;
  /** Zero-based feature index in the file, or the spreadsheet row (1-based, as Excel shows it). */
  feature?: number;
  /** How `feature` counts: "feature" (GeoJSON, Shapefile, KML) or "row" (CSV, XLSX). */
  featureKind?: "feature" | "row";
  featureId?: string;
  field?: string;
  /** Where the problem is, for "show on map" (WGS84 longitude, latitude). */
  location?: [number, number];
  params?: Record<string, string | number>;
}

export type ReportCode =
  | "file-empty"
  | "file-html"
  | "file-image"
  | "file-truncated"
  | "file-not-json"
  | "file-not-geojson"
  | "file-unknown-format"
  | "file-zip-no-shapefile"
  | "file-zip-broken"
  | "file-shapefile-part-missing"
  | "file-shapefile-broken"
  | "file-sheet-empty"
  | "file-no-geometry-columns"
  | "file-kml-broken"
  | "file-workbook-broken"
  | "file-too-many-layers"
  | "encoding-gbk"
  | "encoding-bom"
  | "crs-detected"
  | "crs-assumed"
  | "crs-unknown-projected"
  | "crs-unsupported"
  | "column-mapped"
  | "column-missing"
  | "columns-unused"
  | "column-coerced-boolean"
  | "column-coerced-number"
  | "column-code-restored"
  | "column-date-converted"
  | "rows-skipped"
  | "id-generated"
  | "geometry-missing"
  | "geometry-empty"
  | "geometry-type"
  | "geometry-collection"
  | "geometry-self-intersection"
  | "geometry-ring-unclosed"
  | "geometry-ring-short"
  | "geometry-3d"
  | "geometry-out-of-range"
  | "geometry-point-outline"
  | "geometry-wkt"
  | "value-invalid"
  | "value-negative"
  | "name-empty"
  | "name-trimmed"
  | "name-formula"
  | "duplicate-id"
  | "parent-missing"
  | "outside-parent"
  | "grids-overlap"
  | "grids-gap"
  | "layer-empty";

/** Entries kept per code; the rest are counted in `omitted`. */
const KEEP_PER_CODE = 2000;

export interface Report {
  entries: ReportEntry[];
  /** Entries counted but not kept, by code (past KEEP_PER_CODE). */
  omitted: Partial<Record<ReportCode, number>>;
  counts: Record<Severity, number>;
}

/** The summary ("nothing could be loaded") comes after the reasons. */
const last = (entry: ReportEntry) => (entry.code === "layer-empty" ? 1 : 0);

export function emptyReport(): Report {
  return { entries: [], omitted: {}, counts: { error: 0, warning: 0, info: 0 } };
}

export class ReportBuilder {
  private readonly report = emptyReport();
  private readonly perCode = new Map<ReportCode, number>();

  add(entry: ReportEntry): void {
    this.report.counts[entry.severity] += 1;
    const kept = this.perCode.get(entry.code) ?? 0;
    this.perCode.set(entry.code, kept + 1);
    if (kept < KEEP_PER_CODE) this.report.entries.push(entry);
    else this.report.omitted[entry.code] = (this.report.omitted[entry.code] ?? 0) + 1;
  }

  error(code: ReportCode, file: string, more: Omit<ReportEntry, "severity" | "code" | "file"> = {}): void {
    this.add({ severity: "error", code, file, ...more });
  }

  warning(code: ReportCode, file: string, more: Omit<ReportEntry, "severity" | "code" | "file"> = {}): void {
    this.add({ severity: "warning", code, file, ...more });
  }

  info(code: ReportCode, file: string, more: Omit<ReportEntry, "severity" | "code" | "file"> = {}): void {
    this.add({ severity: "info", code, file, ...more });
  }

  build(): Report {
    const severityOrder: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
    const entries = this.report.entries.toSorted(
      (a, b) =>
        severityOrder[a.severity] - severityOrder[b.severity] || last(a) - last(b) || a.file.localeCompare(b.file) || (a.feature ?? -1) - (b.feature ?? -1),
    );
    return { ...this.report, entries, counts: { ...this.report.counts } };
  }
}
