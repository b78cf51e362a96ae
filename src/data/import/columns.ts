// From the columns a file has to the fields of a contract layer: names matched against Chinese
// and English aliases (户数, 社区编码, households…), then values coerced the way offices write
// them: 是/否 and 有/无 for yes/no, "120户" and "1,200" for numbers, codes that a spreadsheet
// turned into numbers, Excel date serials. Every coercion is counted per column for the report.
import { LAYER_PROPERTIES, type LayerName } from "../contract.ts";

export type FieldType = "code" | "text" | "count" | "known" | "enum" | "date";

export const FIELD_TYPES: Record<string, FieldType> = {
  code: "code",
  prefectureCode: "code",
  districtCode: "code",
  streetCode: "code",
  communityCode: "code",
  id: "text",
  name: "text",
  gridId: "text",
  workerName: "text",
  households: "count",
  population: "count",
  partyMembers: "count",
  dualRegisteredMembers: "count",
  buildings: "count",
  workers: "count",
  buildingLeaders: "count",
  socialWorkers: "count",
  bigPartyCommittee: "known",
  partyBranch: "known",
  redProperty: "known",
  ownersCommittee: "known",
  stationTarget: "known",
  kind: "enum",
  partyOrgType: "enum",
  level: "enum",
  openedOn: "date",
};

const CODE_LENGTHS: Record<string, number> = { prefectureCode: 4, districtCode: 6, streetCode: 9, communityCode: 12 };
const LAYER_CODE_LENGTH: Partial<Record<LayerName, number>> = { prefectures: 4, districts: 6, streets: 9, communities: 12 };

export function codeLength(layer: LayerName, field: string): number | undefined {
  return field === "code" ? LAYER_CODE_LENGTH[layer] : CODE_LENGTHS[field];
}

/** Aliases by field; the layer's own code column also answers to "<layer word>编码". */
const ALIASES: Record<string, readonly string[]> = {
  code: ["code", "编码", "代码", "区划代码", "统计用区划代码", "行政区划代码", "adcode"],
  prefectureCode: ["prefecturecode", "州市编码", "州市代码", "市州编码", "市州代码", "所属州市编码"],
  districtCode: ["districtcode", "区县编码", "区县代码", "县区编码", "县区代码", "所属区县编码", "县编码"],
  streetCode: ["streetcode", "街道编码", "街道代码", "乡镇编码", "乡镇代码", "乡镇街道编码", "所属街道编码", "所属乡镇编码"],
  communityCode: ["communitycode", "社区编码", "社区代码", "村居编码", "村社区编码", "所属社区编码", "所属社区代码", "居委会编码", "村委会编码"],
  id: ["id", "编号", "标识", "唯一编号", "小区编号", "站点编号", "objectid", "fid"],
  name: ["name", "名称", "名字", "小区名称", "社区名称", "网格名称", "站点名称", "街道名称", "乡镇名称", "村名", "单位名称", "自然村名称"],
  gridId: ["gridid", "网格编号", "网格id", "所属网格", "所属网格编号"],
  workerName: ["workername", "网格员姓名", "网格员"],
  households: ["households", "户数", "住户数", "家庭户数", "总户数", "居民户数"],
  population: ["population", "人口", "常住人口", "人口数", "居民人数"],
  partyMembers: ["partymembers", "党员数", "党员人数", "党员"],
  dualRegisteredMembers: ["dualregisteredmembers", "双报到党员", "报到党员数", "双报到党员数", "在职党员报到数"],
  buildings: ["buildings", "楼栋数", "楼栋", "栋数", "楼幢数"],
  workers: ["workers", "网格员数", "网格员人数", "专职网格员"],
  buildingLeaders: ["buildingleaders", "楼栋长数", "楼栋长", "楼长数"],
  socialWorkers: ["socialworkers", "社工人数", "社工数", "持证社工", "社会工作者"],
  bigPartyCommittee: ["bigpartycommittee", "大党委", "是否大党委", "是否建立大党委"],
  partyBranch: ["partybranch", "小区党支部", "党支部", "是否建立党支部", "是否建立小区党支部", "党组织"],
  redProperty: ["redproperty", "红色物业", "是否红色物业"],
  ownersCommittee: ["ownerscommittee", "业委会", "业主委员会", "是否成立业委会"],
  stationTarget: ["stationtarget", "社工站目标", "纳入社工站目标"],
  kind: ["kind", "类型", "类别", "性质"],
  partyOrgType: ["partyorgtype", "党组织类型", "党组织形式"],
  level: ["level", "级别", "层级", "站点级别"],
  openedOn: ["openedon", "建成日期", "启用日期", "开放日期", "成立日期", "建站日期"],
};

