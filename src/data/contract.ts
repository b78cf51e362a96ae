// The data contract (docs/data-contract.md) as zod schemas: the single definition of what a
// dataset file may contain. Everything past src/data trusts these types. Version 2 adds the
// prefecture level, township kinds and the 社工站 target flag, rural residential units (自然村),
// unknown (null) values, and says which layers' attributes are synthetic; version 1 files are
// migrated on read (src/data/migrate.ts).
import { z } from "zod";

export const CONTRACT_VERSION = 2;

/** Layer names in drawing order, bottom to top. */
export const LAYER_NAMES = ["prefectures", "districts", "streets", "communities", "grids", "compounds", "stations"] as const;
export type LayerName = (typeof LAYER_NAMES)[number];

const digits = (length: number) => z.string().regex(new RegExp(`^\\d{${length}}$`), `must be a string of ${length} digits`);

/** Prefecture (州/市): the 4-digit prefix of its counties' codes, e.g. 5301 昆明市. */
export const prefectureCode = digits(4);
/** County level (区/县/县级市), 6 digits; the layer is called `districts` for history's sake. */
export const districtCode = digits(6);
/** Township level (街道/镇/乡 and others), 9 digits; the layer is called `streets`. */
export const streetCode = digits(9);
/** Village level (居委会/村委会), 12 digits. */
export const communityCode = digits(12);
const count = z.number().int().nonnegative();
const isoDate = z.iso.date();
/** true / false, or null when nobody knows: an unknown is shown as unknown and never counted as a gap. */
const known = z.boolean().nullable();

export const prefectureProperties = z.object({
  code: prefectureCode,
  name: z.string().min(1),
});

export const districtProperties = z.object({
  code: districtCode,
  name: z.string().min(1),
  /** Optional: the first four digits of `code` when left out. */
  prefectureCode: prefectureCode.optional(),
});

/** 其他: development zones, 农场, 监狱 and other 政企合一 units (NBS segment 400-599). */
export const STREET_KINDS = ["街道", "镇", "乡", "其他"] as const;
export type StreetKind = (typeof STREET_KINDS)[number];

export const streetProperties = z.object({
  code: streetCode,
  name: z.string().min(1),
  districtCode,
  /** Optional: from the code's township segment when left out (001-099 街道, 100-199 镇, 200-399 乡, else 其他). */
  kind: z.enum(STREET_KINDS).optional(),
  /** Counts toward the 乡镇(街道)社工站 full-coverage target. Optional: true unless kind is 其他. */
  stationTarget: z.boolean().optional(),
});

/** 无: known to have no party organisation. null: not known. */
export const PARTY_ORG_TYPES = ["党委", "党总支", "党支部", "无"] as const;
export const COMMUNITY_KINDS = ["居委会", "村委会"] as const;

export const communityProperties = z.object({
  code: communityCode,
  name: z.string().min(1),
  streetCode,
  kind: z.enum(COMMUNITY_KINDS),
  /** Every household of the community (家庭户), including those no residential unit on the map holds. */
  households: count,
  /** Resident population (常住人口), people in collective households included. */
  population: count,
  partyOrgType: z.enum(PARTY_ORG_TYPES).nullable(),
  partyMembers: count,
  bigPartyCommittee: known,
  dualRegisteredMembers: count,
  /** 三社联动: community social organisations (社区社会组织). Optional; null or left out: not known. */
  socialOrganisations: count.nullable().optional(),
  /** 三社联动: registered volunteers (注册志愿者). Optional; null or left out: not known. */
  volunteers: count.nullable().optional(),
});

/** 小区: an urban residential compound; 自然村: a natural village / 村民小组 of a rural 村委会. */
export const COMPOUND_KINDS = ["小区", "自然村"] as const;
export type CompoundKind = (typeof COMPOUND_KINDS)[number];

