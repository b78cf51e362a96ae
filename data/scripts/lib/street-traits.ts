/**
 * Per-street character that ties attributes together and plants the gaps the demo is meant to
 * reveal: streets where compound party branches are weak, streets with notably low 双报到
 * registration, and streets with no social-work station yet. Traits come from hashes of the seed
 * and the street code alone, so a street keeps its character when another district is regenerated.
 */
import { hashUnit } from "./prng.ts";

export type StreetSetting = "centre" | "edge" | "outer";

/**
 * Kunming's city-district streets that are in reality peripheral (edge) or largely rural hills
 * and farmland (outer), even though the 2023 codes list only 居委会 for most of them. Keyed by the
 * code without its 4-digit prefecture prefix so province-scale copies inherit it.
 */
const SETTINGS: Readonly<Record<string, StreetSetting>> = {
  "02008": "edge", // 黑林铺
  "02009": "edge", // 普吉
  "02010": "outer", // 西翥
  "02401": "edge", // 高新区
  "03007": "edge", // 龙泉
  "03008": "edge", // 茨坝
  "03009": "outer", // 双龙
  "03010": "outer", // 松华
  "03011": "outer", // 滇源
  "03012": "outer", // 阿子营
  "11007": "edge", // 矣六
  "11008": "edge", // 六甲
  "11009": "outer", // 大板桥
  "11010": "edge", // 阿拉
  "11011": "outer", // 长水
  "11012": "outer", // 小哨
  "11402": "edge", // 经开区
  "12008": "outer", // 碧鸡
  "12009": "outer", // 海口
  "12010": "outer", // 团结
  "12403": "edge", // 滇池度假区
  "14007": "outer", // 七甸
  "14008": "edge", // 洛羊
  "14009": "edge", // 大渔
  "14010": "edge", // 马金铺
};

export function streetSetting(streetCode: string): StreetSetting {
  return SETTINGS[streetCode.slice(4)] ?? "centre";
}

/**
 * 0 (countryside) to 1 (city centre): the share of 居委会 among the street's communities, lowered
 * for known peripheral streets and for towns and townships (镇/乡). Streets at 0.5 or above count
 * as urban for layout and density.
 */
export function urbanity(streetCode: string, streetName: string, residentShare: number): number {
  const setting = streetSetting(streetCode);
  const settingPenalty = setting === "outer" ? 0.7 : setting === "edge" ? 0.25 : 0;
  const townPenalty = /[镇乡]$/.test(streetName) ? 0.15 : 0;
  return Math.max(0, residentShare - settingPenalty - townPenalty);
}

export interface StreetTraits {
  /** Compound party branches are rare here (a gap to find). */
  weakPartyBranches: boolean;
  /** 双报到 registration is notably low here (a gap to find). */
  lowDualRegistration: boolean;
  /** This street has no social-work station yet (a gap to find). */
  missingStation: boolean;
}

export const WEAK_PARTY_BRANCH_SHARE = 0.15;
export const LOW_DUAL_REGISTRATION_SHARE = 0.1;

export function streetTraits(seed: number, streetCode: string, missingStations: ReadonlySet<string>): StreetTraits {
  return {
    weakPartyBranches: hashUnit(seed, streetCode, "weak-party-branches") < WEAK_PARTY_BRANCH_SHARE,
    lowDualRegistration: hashUnit(seed, streetCode, "low-dual-registration") < LOW_DUAL_REGISTRATION_SHARE,
    missingStation: missingStations.has(streetCode),
  };
}

/**
 * The streets without a station: in each prefecture (first 4 code digits) the `perPrefecture`
 * streets with the lowest hash. A fixed count keeps the gap the same size whatever the seed.
 */
export function missingStationStreets(seed: number, streetCodes: readonly string[], perPrefecture = 5): Set<string> {
  const byPrefecture = new Map<string, string[]>();
  for (const code of streetCodes) {
    const prefix = code.slice(0, 4);
    byPrefecture.set(prefix, [...(byPrefecture.get(prefix) ?? []), code]);
  }
  const missing = new Set<string>();
  for (const codes of byPrefecture.values()) {
    const ranked = codes
      .map((code) => ({ code, rank: hashUnit(seed, code, "missing-station") }))
      .toSorted((a, b) => a.rank - b.rank || a.code.localeCompare(b.code));
    for (const { code } of ranked.slice(0, perPrefecture)) missing.add(code);
  }
  return missing;
}