export const LONGITUDE_ALIASES = ["经度", "lng", "lon", "long", "longitude", "x", "东经", "pointx", "百度经度", "高德经度", "gcj经度", "bd经度"];
export const LATITUDE_ALIASES = ["纬度", "lat", "latitude", "y", "北纬", "pointy", "百度纬度", "高德纬度", "gcj纬度", "bd纬度"];
export const WKT_ALIASES = ["wkt", "geometry", "geom", "thegeom", "shape", "几何", "坐标串", "边界"];

/** Header text as compared: lower case, no spaces, underscores or bracketed units ("户数(户)"). */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/[（(][^)）]*[)）]/g, "")
    .replace(/[\s_\-.:：]/g, "")
    .trim();
}

export function layerFields(layer: LayerName): string[] {
  return Object.keys(LAYER_PROPERTIES[layer].shape);
}

export function requiredFields(layer: LayerName): string[] {
  const shape = LAYER_PROPERTIES[layer].shape as Record<string, { safeParse: (value: unknown) => { success: boolean } }>;
  // A field that accepts undefined is optional; one that accepts null is still required (null means unknown).
  return Object.entries(shape)
    .filter(([, schema]) => !schema.safeParse(undefined).success)
    .map(([field]) => field);
}

/** How a field takes an empty cell: null (unknown) when nullable, left out when optional, else an error. */
export function emptyValueOf(layer: LayerName, field: string): "null" | "omit" | "required" {
  const schema = (LAYER_PROPERTIES[layer].shape as Record<string, { safeParse: (value: unknown) => { success: boolean } }>)[field];
  if (!schema) return "omit";
  if (schema.safeParse(null).success) return "null";
  return schema.safeParse(undefined).success ? "omit" : "required";
}

export function findColumn(columns: readonly string[], aliases: readonly string[]): string | undefined {
  const normalised = columns.map(normaliseHeader);
  const wanted = aliases.map(normaliseHeader);
  for (const alias of wanted) {
    const index = normalised.indexOf(alias);
    if (index >= 0) return columns[index];
  }
  return undefined;
}

export type ColumnMapping = Partial<Record<string, string>>;

/** Each field of the layer mapped to a column, by exact field name first, then by alias. */
export function autoMapping(layer: LayerName, columns: readonly string[], taken: readonly string[] = []): ColumnMapping {
  const mapping: ColumnMapping = {};
  const used = new Set(taken);
  const free = () => columns.filter((column) => !used.has(column));
  const fields = layerFields(layer);
  for (const field of fields) {
    if (columns.includes(field) && !used.has(field)) {
      mapping[field] = field;
      used.add(field);
    }
  }
  for (const field of fields) {
    if (mapping[field] !== undefined) continue;
    const column = findColumn(free(), ALIASES[field] ?? [field]);
    if (column !== undefined) {
      mapping[field] = column;
      used.add(column);
    }
  }
  return mapping;
}

export interface CoercionCounts {
  boolean: number;
  number: number;
  code: number;
  date: number;
  example?: string;
}

export type Coerced = { value: unknown } | { invalid: string; reason: string; reasonZh: string };

const TRUE_WORDS = new Set(["是", "有", "y", "yes", "true", "t", "1", "已建", "已成立", "已建立", "√", "✓", "对"]);
const FALSE_WORDS = new Set(["否", "无", "没有", "n", "no", "false", "f", "0", "未建", "未成立", "未建立", "×", "✗"]);
const UNKNOWN_WORDS = new Set(["", "未知", "不详", "不清楚", "-", "—", "/", "null", "na", "n/a", "unknown"]);

