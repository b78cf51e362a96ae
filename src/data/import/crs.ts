// Coordinate systems of the files offices hold, and their conversion to WGS84 (EPSG:4326, which
// CGCS2000 equals at map scale). The Chinese web-map datums (GCJ-02 of 高德/腾讯, BD-09 of 百度)
// go through gcoord; projected systems (Web Mercator, CGCS2000 Gauss-Krüger) through proj4.
// Detection looks at the numbers (degrees or metres, the zone number in a Gauss-Krüger easting,
// swapped axes), at names (a column called 百度经度, a file called *_gcj02*), and, when a dataset
// is loaded, at which conversion puts features inside their parent units.
import gcoord from "gcoord";
import proj4 from "proj4";

export type Position2 = [number, number];

export interface Crs {
  /** "EPSG:4326", "GCJ-02", "BD-09", "EPSG:3857", "EPSG:4543", or "PRJ" for a .prj definition. */
  id: string;
  /** Words for people: "CGCS2000 3° Gauss-Krüger, central meridian 102°E". */
  label: string;
  kind: "geographic" | "gcj02" | "bd09" | "bd09mc" | "projected";
  /** proj4 definition for projected systems. */
  proj4?: string;
  /** Axes given as (latitude, longitude) or (northing, easting). */
  swapped?: boolean;
}

export const WGS84: Crs = { id: "EPSG:4326", label: "WGS84 / CGCS2000 经纬度", kind: "geographic" };
export const CGCS2000: Crs = { id: "EPSG:4490", label: "CGCS2000 经纬度", kind: "geographic" };
export const GCJ02: Crs = { id: "GCJ-02", label: "GCJ-02(高德、腾讯等国测局坐标)", kind: "gcj02" };
export const BD09: Crs = { id: "BD-09", label: "BD-09(百度坐标)", kind: "bd09" };
export const BD09MC: Crs = { id: "BD-09MC", label: "BD-09 墨卡托(百度平面坐标)", kind: "bd09mc" };
export const WEB_MERCATOR: Crs = {
  id: "EPSG:3857",
  label: "Web Mercator(EPSG:3857)",
  kind: "projected",
  proj4: "+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs",
};

const gaussKruger = (centralMeridian: number, falseEasting: number) =>
  `+proj=tmerc +lat_0=0 +lon_0=${centralMeridian} +k=1 +x_0=${falseEasting} +y_0=0 +ellps=GRS80 +units=m +no_defs`;

/** The four CGCS2000 Gauss-Krüger families of the EPSG registry (4491-4554). */
export function gaussKrugerCrs(epsg: number): Crs | undefined {
  if (epsg >= 4491 && epsg <= 4501) {
    const zone = epsg - 4491 + 13;
    return {
      id: `EPSG:${epsg}`,
      label: `CGCS2000 6° 高斯-克吕格 第 ${zone} 带(中央经线 ${zone * 6 - 3}°E)`,
      kind: "projected",
      proj4: gaussKruger(zone * 6 - 3, zone * 1e6 + 500000),
    };
  }
  if (epsg >= 4502 && epsg <= 4512) {
    const meridian = 75 + (epsg - 4502) * 6;
    return { id: `EPSG:${epsg}`, label: `CGCS2000 6° 高斯-克吕格 中央经线 ${meridian}°E`, kind: "projected", proj4: gaussKruger(meridian, 500000) };
  }
  if (epsg >= 4513 && epsg <= 4533) {
    const zone = epsg - 4513 + 25;
    return {
      id: `EPSG:${epsg}`,
      label: `CGCS2000 3° 高斯-克吕格 第 ${zone} 带(中央经线 ${zone * 3}°E)`,
      kind: "projected",
      proj4: gaussKruger(zone * 3, zone * 1e6 + 500000),
    };
  }
  if (epsg >= 4534 && epsg <= 4554) {
    const meridian = 75 + (epsg - 4534) * 3;
    return { id: `EPSG:${epsg}`, label: `CGCS2000 3° 高斯-克吕格 中央经线 ${meridian}°E`, kind: "projected", proj4: gaussKruger(meridian, 500000) };
  }
  return undefined;
}

