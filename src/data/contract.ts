// The data contract (docs/data-contract.md) as zod schemas: the single definition of what a
// dataset file may contain. Everything past src/data trusts these types.
import { z } from "zod";

/** Layer names in drawing order, bottom to top. */
export const LAYER_NAMES = ["districts", "streets", "communities", "grids", "compounds", "stations"] as const;
export type LayerName = (typeof LAYER_NAMES)[number];

const digits = (length: number) =>
  z.string().regex(new RegExp(`^\\d{${length}}$`), `must be a string of ${length} digits`);

export const districtCode = digits(6);
export const streetCode = digits(9);
export const communityCode = digits(12);
const count = z.number().int().nonnegative();
const isoDate = z.iso.date();

export const districtProperties = z.object({
  code: districtCode,
  name: z.string().min(1),
});

export const streetProperties = z.object({
  code: streetCode,
  name: z.string().min(1),
  districtCode,
});

export const PARTY_ORG_TYPES = ["党委", "党总支", "党支部"] as const;
export const COMMUNITY_KINDS = ["居委会", "村委会"] as const;

export const communityProperties = z.object({
  code: communityCode,
  name: z.string().min(1),
  streetCode,
  kind: z.enum(COMMUNITY_KINDS),
  households: count,
  population: count,
  partyOrgType: z.enum(PARTY_ORG_TYPES).nullable(),
  partyMembers: count,
  bigPartyCommittee: z.boolean(),
  dualRegisteredMembers: count,
});

export const compoundProperties = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  communityCode,
  gridId: z.string().min(1).nullable(),
  households: count,
  buildings: count,
  partyBranch: z.boolean(),
  redProperty: z.boolean(),
  ownersCommittee: z.boolean(),
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
});

export const STATION_LEVELS = ["街道", "社区"] as const;

export const stationProperties = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  level: z.enum(STATION_LEVELS),
  streetCode,
  communityCode: communityCode.nullable(),
  socialWorkers: count,
  openedOn: isoDate,
});

export const LAYER_PROPERTIES = {
  districts: districtProperties,
  streets: streetProperties,
  communities: communityProperties,
  grids: gridProperties,
  compounds: compoundProperties,
  stations: stationProperties,
} as const;

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
  districts: "area",
  streets: "area",
  communities: "area",
  grids: "area",
  compounds: "area",
  stations: "point",
} as const satisfies Record<LayerName, "area" | "point">;

export const manifestSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, "must be lower-case letters, digits and dashes"),
  title: z.string().min(1),
  titleEn: z.string().min(1).optional(),
  crs: z.literal("EPSG:4326", { message: 'must be "EPSG:4326" (convert GCJ-02 / BD-09 / projected data first)' }),
  asOf: isoDate,
  synthetic: z.array(z.enum(LAYER_NAMES)),
  sources: z
    .array(z.object({ name: z.string().min(1), licence: z.string().min(1), note: z.string().optional() }))
    .min(1),
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
});
export type Manifest = z.infer<typeof manifestSchema>;
