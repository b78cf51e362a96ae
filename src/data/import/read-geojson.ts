// GeoJSON in, raw features out, streamed: a FeatureCollection of any size, a bare Feature, a
// bare geometry or an array of features. A truncated file keeps the features before the cut.
import { GeoJsonStream } from "./geojson-stream.ts";
import type { ReportBuilder } from "./report.ts";
import { isRecord } from "../is-record.ts";
import { ImportCancelled, columnsOf, type ImportInput, type RawFeature, type RawSource } from "./source.ts";

export async function readGeoJson(
  input: ImportInput,
  report: ReportBuilder,
  onBytes?: (bytes: number) => void,
  signal?: AbortSignal,
): Promise<RawSource | null> {
  const stream = new GeoJsonStream();
  const features: RawFeature[] = [];
  let bytes = 0;
  let unreadable = 0;
  const take = (items: ReturnType<GeoJsonStream["push"]>) => {
    for (const item of items) {
      if ("broken" in item) {
        report.error("file-not-json", input.name, { feature: item.index, featureKind: "feature", params: { reason: item.broken } });
        unreadable += 1;
        continue;
      }
      features.push(toRaw(item.feature, item.index));
    }
  };
  for await (const chunk of input.chunks()) {
    if (signal?.aborted) throw new ImportCancelled();
    bytes += chunk.length;
    take(stream.push(chunk));
    onBytes?.(bytes);
  }
  const { items, end } = stream.end();
  take(items);
  if (end.truncated) {
    report.error("file-truncated", input.name, { params: { offset: bytes, features: features.length } });
    return features.length > 0 ? { file: input.name, featureKind: "feature", features, unreadable, columns: columnsOf(features) } : null;
  }
  if (!end.foundFeatures) {
    if (end.top === undefined) {
      report.error("file-not-json", input.name, { params: { reason: end.topError ?? "unreadable" } });
      return null;
    }
    const loose = looseFeatures(end.top);
    if (loose === null) {
      report.error("file-not-geojson", input.name);
      return null;
    }
    return { file: input.name, featureKind: "feature", features: loose, columns: columnsOf(loose) };
  }
  if (end.top === undefined) {
    report.error("file-not-json", input.name, { params: { reason: end.topError ?? "unreadable" } });
  } else if (!isRecord(end.top) || end.top.type !== "FeatureCollection") {
    report.error("file-not-geojson", input.name);
    return null;
  }
  return { file: input.name, featureKind: "feature", features, unreadable, columns: columnsOf(features) };
}

function toRaw(candidate: unknown, index: number): RawFeature {
  if (!isRecord(candidate)) return { geometry: undefined, properties: {}, index };
  const properties = isRecord(candidate.properties) ? candidate.properties : {};
  return { geometry: candidate.type === "Feature" ? candidate.geometry : candidate, properties, index };
}

const GEOMETRY_TYPES = new Set(["Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection"]);

/** A bare Feature, geometry or array of features, as features. */
function looseFeatures(top: unknown): RawFeature[] | null {
  if (Array.isArray(top)) return top.every((item) => isRecord(item) && item.type === "Feature") ? top.map(toRaw) : null;
  if (isRecord(top) && top.type === "Feature") return [toRaw(top, 0)];
  if (isRecord(top) && typeof top.type === "string" && GEOMETRY_TYPES.has(top.type)) return [{ geometry: top, properties: {}, index: 0 }];
  return null;
}
