/**
 * The province-scale stress set: Kunming's real structure plus copies of it laid out across
 * Yunnan's extent (about 97.5-106.2°E, 21.1-29.2°N) on a grid of slots one Kunming-bbox apart, so
 * copies never overlap. Each copy takes a real Yunnan prefecture code prefix, so every code stays
 * unique and well-formed; names are prefixed with the prefecture so nobody mistakes a copy for
 * the real place. The copies' synthetic geometry is generated afresh (the codes differ, so the
 * seeds differ); only the district outlines and lakes are translated copies.
 */
import type { Area, Point } from "./polygon.ts";
import type { Sources } from "./source-data.ts";

/** Slot size in degrees: Kunming spans about 1.50° of longitude and 2.16° of latitude. */
const SLOT_WIDTH = 1.55;
const SLOT_HEIGHT = 2.2;

export interface ProvinceCopy {
  prefix: string;
  name: string;
  /** Slot offset from Kunming's own position, in slots (east, north). */
  slot: readonly [number, number];
}

/** Kunming sits in slot (0, 0); the rest roughly where the real prefectures lie. */
export const PROVINCE_COPIES: readonly ProvinceCopy[] = [
  { prefix: "5303", name: "曲靖", slot: [1, 0] },
  { prefix: "5304", name: "玉溪", slot: [0, -1] },
  { prefix: "5305", name: "保山", slot: [-3, 0] },
  { prefix: "5306", name: "昭通", slot: [1, 1] },
  { prefix: "5307", name: "丽江", slot: [-1, 1] },
  { prefix: "5308", name: "普洱", slot: [-1, -1] },
  { prefix: "5309", name: "临沧", slot: [-2, -1] },
  { prefix: "5323", name: "楚雄", slot: [-1, 0] },
  { prefix: "5325", name: "红河", slot: [1, -1] },
  { prefix: "5326", name: "文山", slot: [0, 1] },
  { prefix: "5328", name: "西双版纳", slot: [-3, -1] },
  { prefix: "5329", name: "大理", slot: [-2, 0] },
];

export function copyOffset(copy: ProvinceCopy): Point {
  return [copy.slot[0] * SLOT_WIDTH, copy.slot[1] * SLOT_HEIGHT];
}

function translate(area: Area, [dx, dy]: Point): Area {
  return area.map((polygon) => polygon.map((ring) => ring.map(([x, y]) => [(x as number) + dx, (y as number) + dy])));
}

function recode(code: string, prefix: string): string {
  return prefix + code.slice(4);
}

export interface ProvinceSources {
  sources: Sources;
  /** District code → offset (degrees) from the Kunming original, for moving urban cores. */
  offsets: Map<string, Point>;
}

/** Kunming as it is plus every copy, recoded and translated. */
export function provinceSources(kunming: Sources): ProvinceSources {
  const offsets = new Map<string, Point>(kunming.districts.map((district) => [district.code, [0, 0]]));
  const sources: Sources = {
    districts: kunming.districts.slice(),
    streets: kunming.streets.slice(),
    communities: kunming.communities.slice(),
    lakes: kunming.lakes.slice(),
  };
  for (const copy of PROVINCE_COPIES) {
    const offset = copyOffset(copy);
    for (const district of kunming.districts) {
      const code = recode(district.code, copy.prefix);
      offsets.set(code, offset);
      sources.districts.push({ code, name: `${copy.name}·${district.name}`, area: translate(district.area, offset) });
    }
    for (const street of kunming.streets) {
      sources.streets.push({
        ...street,
        code: recode(street.code, copy.prefix),
        districtCode: recode(street.districtCode, copy.prefix),
        countyCode: recode(street.countyCode, copy.prefix),
      });
    }
    for (const community of kunming.communities) {
      sources.communities.push({ ...community, code: recode(community.code, copy.prefix), streetCode: recode(community.streetCode, copy.prefix) });
    }
    for (const lake of kunming.lakes) sources.lakes.push({ ...lake, area: translate(lake.area, offset) });
  }
  return { sources, offsets };
}
