// Shapefiles, zipped or as loose .shp/.dbf/.shx/.prj/.cpg files. Geometry and dBASE records are
// read by shpjs; the encoding of the attributes is ours to find: the .cpg when there is one, else
// the .dbf header's language driver, else whether the bytes are valid UTF-8 (a Chinese office's
// shapefile without a .cpg is nearly always GBK). Coordinates are left as found: crs.ts converts.
import { parseDbf, parseShp } from "shpjs";
import type { ReportBuilder } from "./report.ts";
import { columnsOf, type RawFeature, type RawSource } from "./source.ts";
import { isValidUtf8 } from "./text.ts";

export interface ShapefileParts {
  /** The name the report uses: "communities.zip" or "communities.shp". */
  file: string;
  shp?: Uint8Array;
  dbf?: Uint8Array;
  prj?: string;
  cpg?: string;
}

/** dBASE language driver ids that mean code page 936 (GBK). */
const GBK_DRIVERS = new Set([0x4d, 0x7a]);

export function dbfEncoding(dbf: Uint8Array, cpg: string | undefined): { encoding: string; reason?: string; reasonZh?: string } {
  if (cpg?.trim()) {
    const declared = cpg.trim();
    if (/^(utf-?8|65001)$/i.test(declared)) return { encoding: "utf-8" };
    const reason = { reason: `the .cpg says ${declared}`, reasonZh: `.cpg 文件注明为 ${declared}` };
    if (/^(gbk|gb2312|gb18030|936|cp936|ansi 936)$/i.test(declared)) return { encoding: "gbk", ...reason };
    return { encoding: declared, ...reason };
  }
  const driver = dbf[29] ?? 0;
  if (GBK_DRIVERS.has(driver))
    return { encoding: "gbk", reason: "the .dbf header's language driver says code page 936", reasonZh: ".dbf 文件头的语言驱动注明为代码页 936" };
  const headerLength = (dbf[8] ?? 0) | ((dbf[9] ?? 0) << 8);
  if (isValidUtf8(dbf.subarray(32, Math.min(dbf.length, headerLength + 1_000_000)))) return { encoding: "utf-8" };
  return { encoding: "gbk", reason: "no .cpg, and the attribute bytes are not valid UTF-8", reasonZh: "没有 .cpg 文件,且属性字节不是有效的 UTF-8" };
}

export function readShapefile(parts: ShapefileParts, report: ReportBuilder): RawSource | null {
  if (!parts.shp) {
    report.error("file-shapefile-part-missing", parts.file, { params: { part: ".shp" } });
    return null;
  }
  let geometries: unknown[];
  try {
    geometries = parseShp(parts.shp) as unknown[];
  } catch (error) {
    report.error("file-shapefile-broken", parts.file, { params: { reason: error instanceof Error ? error.message : String(error) } });
    return null;
  }
  let records: Record<string, unknown>[] = [];
  if (parts.dbf) {
    const { encoding, reason, reasonZh } = dbfEncoding(parts.dbf, parts.cpg);
    if (encoding === "gbk") report.info("encoding-gbk", parts.file, { params: { reason: reason ?? "", reasonZh: reasonZh ?? "" } });
    try {
      records = parseDbf(parts.dbf, encoding) as Record<string, unknown>[];
    } catch (error) {
      report.error("file-shapefile-broken", parts.file, { params: { reason: `.dbf: ${error instanceof Error ? error.message : String(error)}` } });
    }
  } else {
    report.warning("file-shapefile-part-missing", parts.file, { params: { part: ".dbf" } });
  }
  const features: RawFeature[] = geometries.map((geometry, index) => ({ geometry, properties: records[index] ?? {}, index }));
  return { file: parts.file, featureKind: "feature", features, columns: columnsOf(features), prj: parts.prj };
}
