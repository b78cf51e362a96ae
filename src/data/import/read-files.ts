// Files in, raw sources out: each file is recognised by its bytes, loose Shapefile parts are
// grouped by name, zips are opened (a zipped Shapefile, KML or GeoJSON), and every file that
// cannot be read gets its own message. One bad file does not stop the others.
import { unzipSync } from "fflate";
import { readGeoJson } from "./read-geojson.ts";
import { readKml } from "./read-kml.ts";
import { readShapefile, type ShapefileParts } from "./read-shapefile.ts";
import { readCsv, readWorkbook } from "./read-table.ts";
import type { ReportBuilder } from "./report.ts";
import { sniff, baseNameOf, extensionOf, type ImportFormat } from "./sniff.ts";
import { ImportCancelled, memoryInput, type ImportInput, type RawSource } from "./source.ts";
import { decodeText } from "./text.ts";

export interface ReadProgress {
  file: string;
  bytesRead: number;
  bytesTotal: number;
}

const SHAPEFILE_PARTS = new Set<ImportFormat>(["shp", "dbf", "shx", "prj", "cpg"]);

export async function readFiles(
  inputs: readonly ImportInput[],
  report: ReportBuilder,
  onProgress?: (progress: ReadProgress) => void,
  signal?: AbortSignal,
): Promise<RawSource[]> {
  const bytesTotal = inputs.reduce((sum, input) => sum + input.size, 0);
  let bytesDone = 0;
  const sources: RawSource[] = [];
  const shapefiles = new Map<string, { parts: ShapefileParts; names: string[] }>();
  for (const input of inputs) {
    if (signal?.aborted) throw new ImportCancelled();
    onProgress?.({ file: input.name, bytesRead: bytesDone, bytesTotal });
    const sniffed = sniff(input.name, await input.head(), input.size);
    if ("unreadable" in sniffed) {
      report.error(sniffed.unreadable, input.name, sniffed.unreadable === "file-image" ? { params: { kind: sniffed.kind } } : {});
      bytesDone += input.size;
      continue;
    }
    const format = sniffed.format;
    if (SHAPEFILE_PARTS.has(format)) {
      const key = input.name.slice(0, input.name.length - extensionOf(input.name).length - 1).toLowerCase();
      const group = shapefiles.get(key) ?? { parts: { file: `${baseNameOf(input.name)}.shp` }, names: [] };
      shapefiles.set(key, group);
      group.names.push(input.name);
      const bytes = await input.bytes();
      if (format === "shp") group.parts.shp = bytes;
      else if (format === "dbf") group.parts.dbf = bytes;
      else if (format === "prj") group.parts.prj = decodeText(bytes).text;
      else if (format === "cpg") group.parts.cpg = decodeText(bytes).text;
      bytesDone += input.size;
      continue;
    }
    const source =
      format === "geojson"
        ? await readGeoJson(input, report, (bytes) => onProgress?.({ file: input.name, bytesRead: bytesDone + bytes, bytesTotal }), signal)
        : await readWhole(input, format, report);
    bytesDone += input.size;
    if (source) sources.push(source);
  }
  for (const { parts } of shapefiles.values()) {
    const source = readShapefile(parts, report);
    if (source) sources.push(source);
  }
  onProgress?.({ file: "", bytesRead: bytesTotal, bytesTotal });
  return sources;
}

async function readWhole(input: ImportInput, format: ImportFormat, report: ReportBuilder): Promise<RawSource | null> {
  const bytes = await input.bytes();
  switch (format) {
    case "csv":
      return readCsv(input.name, bytes, report);
    case "xlsx":
    case "xls":
      return readWorkbook(input.name, bytes, report);
    case "kml":
      return readKml(input.name, bytes, report);
    case "kmz":
    case "zip":
      return readZip(input.name, bytes, report);
    default:
      report.error("file-unknown-format", input.name);
      return null;
  }
}

async function readZip(file: string, bytes: Uint8Array, report: ReportBuilder): Promise<RawSource | null> {
  let members: Record<string, Uint8Array>;
  try {
    members = unzipSync(bytes);
  } catch (error) {
    report.error("file-zip-broken", file, { params: { reason: error instanceof Error ? error.message : String(error) } });
    return null;
  }
  const names = Object.keys(members).filter((name) => !name.startsWith("__MACOSX") && !name.endsWith("/"));
  const member = (name: string) => members[name] ?? new Uint8Array();
  const byExtension = (extension: string) => names.filter((name) => extensionOf(name) === extension);
  const shps = byExtension("shp");
  if (shps.length > 0) {
    const [first = ""] = shps;
    if (shps.length > 1) report.warning("file-too-many-layers", file, { params: { count: shps.length, name: first } });
    const stem = first.slice(0, -4);
    const sibling = (extension: string) => names.find((name) => name.slice(0, -4).toLowerCase() === stem.toLowerCase() && extensionOf(name) === extension);
    const dbf = sibling("dbf");
    const prj = sibling("prj");
    const cpg = sibling("cpg");
    return readShapefile(
      {
        file,
        shp: member(first),
        dbf: dbf ? member(dbf) : undefined,
        prj: prj ? decodeText(member(prj)).text : undefined,
        cpg: cpg ? decodeText(member(cpg)).text : undefined,
      },
      report,
    );
  }
  const [kml] = byExtension("kml");
  if (kml) return readKml(file, member(kml), report);
  const [json] = [...byExtension("geojson"), ...byExtension("json")];
  if (json) return readGeoJson(memoryInput(file, member(json)), report);
  report.error("file-zip-no-shapefile", file, { params: { contents: names.slice(0, 8).join(", ") || "(nothing)" } });
  return null;
}
