// Words for the import report, in both languages: the app's panel and the CLI's stderr say the
// same thing. Templates take {name} parameters from the entry.
import type { ReportCode, ReportEntry, Severity } from "./report.ts";

export type ReportLanguage = "zh" | "en";

const TEMPLATES: Record<ReportCode, Record<ReportLanguage, string>> = {
  "file-empty": { zh: "文件是空的(0 字节)", en: "the file is empty (0 bytes)" },
  "file-html": {
    zh: "这是一个网页(HTML),不是数据文件;可能是下载时保存了网页而不是文件本身",
    en: "this is a web page (HTML), not a data file; the download may have saved the page instead of the file",
  },
  "file-image": { zh: "这是一张图片({kind}),不是数据文件", en: "this is an image ({kind}), not a data file" },
  "file-truncated": {
    zh: "文件不完整,在第 {offset} 字节处中断;已读出的 {features} 个要素仍可载入",
    en: "the file is cut off at byte {offset}; the {features} features read before that can still load",
  },
  "file-not-json": { zh: "不是有效的 JSON:{reason}", en: "not valid JSON: {reason}" },
  "file-not-geojson": { zh: "是 JSON,但不是 GeoJSON 要素集合(FeatureCollection)", en: "JSON, but not a GeoJSON FeatureCollection" },
  "file-unknown-format": {
    zh: "无法识别的文件格式;支持 GeoJSON、Shapefile(.zip 或 .shp/.dbf/.shx/.prj)、CSV、XLSX、XLS、KML、KMZ",
    en: "unknown file format; supported are GeoJSON, Shapefile (.zip or .shp/.dbf/.shx/.prj), CSV, XLSX, XLS, KML and KMZ",
  },
  "file-zip-no-shapefile": {
    zh: "压缩包里没有 Shapefile(.shp)或 KML;包含:{contents}",
    en: "the zip holds no Shapefile (.shp) or KML; it contains: {contents}",
  },
  "file-zip-broken": { zh: "压缩包已损坏,无法解压:{reason}", en: "the zip is damaged and cannot be opened: {reason}" },
  "file-shapefile-part-missing": {
    zh: "Shapefile 缺少 {part} 文件;请把同名的 .shp、.dbf(以及 .prj)一起导入",
    en: "the Shapefile has no {part} file; import the .shp, .dbf (and .prj) of the same name together",
  },
  "file-shapefile-broken": { zh: "Shapefile 无法读取:{reason}", en: "the Shapefile cannot be read: {reason}" },
  "file-sheet-empty": { zh: "表格中没有数据行", en: "the sheet has no data rows" },
  "file-no-geometry-columns": {
    zh: "找不到坐标列:需要经度和纬度两列(如 经度/纬度、lng/lat),或一列 WKT;表头为:{columns}",
    en: "no coordinate columns: needs longitude and latitude (经度/纬度, lng/lat) or one WKT column; the header is: {columns}",
  },
  "file-kml-broken": { zh: "KML 无法读取:{reason}", en: "the KML cannot be read: {reason}" },
  "file-workbook-broken": { zh: "表格文件已损坏或加密,无法读取:{reason}", en: "the workbook is damaged or encrypted and cannot be read: {reason}" },
  "file-too-many-layers": { zh: "压缩包中有 {count} 个图层,只导入了第一个({name})", en: "the zip holds {count} layers; only the first ({name}) was imported" },
  "encoding-gbk": { zh: "属性按 GBK 编码读取({reasonZh})", en: "attributes read as GBK ({reason})" },
  "encoding-bom": { zh: "文件带有 UTF-8 BOM,已去除", en: "the file starts with a UTF-8 byte-order mark; removed" },
  "crs-detected": { zh: "坐标系:{crs}。依据:{reasonZh}", en: "coordinate system: {crs}. Why: {reason}" },
  "crs-assumed": { zh: "坐标系按 {crs} 处理:{reasonZh}", en: "coordinate system taken as {crs}: {reason}" },
  "crs-unknown-projected": {
    zh: "坐标是投影坐标(米),但无法确定是哪一种投影:{reasonZh}。请提供 .prj 文件,或声明坐标系(如 EPSG:4543 即 CGCS2000 3 度带 中央经线 102°E)",
    en: "the coordinates are projected (metres) but the projection cannot be known: {reason}. Supply a .prj file or declare the system (for example EPSG:4543, CGCS2000 3-degree zone, central meridian 102°E)",
  },
  "crs-unsupported": { zh: "无法使用该坐标系定义:{reasonZh}", en: "this coordinate system definition cannot be used: {reason}" },
  "column-mapped": { zh: "列“{column}”作为 {field}", en: 'column "{column}" read as {field}' },
  "column-missing": { zh: "缺少 {field} 列(必填);请添加该列或在列映射中指定", en: "no column for {field} (required); add one or map a column to it" },
  "columns-unused": {
    zh: "以下列不属于该图层的数据规范,未导入:{columns}",
    en: "these columns are not part of the layer's contract and were not imported: {columns}",
  },
  "column-coerced-boolean": {
    zh: "列“{column}”中的 {count} 个是/否、有/无值已转换为真/假",
    en: '{count} yes/no values (是/否, 有/无, Y/N) in column "{column}" converted to true/false',
  },
  "column-coerced-number": {
    zh: "列“{column}”中的 {count} 个带单位或分隔符的数字(如“{example}”)已转换为数值",
    en: '{count} numbers with units or separators (such as "{example}") in column "{column}" converted to numbers',
  },
  "column-code-restored": {
    zh: "列“{column}”中的 {count} 个以数字存储的编码已恢复为文本",
    en: '{count} codes stored as numbers in column "{column}" restored as text',
  },
  "column-date-converted": { zh: "列“{column}”中的 {count} 个日期已转换为 年-月-日", en: '{count} dates in column "{column}" converted to year-month-day' },
  "rows-skipped": { zh: "跳过了 {count} 行({reasonZh})", en: "{count} row(s) skipped ({reason})" },
  "id-generated": { zh: "没有编号列,已按行号生成编号(如 {example})", en: "no identifier column; identifiers made from row numbers (such as {example})" },
  "geometry-missing": { zh: "没有几何图形", en: "no geometry" },
  "geometry-empty": { zh: "几何图形为空(没有坐标)", en: "the geometry is empty (no coordinates)" },
  "geometry-type": { zh: "几何类型 {found} 不适用于该图层(需要 {expected})", en: "geometry type {found} does not fit this layer (expected {expected})" },
  "geometry-collection": {
    zh: "几何集合(GeometryCollection)不能直接使用;请拆分为多边形或点",
    en: "a GeometryCollection cannot be used as is; split it into polygons or points",
  },
  "geometry-self-intersection": {
    zh: "多边形边界自相交(约在 {at});已载入,面积和包含关系可能不准",
    en: "the polygon's boundary crosses itself (near {at}); loaded, but areas and containment may be off",
  },
  "geometry-ring-unclosed": { zh: "多边形的环未闭合,已自动闭合", en: "a polygon ring was not closed; closed automatically" },
  "geometry-ring-short": { zh: "多边形的环少于 4 个点", en: "a polygon ring has fewer than 4 positions" },
  "geometry-3d": { zh: "{count} 个要素的坐标带有高程(三维),已去掉高程", en: "{count} features carry heights (3D coordinates); the heights were dropped" },
  "geometry-out-of-range": { zh: "坐标超出范围:{position}", en: "coordinates out of range: {position}" },
  "geometry-point-outline": {
    zh: "{count} 个要素只有点坐标,已以 {metres} 米半径的圆示意其范围(示意几何)",
    en: "{count} features had only a point; each is drawn as a {metres} m circle (synthetic outline)",
  },
  "geometry-wkt": { zh: "WKT 无法解析:{reason}", en: "the WKT cannot be read: {reason}" },
  "value-invalid": { zh: "值“{value}”无效:{reasonZh}", en: 'value "{value}" is not valid: {reason}' },
  "value-negative": { zh: "值 {value} 为负数,超出范围", en: "value {value} is negative, out of range" },
  "name-empty": { zh: "名称为空", en: "the name is empty" },
  "name-trimmed": { zh: "名称含不可见字符或首尾空白,已去除", en: "the name carried invisible characters or surrounding spaces; removed" },
  "name-formula": {
    zh: "名称“{value}”看起来像表格公式;导出 CSV/XLSX 时将作为文本处理",
    en: 'the name "{value}" looks like a spreadsheet formula; exports write it as text',
  },
  "duplicate-id": { zh: "编号 {value} 重复(首次出现于第 {first} 个)", en: "identifier {value} is repeated (first at {first})" },
  "parent-missing": { zh: "上级编码 {value} 在当前数据集中不存在", en: "parent code {value} does not exist in the dataset" },
  "outside-parent": { zh: "位于其上级单位 {value} 的范围之外", en: "lies outside its parent unit {value}" },
  "grids-overlap": { zh: "与网格 {other} 重叠约 {share}%", en: "overlaps grid {other} by about {share}%" },
  "grids-gap": { zh: "社区 {value} 有约 {share}% 的面积不在任何网格中", en: "about {share}% of community {value} lies in no grid" },
  "layer-empty": { zh: "没有可载入的要素", en: "no feature could be loaded" },
};