export const compoundProperties = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  communityCode,
  /** Optional: 小区 when left out. */
  kind: z.enum(COMPOUND_KINDS).optional(),
  gridId: z.string().min(1).nullable(),
  households: count,
  buildings: count,
  /** 小区: a compound party branch (小区党支部); 自然村: a 党小组 or party branch in the village. */
  partyBranch: known,
  /** 小区 only (红色物业); ignored for 自然村, where there is no property company. */
  redProperty: known,
  /** 小区 only (业委会); ignored for 自然村. */
  ownersCommittee: known,
  /**
   * When the party branch was set up (the 考核督导 timeline). Optional; with partyBranch true and
   * no date, the branch is known to exist on the dataset's asOf date and unknown before it.
   */
  partyBranchSince: isoDate.nullable().optional(),
});

export const gridProperties = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  communityCode,
  workers: count,
  households: count,
  buildingLeaders: count,
  /** Grid worker's name: personal data, masked on public screens. Optional. */
  workerName: z.string().nullable().optional(),
  /**
   * Since when the grid has had its worker(s) (the 考核督导 timeline). Optional; a staffed grid with
   * no date is taken as staffed at every date shown (the count cannot say "unknown").
   */
  staffedOn: isoDate.nullable().optional(),
});

export const STATION_LEVELS = ["街道", "社区"] as const;

export const stationProperties = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  level: z.enum(STATION_LEVELS),
  streetCode,
  communityCode: communityCode.nullable(),
  /** A station with no social worker does not count toward full coverage or serve anyone. */
  socialWorkers: count,
  /** A station opened after the dataset's asOf date is not counted yet. */
  openedOn: isoDate,
  /** 三社联动: of its social workers, those holding the national certificate (持证社工). Optional; null: not known. */
  certifiedWorkers: count.nullable().optional(),
});

export const LAYER_PROPERTIES = {
  prefectures: prefectureProperties,
  districts: districtProperties,
  streets: streetProperties,
  communities: communityProperties,
  grids: gridProperties,
  compounds: compoundProperties,
  stations: stationProperties,
} as const;

export type PrefectureProperties = z.infer<typeof prefectureProperties>;
export type DistrictProperties = z.infer<typeof districtProperties>;
export type StreetProperties = z.infer<typeof streetProperties>;
export type CommunityProperties = z.infer<typeof communityProperties>;
export type CompoundProperties = z.infer<typeof compoundProperties>;
export type GridProperties = z.infer<typeof gridProperties>;
export type StationProperties = z.infer<typeof stationProperties>;

export type LayerProperties = {
  [K in LayerName]: z.infer<(typeof LAYER_PROPERTIES)[K]>;
};

/** Geometry kind each layer must carry. */
export const LAYER_GEOMETRY = {
  prefectures: "area",
  districts: "area",
  streets: "area",
  communities: "area",
  grids: "area",
  compounds: "area",
  stations: "point",
} as const satisfies Record<LayerName, "area" | "point">;

/** The township kind the NBS code rule gives (统计用区划代码: the 3-digit township segment). */
export function streetKindFromCode(code: string): StreetKind {
  const segment = Number(code.slice(6, 9));
  if (segment >= 1 && segment <= 99) return "街道";
  if (segment >= 100 && segment <= 199) return "镇";
  if (segment >= 200 && segment <= 399) return "乡";
  return "其他";
}

/** The area a dataset covers, for headings ("云南省", "昆明市"). */
export const AREA_LEVELS = ["province", "prefecture", "county", "township"] as const;