/** A declared system: "EPSG:4326", "wgs84", "cgcs2000", "gcj02", "bd09", "3857", "EPSG:4543", a proj4 string or WKT. */
export function parseCrsDeclaration(text: string): Crs | { error: string } {
  const value = text.trim();
  const key = value.toLowerCase().replace(/[\s_-]/g, "");
  if (["epsg:4326", "4326", "wgs84", "wgs"].includes(key)) return WGS84;
  if (["epsg:4490", "4490", "cgcs2000"].includes(key)) return CGCS2000;
  if (["gcj02", "gcj", "amap", "高德", "火星坐标"].includes(key)) return GCJ02;
  if (["bd09", "bd09ll", "baidu", "百度"].includes(key)) return BD09;
  if (["bd09mc", "baidumercator"].includes(key)) return BD09MC;
  if (["epsg:3857", "3857", "epsg:900913", "webmercator"].includes(key)) return WEB_MERCATOR;
  const epsg = /^(?:epsg:)?(\d{4,5})$/.exec(key);
  if (epsg)
    return (
      gaussKrugerCrs(Number(epsg[1])) ?? {
        error: `EPSG:${epsg[1]} is not one of the systems known here (4326, 4490, 3857, CGCS2000 Gauss-Krüger 4491-4554); give its proj4 definition instead`,
      }
    );
  if (value.startsWith("+proj") || /^(PROJCS|GEOGCS|PROJCRS|GEOGCRS)\[/i.test(value)) return crsFromDefinition(value);
  return { error: `"${text}" is not a coordinate system known here` };
}

/** A .prj (ESRI WKT) or proj4 definition. Geographic definitions are WGS84/CGCS2000 at map scale. */
export function crsFromDefinition(definition: string): Crs | { error: string } {
  const text = definition.trim();
  if (/^GEOGCS\[/i.test(text) || /^GEOGCRS\[/i.test(text)) {
    const name = /^GEOG\w*\["([^"]*)"/i.exec(text)?.[1] ?? "geographic";
    return { id: "PRJ", label: `${name}(经纬度)`, kind: "geographic" };
  }
  try {
    proj4(text, "EPSG:4326").forward([0, 0]);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  const name = /^PROJ\w*\["([^"]*)"/i.exec(text)?.[1] ?? "projected";
  return { id: "PRJ", label: name, kind: "projected", proj4: text };
}

/** A function that converts one position of `crs` to WGS84 [longitude, latitude]. */
export function converterTo84(crs: Crs): (position: Position2) => Position2 {
  const unswap = crs.swapped ? (position: Position2): Position2 => [position[1], position[0]] : (position: Position2) => position;
  switch (crs.kind) {
    case "geographic":
      return (position) => unswap(position);
    case "gcj02":
      return (position) => gcoord.transform(unswap(position), gcoord.GCJ02, gcoord.WGS84) as Position2;
    case "bd09":
      return (position) => gcoord.transform(unswap(position), gcoord.BD09, gcoord.WGS84) as Position2;
    case "bd09mc":
      return (position) => gcoord.transform(unswap(position), gcoord.BD09MC, gcoord.WGS84) as Position2;
    case "projected": {
      const projection = proj4(crs.proj4 ?? "", "EPSG:4326");
      return (position) => projection.forward(unswap(position)) as Position2;
    }
    default:
      return (position) => position;
  }
}

// China's extent with a margin: longitude 73-136°E, latitude 3-54°N.
const inChina = ([x, y]: Position2) => x >= 73 && x <= 136 && y >= 3 && y <= 54;
const share = (positions: readonly Position2[], test: (position: Position2) => boolean) => positions.filter(test).length / Math.max(1, positions.length);

/** The same words in both languages: the report is read in Chinese first. */
export interface Words {
  en: string;
  zh: string;
}

export interface Detection {
  crs: Crs;
  /** Why, in English; `reasonZh` says the same in Chinese. */
  reason: string;
  reasonZh: string;
  /** "detected" from the numbers or evidence; "assumed" when nothing could tell. */
  certainty: "detected" | "assumed";
}

export interface Refusal {
  refuse: string;
  refuseZh: string;
}

export type Evidence = (convert: (position: Position2) => Position2) => number | undefined;

export interface DetectionInput {
  /** Sample of raw positions from the file. */
  positions: readonly Position2[];
  /** A .prj beside the file, a declaration by the user. */
  prj?: string;
  declared?: string;
  /** File and column names, scanned for 百度/bd09/gcj/高德. */
  names?: readonly string[];
  /** Share of sample features inside their parent unit under a conversion (undefined: no dataset). */
  evidence?: Evidence;
}

const percent = (value: number | undefined) => `${Math.round((value ?? 0) * 100)}%`;
/** Gauss-Krüger with the zone number in front of the easting (e.g. 34 512 345 m: 3° zone 34). */
const zoned = ([x, y]: Position2) => x >= 13e6 && x < 46e6 && y > 0 && y < 6.2e6 && Math.floor(x / 1e6) !== 24;
/** Metres that fall in China as (Web or Baidu) Mercator. */
const mercator = ([x, y]: Position2) => x >= 8.1e6 && x <= 1.52e7 && y >= 4e5 && y <= 7.2e6;
/** Gauss-Krüger eastings without a zone number: 500 000 m ± 400 km. */
const plainGk = ([x, y]: Position2) => x >= 1e5 && x <= 9e5 && y > 0 && y < 6.2e6;

const BAIDU_HINT = /百度|baidu|bd-?09|bdmap/i;
const GCJ_HINT = /高德|腾讯|gaode|amap|gcj|火星|tencent|qq地图/i;

const found = (crs: Crs, why: Words, certainty: Detection["certainty"] = "detected"): Detection => ({ crs, reason: why.en, reasonZh: why.zh, certainty });
const refusal = (why: Words): Refusal => ({ refuse: why.en, refuseZh: why.zh });
const join = (first: Words, second: Words): Words => ({ en: `${first.en}; ${second.en}`, zh: `${first.zh};${second.zh}` });

/** Picks the system of a file, or says why it cannot be known. */
export function detectCrs(input: DetectionInput): Detection | Refusal {
  if (input.declared) {
    const crs = parseCrsDeclaration(input.declared);
    if ("error" in crs) return refusal({ en: crs.error, zh: `无法使用声明的坐标系“${input.declared}”(${crs.error})` });
    return found(crs, { en: "declared", zh: "使用者声明" });
  }
  if (input.prj) {
    const crs = crsFromDefinition(input.prj);
    if ("error" in crs) return refusal({ en: `the .prj cannot be read (${crs.error})`, zh: `.prj 文件无法读取(${crs.error})` });
    if (crs.kind === "geographic") return geographic(input, { en: `the .prj defines ${crs.label}`, zh: `.prj 定义为 ${crs.label}` }, crs);
    return found(crs, { en: "from the .prj file", zh: "依据 .prj 文件" });
  }
  const positions = input.positions;
  if (positions.length === 0) return found(WGS84, { en: "no coordinates to look at", zh: "没有可供判断的坐标" }, "assumed");
  if (share(positions, inChina) >= 0.9)
    return geographic(input, { en: "longitudes and latitudes in degrees, inside China", zh: "坐标为经纬度,位于中国境内" }, WGS84);
  if (share(positions, ([x, y]) => inChina([y, x])) >= 0.9) {
    return geographic(
      input,
      { en: "latitude comes before longitude (the axes are swapped)", zh: "纬度在前、经度在后(坐标轴对调)" },
      { ...WGS84, swapped: true },
    );
  }
  if (share(positions, ([x, y]) => Math.abs(x) <= 180 && Math.abs(y) <= 90) >= 0.9)
    return found(WGS84, { en: "coordinates in degrees, outside China", zh: "坐标为经纬度,位于中国境外" }, "assumed");
  return projected(input);
}

function geographic(input: DetectionInput, basis: Words, base: Crs): Detection {
  const swapped = base.swapped === true;
  const candidates: Crs[] = [base, { ...GCJ02, swapped }, { ...BD09, swapped }];
  const names = (input.names ?? []).join(" ");
  let unchecked: Words = { en: "no loaded dataset to check against", zh: "没有已加载的数据集可供核对" };
  if (input.evidence) {
    unchecked = { en: "too few features with a known parent unit to check against the dataset", zh: "有上级单位的要素太少,无法与数据集核对" };
    const scores = candidates.map((crs) => ({ crs, share: input.evidence?.(converterTo84(crs)) }));
    const asGiven = scores[0]?.share;
    if (asGiven !== undefined) {
      const best = scores.reduce((top, next) => ((next.share ?? -1) > (top.share ?? -1) ? next : top));
      if (best.crs !== base && (best.share ?? 0) >= 0.5 && (best.share ?? 0) - asGiven >= 0.15) {
        return found(
          best.crs,
          join(basis, {
            en: `${percent(best.share)} of the sampled features fall inside their parent unit once converted from ${best.crs.id}, against ${percent(asGiven)} as given`,
            zh: `按 ${best.crs.id} 转换后,抽样要素有 ${percent(best.share)} 落在其上级单位内,未转换时为 ${percent(asGiven)}`,
          }),
        );
      }
      return found(
        base,
        join(basis, {
          en: `${percent(asGiven)} of the sampled features fall inside their parent unit as given (no conversion does better)`,
          zh: `抽样要素有 ${percent(asGiven)} 按原坐标落在其上级单位内(任何转换都不更好)`,
        }),
      );
    }
  }
  if (BAIDU_HINT.test(names))
    return found({ ...BD09, swapped }, join(basis, { en: "a file or column name says Baidu (百度/BD-09)", zh: "文件名或列名表明为百度坐标(BD-09)" }));
  if (GCJ_HINT.test(names))
    return found({ ...GCJ02, swapped }, join(basis, { en: "a file or column name says GCJ-02 (高德/腾讯)", zh: "文件名或列名表明为高德/腾讯坐标(GCJ-02)" }));
  return found(
    base,
    join(basis, {
      en: `taken as WGS84/CGCS2000. Data copied from 高德/腾讯 (GCJ-02) or 百度 (BD-09) maps looks the same: declare it if so (${unchecked.en})`,
      zh: `按 WGS84/CGCS2000 处理。从高德/腾讯(GCJ-02)或百度(BD-09)地图取得的坐标看起来一样,如是请声明坐标系(${unchecked.zh})`,
    }),
    base === WGS84 && !input.evidence ? "assumed" : "detected",
  );
}

function projected(input: DetectionInput): Detection | Refusal {
  const positions = input.positions;
  const tryAxes = (test: (position: Position2) => boolean) => {
    if (share(positions, test) >= 0.9) return false;
    if (share(positions, ([x, y]) => test([y, x])) >= 0.9) return true;
    return undefined;
  };
  const zonedSwap = tryAxes(zoned);
  if (zonedSwap !== undefined) {
    const easting = zonedSwap ? (positions[0]?.[1] ?? 0) : (positions[0]?.[0] ?? 0);
    const zone = Math.floor(easting / 1e6);
    const epsg = zone <= 23 ? 4491 + zone - 13 : 4513 + zone - 25;
    const crs = gaussKrugerCrs(epsg);
    if (crs && share(positions, (position) => Math.floor((zonedSwap ? position[1] : position[0]) / 1e6) === zone) >= 0.9) {
      const width = zone <= 23 ? "6°" : "3°";
      return found(
        { ...crs, swapped: zonedSwap },
        {
          en: `eastings carry the zone number ${zone} (${width} zone): ${crs.id}${zonedSwap ? " (northing given first, as Chinese surveys write X and Y)" : ""}`,
          zh: `东坐标带有带号 ${zone}(${width} 带):${crs.id}${zonedSwap ? "(北坐标在前,即测绘习惯的 X、Y)" : ""}`,
        },
      );
    }
  }
  const mercatorSwap = tryAxes(mercator);
  if (mercatorSwap !== undefined) {
    const candidates: Crs[] = [
      { ...WEB_MERCATOR, swapped: mercatorSwap },
      { ...BD09MC, swapped: mercatorSwap },
    ];
    const names = (input.names ?? []).join(" ");
    if (input.evidence) {
      const [web = 0, baidu = 0] = candidates.map((crs) => input.evidence?.(converterTo84(crs)) ?? 0);
      if (baidu >= 0.5 && baidu - web >= 0.15) {
        return found(candidates[1] ?? BD09MC, {
          en: `metres that fall in China as Mercator; ${percent(baidu)} of the sampled features fall inside their parent unit as Baidu Mercator, against ${percent(web)} as Web Mercator`,
          zh: `米制坐标按墨卡托投影落在中国境内;按百度墨卡托有 ${percent(baidu)} 的抽样要素落在上级单位内,按 Web 墨卡托为 ${percent(web)}`,
        });
      }
    } else if (BAIDU_HINT.test(names)) {
      return found(candidates[1] ?? BD09MC, {
        en: "metres that fall in China as Mercator, and a file or column name says Baidu",
        zh: "米制坐标按墨卡托投影落在中国境内,且文件名或列名表明为百度",
      });
    }
    return found(candidates[0] ?? WEB_MERCATOR, {
      en: "coordinates in metres that fall in China as Web Mercator (EPSG:3857)",
      zh: "米制坐标按 Web 墨卡托(EPSG:3857)落在中国境内",
    });
  }
  if (tryAxes(plainGk) !== undefined) {
    return refusal({
      en: "eastings between 100,000 and 900,000 m look like Gauss-Krüger without a zone number, so the central meridian cannot be known",
      zh: "东坐标在 100,000 至 900,000 米之间,像是不带带号的高斯-克吕格坐标,无法确定中央经线",
    });
  }
  return refusal({ en: "the numbers are neither degrees nor a projection recognised here", zh: "坐标既不是经纬度,也不是可识别的投影" });
}