const SEVERITY_WORDS: Record<Severity, Record<ReportLanguage, string>> = {
  error: { zh: "错误", en: "error" },
  warning: { zh: "警告", en: "warning" },
  info: { zh: "提示", en: "note" },
};

export function severityWord(severity: Severity, language: ReportLanguage): string {
  return SEVERITY_WORDS[severity][language];
}

export function entryMessage(entry: ReportEntry, language: ReportLanguage): string {
  const template = TEMPLATES[entry.code][language];
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => String(entry.params?.[key] ?? whole));
}

/** "communities.zip, feature 12 (5301…), properties.name" or "行 7" in the language given. */
export function entryPlace(entry: ReportEntry, language: ReportLanguage): string {
  const parts = [entry.file];
  if (entry.feature !== undefined) {
    // Rows as the spreadsheet numbers them; features from 0 in English (as the app's other messages
    // count them) and from 1 in Chinese ("第 1 个要素" is the first).
    const row = entry.featureKind === "row";
    const word = row ? (language === "zh" ? "第 {n} 行" : "row {n}") : language === "zh" ? "第 {n} 个要素" : "feature #{n}";
    const number = !row && language === "zh" ? entry.feature + 1 : entry.feature;
    parts.push(word.replace("{n}", String(number)) + (entry.featureId ? ` (${entry.featureId})` : ""));
  }
  if (entry.field) parts.push(entry.field);
  return parts.join(language === "zh" ? "," : ", ");
}

/** One line for stderr or a list: "error: communities.zip, feature #12, name: the name is empty". */
export function describeEntry(entry: ReportEntry, language: ReportLanguage): string {
  return `${severityWord(entry.severity, language)}: ${entryPlace(entry, language)}: ${entryMessage(entry, language)}`;
}
