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
 * full township code (Kunming's own; elsewhere the NBS kinds and 居委会 shares decide).
 */
const SETTINGS: Readonly<Record<string, StreetSetting>> = {
  "530102008": "edge", // 黑林铺
  "530102009": "edge", // 普吉
  "530102010": "outer", // 西翥
  "530102401": "edge", // 高新区
  "530103007": "edge", // 龙泉
  "530103008": "edge", // 茨坝
  "530103009": "outer", // 双龙
  "530103010": "outer", // 松华
  "530103011": "outer", // 滇源
  "530103012": "outer", // 阿子营
  "530111007": "edge", // 矣六
  "530111008": "edge", // 六甲
  "530111009": "outer", // 大板桥
  "530111010": "edge", // 阿拉
  "530111011": "outer", // 长水
  "530111012": "outer", // 小哨
  "530111402": "edge", // 经开区
  "530112008": "outer", // 碧鸡
  "530112009": "outer", // 海口
  "530112010": "outer", // 团结
  "530112403": "edge", // 滇池度假区
  "530114007": "outer", // 七甸
  "530114008": "edge", // 洛羊
  "530114009": "edge", // 大渔
  "530114010": "edge", // 马金铺
};

export function streetSetting(streetCode: string): StreetSetting {
  return SETTINGS[streetCode] ?? "centre";
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
  /** What is wrong with this street's 社工站, if anything (a gap to find). */
  station: StationIssue;
}

/** none: a staffed, open station; missing: none at all; unstaffed: no social worker; late: opens after the data date. */
export type StationIssue = "none" | "missing" | "unstaffed" | "late";

export const WEAK_PARTY_BRANCH_SHARE = 0.15;
export const LOW_DUAL_REGISTRATION_SHARE = 0.1;

export function streetTraits(seed: number, streetCode: string, stationIssues: ReadonlyMap<string, StationIssue>): StreetTraits {
  return {
    weakPartyBranches: hashUnit(seed, streetCode, "weak-party-branches") < WEAK_PARTY_BRANCH_SHARE,
    lowDualRegistration: hashUnit(seed, streetCode, "low-dual-registration") < LOW_DUAL_REGISTRATION_SHARE,
    station: stationIssues.get(streetCode) ?? "none",
  };
}

/** How many streets of each prefecture get each station problem. */
export const STATION_ISSUES_PER_PREFECTURE = { missing: 5, unstaffed: 2, late: 1 } as const;

/**
 * The streets whose station is missing, unstaffed or not open yet: in each prefecture (first 4
 * code digits) the streets with the lowest hash, in that order. Fixed counts keep the gaps the
 * same size whatever the seed; only `eligible` streets (those in the 社工站 target) are picked.
 */
export function stationIssueStreets(seed: number, eligible: readonly string[], counts = STATION_ISSUES_PER_PREFECTURE): Map<string, StationIssue> {
  const byPrefecture = new Map<string, string[]>();
  for (const code of eligible) {
    const prefix = code.slice(0, 4);
    const list = byPrefecture.get(prefix);
    if (list) list.push(code);
    else byPrefecture.set(prefix, [code]);
  }
  const issues = new Map<string, StationIssue>();
  for (const codes of byPrefecture.values()) {
    const ranked = codes
      .map((code) => ({ code, rank: hashUnit(seed, code, "missing-station") }))
      .toSorted((a, b) => a.rank - b.rank || a.code.localeCompare(b.code));
    let next = 0;
    for (const issue of ["missing", "unstaffed", "late"] as const) {
      for (let index = 0; index < counts[issue]; index += 1) {
        const street = ranked[next++];
        if (street) issues.set(street.code, issue);
      }
    }
  }
  return issues;
}