/** Converts one raw value for a field; `counts` tallies what was coerced, for the report. */
export function coerceValue(layer: LayerName, field: string, raw: unknown, counts: CoercionCounts): Coerced {
  const type = FIELD_TYPES[field] ?? "text";
  if (raw === undefined || raw === null || (typeof raw === "string" && UNKNOWN_WORDS.has(raw.trim().toLowerCase()))) {
    return { value: null };
  }
  switch (type) {
    case "known": {
      if (typeof raw === "boolean") return { value: raw };
      const word = String(raw).trim().toLowerCase();
      if (TRUE_WORDS.has(word)) {
        counts.boolean += 1;
        return { value: true };
      }
      if (FALSE_WORDS.has(word)) {
        counts.boolean += 1;
        return { value: false };
      }
      return { invalid: String(raw), reason: "not a yes/no value (是/否, 有/无, Y/N)", reasonZh: "不是是/否值(是/否、有/无、Y/N)" };
    }
    case "count": {
      if (typeof raw === "number") return Number.isInteger(raw) ? { value: raw } : { invalid: String(raw), reason: "not a whole number", reasonZh: "不是整数" };
      const text = String(raw).trim();
      const match = /^([+-]?[\d,，]+(?:\.\d+)?)\s*([^\d\s]{0,4})$/.exec(text);
      if (!match?.[1]) return { invalid: text, reason: "not a number", reasonZh: "不是数字" };
      const value = Number(match[1].replace(/[,，]/g, ""));
      if (!Number.isInteger(value)) return { invalid: text, reason: "not a whole number", reasonZh: "不是整数" };
      if (match[1] !== String(value)) {
        counts.number += 1;
        counts.example ??= text;
      } else if (match[2]) {
        counts.number += 1;
        counts.example ??= text;
      }
      return { value };
    }
    case "code": {
      const length = codeLength(layer, field);
      if (typeof raw === "number") {
        const text = Number.isSafeInteger(raw) ? String(raw) : "";
        if (text === "" || (length !== undefined && text.length !== length))
          return {
            invalid: String(raw),
            reason: `a code stored as a number that cannot be restored safely${length ? ` (expected ${length} digits)` : ""}`,
            reasonZh: `以数字存储的编码无法可靠恢复${length ? `(应为 ${length} 位)` : ""}`,
          };
        counts.code += 1;
        return { value: text };
      }
      let text = String(raw).trim();
      if (/^\d+\.0+$/.test(text)) {
        text = text.replace(/\.0+$/, "");
        counts.code += 1;
      } else if (/^\d(\.\d+)?e\+?\d+$/i.test(text)) {
        const value = Number(text);
        if (!Number.isSafeInteger(value) || (length !== undefined && String(value).length !== length))
          return { invalid: text, reason: "a code in scientific notation that cannot be restored safely", reasonZh: "科学计数法表示的编码无法可靠恢复" };
        text = String(value);
        counts.code += 1;
      }
      return { value: text };
    }
    case "date": {
      if (raw instanceof Date) {
        counts.date += 1;
        return { value: isoDate(raw) };
      }
      if (typeof raw === "number" && raw > 20000 && raw < 80000) {
        // Excel's day serial: day 25569 is 1970-01-01.
        counts.date += 1;
        return { value: isoDate(new Date(Math.round((raw - 25569) * 86400000))) };
      }
      const text = String(raw).trim();
      const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
      if (!match) return { invalid: text, reason: "not a date (年-月-日)", reasonZh: "不是日期(年-月-日)" };
      const iso = `${match[1]}-${match[2]?.padStart(2, "0")}-${match[3]?.padStart(2, "0")}`;
      if (iso !== text) counts.date += 1;
      return { value: iso };
    }
    case "enum":
      return { value: normaliseEnum(layer, field, String(raw).trim()) };
    default:
      return { value: typeof raw === "string" ? raw : String(raw) };
  }
}

function isoDate(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}-${String(date.getUTCDate()).padStart(2, "0")}`;
}

/** Common spellings of the contract's enumerations: 社区居委会 → 居委会, 村 → 村委会, 乡镇 → 街道 (station level). */
function normaliseEnum(layer: LayerName, field: string, text: string): string {
  if (field === "kind" && layer === "communities") {
    if (/村/.test(text)) return "村委会";
    if (/居|社区/.test(text)) return "居委会";
  }
  if (field === "kind" && layer === "compounds") {
    if (/村|组/.test(text)) return "自然村";
    if (/小区|院|苑/.test(text)) return "小区";
  }
  if (field === "level" && layer === "stations") {
    if (/街道|乡镇|镇|乡/.test(text)) return "街道";
    if (/社区|村/.test(text)) return "社区";
  }
  if (field === "partyOrgType" && /^(未建|没有|无党组织)$/.test(text)) return "无";
  return text;
}
