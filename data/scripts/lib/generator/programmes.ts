/**
 * The programme records of issue #14, synthetic and consistent with the generated units:
 * - dates for the 考核督导 timeline: when a party branch was set up, since when a grid is staffed;
 * - 三社联动: social organisations and volunteers per community, certified social workers per station;
 * - 双报到: units registered with communities, standing in their county's seat, with their members;
 * - the targets file the manifest points to.
 * Each draw comes from its own stream keyed by the unit's id, so adding these records left every
 * figure generated before them unchanged.
 */
import type {
  CommunityProperties,
  CompoundProperties,
  GridProperties,
  RegisteredUnitKind,
  RegisteredUnitProperties,
  StationProperties,
  Target,
} from "../../../../src/data/contract.ts";
import { CONTRACT_VERSION } from "../../../../src/data/contract.ts";
import { createRandom, isoDate, type Random } from "./prng.ts";

type Spans = readonly (readonly [readonly [string, string], number])[];

/** 小区党支部 and 村党小组 were mostly set up in the 2019-2022 campaign. */
const BRANCH_SINCE: Spans = [
  [["2012-01-01", "2018-12-31"], 0.22],
  [["2019-01-01", "2020-12-31"], 0.3],
  [["2021-01-01", "2022-12-31"], 0.3],
  [["2023-01-01", "2026-10-15"], 0.18],
];
const GRID_STAFFED: Spans = [
  [["2018-01-01", "2020-12-31"], 0.45],
  [["2021-01-01", "2023-12-31"], 0.35],
  [["2024-01-01", "2026-10-15"], 0.2],
];
/** 双报到 began in April 2021. */
const REGISTERED: Spans = [
  [["2021-04-01", "2021-12-31"], 0.5],
  [["2022-01-01", "2023-12-31"], 0.3],
  [["2024-01-01", "2026-10-15"], 0.2],
];

const dated = (random: Random, spans: Spans) => {
  const [from, to] = random.weighted(spans);
  return isoDate(random, from, to);
};

export function withBranchDate(properties: CompoundProperties): CompoundProperties {
  if (properties.partyBranch !== true) return properties;
  return { ...properties, partyBranchSince: dated(createRandom(properties.id, "branch-since"), BRANCH_SINCE) };
}

export function withStaffedDate(properties: GridProperties): GridProperties {
  if (properties.workers === 0) return properties;
  return { ...properties, staffedOn: dated(createRandom(properties.id, "staffed-on"), GRID_STAFFED) };
}

/** A few values are left unknown, as in real records. */
const UNKNOWN_RESOURCES = 0.03;

export function withCommunityResources(properties: CommunityProperties): CommunityProperties {
  const random = createRandom(properties.code, "resources");
  const resident = properties.kind === "居委会";
  const organisations = random.chance(resident ? 0.06 : 0.35) ? 0 : resident ? random.int(2, 12) : random.int(1, 4);
  const volunteers = Math.round(properties.population * random.uniform(resident ? 0.02 : 0.005, resident ? 0.07 : 0.03));
  return {
    ...properties,
    socialOrganisations: random.chance(UNKNOWN_RESOURCES) ? null : organisations,
    volunteers: random.chance(UNKNOWN_RESOURCES) ? null : volunteers,
  };
}

export function withCertifiedWorkers(properties: StationProperties): StationProperties {
  const random = createRandom(properties.id, "certified");
  let certified = 0;
  for (let worker = 0; worker < properties.socialWorkers; worker++) if (random.chance(0.55)) certified += 1;
  return { ...properties, certifiedWorkers: random.chance(UNKNOWN_RESOURCES) ? null : certified };
}

const UNIT_KINDS: readonly (readonly [RegisteredUnitKind, number])[] = [
  ["机关", 0.4],
  ["事业单位", 0.3],
  ["国企", 0.15],
  ["两新", 0.15],
];
const UNIT_NAMES: Record<RegisteredUnitKind, readonly string[]> = {
  机关: ["县委组织部", "县财政局", "县民政局", "县人社局", "县住建局", "县卫健局", "县农业农村局", "县司法局", "县市场监管局", "县自然资源局"],
  事业单位: ["县人民医院", "县第一中学", "县疾控中心", "县图书馆", "县职业中学", "县妇幼保健院", "县水务站", "县农技推广中心"],
  国企: ["县供电局", "县自来水公司", "县农村信用社", "县投资集团", "县烟草专卖局"],
  两新: ["县商会", "县律师协会", "县物流公司", "县农业合作社联合社", "县电商产业园"],
};