export const manifestSchema = z.object({
  /** Contract version; 2 for this schema (version 1 files are migrated on read). */
  contract: z.literal(CONTRACT_VERSION),
  id: z.string().regex(/^[a-z0-9-]+$/, "must be lower-case letters, digits and dashes"),
  title: z.string().min(1),
  titleEn: z.string().min(1).optional(),
  /** The area covered, named on headings and exports. */
  area: z.object({
    name: z.string().min(1),
    nameEn: z.string().min(1).optional(),
    level: z.enum(AREA_LEVELS),
    /** The area's code (2 digits for a province, 4 for a prefecture, 6 for a county, 9 for a township). */
    code: z
      .string()
      .regex(/^\d{2}(\d{2}(\d{2}(\d{3})?)?)?$/, "must be a 2-, 4-, 6- or 9-digit code")
      .optional(),
  }),
  crs: z.literal("EPSG:4326", { message: 'must be "EPSG:4326" (convert GCJ-02 / BD-09 / projected data first)' }),
  asOf: isoDate,
  /** Which layers are invented: their geometry, their attributes, or both. The UI and every export say so. */
  synthetic: z.object({
    geometry: z.array(z.enum(LAYER_NAMES)),
    attributes: z.array(z.enum(LAYER_NAMES)),
  }),
  sources: z.array(z.object({ name: z.string().min(1), licence: z.string().min(1), note: z.string().optional() })).min(1),
  /** Layer name → file path relative to the manifest. A dataset may omit layers; the app shows them as empty. */
  layers: z.partialRecord(z.enum(LAYER_NAMES), z.string().min(1)),
  /** [west, south, east, north] in degrees (EPSG:4326); the initial camera. */
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
  /** Map credit / 审图号 line printed on screen and on every export. */
  credit: z.string().optional(),
  /**
   * Large datasets: a PMTiles archive (relative path) with one tile layer per contract layer. When
   * present the browser draws from it and does not load the GeoJSON layers.
   */
  tiles: z.string().min(1).optional(),
  /** With `tiles`: the engine's indicators per unit, computed when the tiles were built. */
  indicators: z.string().min(1).optional(),
  /** With `tiles`: the attribute table (src/data/columnar.ts) the engine works from instead of the layer files. */
  attributes: z.string().min(1).optional(),
  /** 考核督导: the targets file (targetsFileSchema), relative to the manifest. */
  targets: z.string().min(1).optional(),
  /** 双报到 / 大党委: the registered-units file (registeredUnitsSchema), relative to the manifest. */
  registeredUnits: z.string().min(1).optional(),
  /** Set on read, never in a file: what was assumed while reading it (an older contract version). */
  notes: z.array(z.string()).optional(),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** Levels a target can assess: every unit of the level (in the dataset's area) gets a status. */
export const TARGET_LEVELS = ["prefecture", "district", "street", "community"] as const;
export type TargetLevel = (typeof TARGET_LEVELS)[number];

/**
 * 考核督导: one target. `indicator` is an id of the indicator registry; a unit meets the target when
 * its value reaches `threshold` in the indicator's better direction, is warned (预警) when it reaches
 * `warning` but not the threshold, and misses it (未达标) otherwise.
 */
export const targetSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, "must be lower-case letters, digits and dashes"),
  title: z.string().min(1),
  titleEn: z.string().min(1).optional(),
  indicator: z.string().min(1),
  level: z.enum(TARGET_LEVELS),
  threshold: z.number().finite(),
  /** Optional: by default a tenth of the threshold short of it (a share: 10 points). */
  warning: z.number().finite().optional(),
  /** When the programme began: the progress curve starts here. */
  start: isoDate,
  deadline: isoDate,
});
export type Target = z.infer<typeof targetSchema>;

export const targetsFileSchema = z.object({
  contract: z.literal(CONTRACT_VERSION),
  targets: z.array(targetSchema).min(1),
});

/** 双报到 unit kinds: party and government organs, public institutions, state-owned enterprises, 两新 organisations. */
export const REGISTERED_UNIT_KINDS = ["机关", "事业单位", "国企", "两新"] as const;
export type RegisteredUnitKind = (typeof REGISTERED_UNIT_KINDS)[number];

/** 双报到: a unit's party organisation registered with a community, where it stands and who it sends. */
export const registeredUnitProperties = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(REGISTERED_UNIT_KINDS),
  /** The community it registered with (报到社区). */
  communityCode,
  /** Its in-service party members registered in that community. */
  members: count,
  /** A member unit of the community's 大党委 (联建共建). null: not known. */
  bigPartyCommitteeMember: known,
  /** When it registered. Optional. */
  registeredOn: isoDate.nullable().optional(),
});
export type RegisteredUnitProperties = z.infer<typeof registeredUnitProperties>;

/** The registered-units file: a GeoJSON FeatureCollection of points (the unit's own address). */
export const registeredUnitFeature = z.object({
  type: z.literal("Feature"),
  geometry: z.object({ type: z.literal("Point"), coordinates: z.tuple([z.number().finite(), z.number().finite()]).rest(z.number()) }),
  properties: registeredUnitProperties,
});