export interface CommunityForUnits {
  code: string;
  name: string;
  kind: CommunityProperties["kind"];
  dualRegisteredMembers: number;
  bigPartyCommittee: boolean | null;
}

/**
 * Units registered with a community: two to six in a city 社区, none to two in a village; their
 * members are part of the community's registered in-service members (the rest registered alone).
 * They stand around the county seat (`seat`, [longitude, latitude]) within about 3 km.
 */
export function registeredUnitsOf(
  community: CommunityForUnits,
  districtName: string,
  seat: readonly [number, number],
): Array<{ properties: RegisteredUnitProperties; coordinates: [number, number] }> {
  const random = createRandom(community.code, "registered-units");
  const resident = community.kind === "居委会";
  const count = resident
    ? random.int(1, 6)
    : random.weighted([
        [0, 0.35],
        [1, 0.45],
        [2, 0.2],
      ] as const);
  const pool = Math.round(community.dualRegisteredMembers * random.uniform(0.55, 0.85));
  const weights = Array.from({ length: count }, () => random.uniform(0.5, 1.5));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight, index) => {
    const kind = random.weighted(UNIT_KINDS);
    const names = UNIT_NAMES[kind];
    const base = names[random.int(0, names.length - 1)] ?? names[0] ?? "单位";
    const name = `${districtName}${base.startsWith("县") ? base.slice(1) : base}党支部`;
    const angle = random.uniform(0, 2 * Math.PI);
    const reach = random.uniform(0.002, 0.028);
    return {
      properties: {
        id: `${community.code}-U${index + 1}`,
        name,
        kind,
        communityCode: community.code,
        members: Math.round((pool * weight) / Math.max(total, 1e-9)),
        bigPartyCommitteeMember: community.bigPartyCommittee === null ? null : community.bigPartyCommittee && random.chance(0.6),
        registeredOn: dated(random, REGISTERED),
      },
      coordinates: [Number((seat[0] + reach * Math.cos(angle)).toFixed(5)), Number((seat[1] + reach * Math.sin(angle)).toFixed(5))],
    };
  });
}

/** The 考核督导 targets of the source document's programmes, for both demo datasets. */
export const DEMO_TARGETS: Target[] = [
  {
    id: "station-coverage-2021",
    title: "乡镇(街道)社工站全覆盖",
    titleEn: "A staffed 社工站 in every township",
    indicator: "stationCoverage",
    level: "street",
    threshold: 1,
    start: "2020-01-01",
    deadline: "2021-06-30",
  },
  {
    id: "party-branch-2026",
    title: "小区(自然村)党组织覆盖率达80%",
    titleEn: "Party branches in 80% of residential units",
    indicator: "partyBranchCoverage",
    level: "community",
    threshold: 0.8,
    warning: 0.7,
    start: "2019-01-01",
    deadline: "2026-12-31",
  },
  {
    id: "grid-staffing-2025",
    title: "网格员全覆盖",
    titleEn: "A worker in every grid",
    indicator: "gridsWithoutWorker",
    level: "community",
    threshold: 0,
    warning: 1,
    start: "2020-01-01",
    deadline: "2025-12-31",
  },
  {
    id: "dual-registration-2026",
    title: "双报到单位每社区不少于2个",
    titleEn: "Two registered units per community",
    indicator: "registeredUnitsPerCommunity",
    level: "district",
    threshold: 2,
    warning: 1.5,
    start: "2021-04-01",
    deadline: "2026-12-31",
  },
];

export function targetsFileText(): string {
  return `${JSON.stringify({ contract: CONTRACT_VERSION, targets: DEMO_TARGETS }, null, 2)}\n`;
}
