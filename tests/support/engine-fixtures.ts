// Test-only datasets for the coverage engine: a hand-made fixture whose every indicator can be
// worked out on paper (the tests hold the hand-computed values), a second small fixture for site
// suggestions, and the geometry builders they are made of.
// Everything returned here is deep-frozen, so an engine function that mutates its input throws.
import type { Geometry, MultiPolygon, Point, Polygon, Position } from "geojson";
import type { LayerName, LayerProperties } from "../../src/data/contract.ts";
import { EARTH_RADIUS_METRES } from "../../src/data/earth.ts";
import { deepFreeze } from "./deep-freeze.ts";

export interface FixtureFeature<L extends LayerName> {
  type: "Feature";
  geometry: Geometry | null;
  properties: LayerProperties[L];
}
export type FixtureLayers = { [L in LayerName]: { type: "FeatureCollection"; features: Array<FixtureFeature<L>> } };

/** Degrees of latitude spanned by `metres` along a meridian (the haversine inverse for Δλ = 0). */
export function metresToLatitudeDegrees(metres: number): number {
  return ((metres / EARTH_RADIUS_METRES) * 180) / Math.PI;
}

export function rectangle(west: number, south: number, east: number, north: number): Polygon {
  return {
    type: "Polygon",
    coordinates: [
      [
        [west, south],
        [east, south],
        [east, north],
        [west, north],
        [west, south],
      ],
    ],
  };
}

/** A square of half-side `half` degrees centred on a point: its centroid is that point. */
export function square(longitude: number, latitude: number, half = 0.0005): Polygon {
  return rectangle(longitude - half, latitude - half, longitude + half, latitude + half);
}

export function pointAt(longitude: number, latitude: number): Point {
  return { type: "Point", coordinates: [longitude, latitude] };
}

const feature = <L extends LayerName>(geometry: Geometry | null, properties: LayerProperties[L]): FixtureFeature<L> => ({
  type: "Feature",
  geometry,
  properties,
});
const collection = <L extends LayerName>(features: Array<FixtureFeature<L>>) => ({ type: "FeatureCollection" as const, features });

export const CODES = {
  prefecture: "5301",
  district: "530102",
  streetWest: "530102001",
  streetEast: "530102002",
  /** 翠湖: a plain square community with two grids. */
  communityPlain: "530102001001",
  /** 钱局街: a MultiPolygon (main part with a hole, plus a detached part to the south). */
  communityHoled: "530102001002",
  /** 文庙: the community in the east street, served only by a community-level room. */
  communityEast: "530102002001",
  /** 新村: no compounds, no grids, no households, no party organisation. */
  communityEmpty: "530102002002",
  missingCommunity: "530102002099",
  missingCommunityOfGrid: "530102001099",
  missingStreet: "530102009",
} as const;

/**
 * Station ST1, placed so that the haversine distance from compound K01's centroid (102.7075,
 * 25.023) is exactly 1000 m in floating point: the latitude is the haversine inverse
 * 25.023 − 1000 m / R, and a longitude offset of 8e-9° absorbs the last bits of rounding.
 */
export const STATION_AT_SERVICE_DISTANCE: readonly [number, number] = [102.70750000803599, 25.014006796362757];
/** K02 lies 1001 m due south of ST1. */
const LATITUDE_1001_M_SOUTH = STATION_AT_SERVICE_DISTANCE[1] - metresToLatitudeDegrees(1001);

const holedCommunity: MultiPolygon = {
  type: "MultiPolygon",
  coordinates: [
    [
      rectangle(102.715, 25.0, 102.73, 25.03).coordinates[0] as Position[],
      // The hole, wound the other way round.
      [
        [102.72, 25.01],
        [102.72, 25.015],
        [102.725, 25.015],
        [102.725, 25.01],
        [102.72, 25.01],
      ],
    ],
    rectangle(102.7, 24.99, 102.71, 25.0).coordinates,
  ],
};

type Community = LayerProperties["communities"];
const community = (code: string, name: string, streetCode: string, rest: Omit<Community, "code" | "name" | "streetCode">): Community => ({
  code,
  name,
  streetCode,
  ...rest,
});

type Compound = LayerProperties["compounds"];
interface CompoundSpec {
  id: string;
  at: [number, number];
  communityCode: string;
  gridId: string | null;
  households: number;
  buildings: number;
  flags: "" | `${"B" | ""}${"R" | ""}${"O" | ""}`;
}
const compound = ({ id, at, communityCode, gridId, households, buildings, flags }: CompoundSpec): FixtureFeature<"compounds"> =>
  feature<"compounds">(square(at[0], at[1]), {
    id,
    name: `${id}小区`,
    communityCode,
    gridId,
    households,
    buildings,
    partyBranch: flags.includes("B"),
    redProperty: flags.includes("R"),
    ownersCommittee: flags.includes("O"),
  } satisfies Compound);

const grid = (id: string, communityCode: string, geometry: Polygon, workers: number, households: number, buildingLeaders: number) =>
  feature<"grids">(geometry, { id, name: `${id}网格`, communityCode, workers, households, buildingLeaders, workerName: null });

/**
 * The hand fixture (service distance 1000 m, 500 households per worker):
 *
 *   street 530102001 (west)               street 530102002 (east)
 *   ├─ 翠湖 C11: K01 K02 K03 K04           ├─ 文庙 C21: K08 K09 K10, room ST2
 *   │   grids G11a G11b (+GOUT, drawn in C22 but coded C11)
 *   ├─ 钱局街 C12 (MultiPolygon with hole): K05 K06 K07, grids G12a G12b
 *   └─ station ST1 (street level)        └─ 新村 C22: empty
 *
 * Bad inputs: KX names a missing community; a second K08 is a duplicate; K05 is assigned to grid
 * G21a of another community; K06 lies in C12's hole; GOUT lies outside its community; GX names a
 * missing community; ST3 has no geometry; ST4 names a missing street; ST5 is a polygon and KP a
 * point where the other geometry type is expected. K10's centroid lies exactly
 * on the C21/C22 boundary (counts as inside). K01 is exactly 1000 m from ST1, K02 1001 m.
 */
export function fixtureLayers(): FixtureLayers {
  const layers: FixtureLayers = {
    prefectures: collection([feature<"prefectures">(rectangle(102.7, 24.99, 102.76, 25.03), { code: CODES.prefecture, name: "昆明市" })]),
    districts: collection([feature<"districts">(rectangle(102.7, 24.99, 102.76, 25.03), { code: CODES.district, name: "五华区" })]),
    streets: collection([
      feature<"streets">(rectangle(102.7, 24.99, 102.73, 25.03), { code: CODES.streetWest, name: "华山街道", districtCode: CODES.district }),
      feature<"streets">(rectangle(102.73, 25.0, 102.76, 25.03), { code: CODES.streetEast, name: "护国街道", districtCode: CODES.district }),
    ]),
    communities: collection([
      feature<"communities">(
        rectangle(102.7, 25.0, 102.715, 25.03),
        community(CODES.communityPlain, "翠湖社区", CODES.streetWest, {
          kind: "居委会",
          households: 3000,
          population: 8000,
          partyOrgType: "党委",
          partyMembers: 200,
          bigPartyCommittee: true,
          dualRegisteredMembers: 60,
        }),
      ),
      feature<"communities">(
        holedCommunity,
        community(CODES.communityHoled, "钱局街社区", CODES.streetWest, {
          kind: "居委会",
          households: 1500,
          population: 4000,
          partyOrgType: "党总支",
          partyMembers: 90,
          bigPartyCommittee: false,
          dualRegisteredMembers: 30,
        }),
      ),
      feature<"communities">(
        rectangle(102.73, 25.0, 102.76, 25.02),
        community(CODES.communityEast, "文庙社区", CODES.streetEast, {
          kind: "村委会",
          households: 2000,
          population: 6500,
          partyOrgType: "党支部",
          partyMembers: 70,
          bigPartyCommittee: true,
          dualRegisteredMembers: 10,
        }),
      ),
      feature<"communities">(
        rectangle(102.73, 25.02, 102.76, 25.03),
        community(CODES.communityEmpty, "新村社区", CODES.streetEast, {
          kind: "居委会",
          households: 0,
          population: 0,
          partyOrgType: null,
          partyMembers: 0,
          bigPartyCommittee: false,
          dualRegisteredMembers: 0,
        }),
      ),
    ]),
    grids: collection([
      grid("G11a", CODES.communityPlain, rectangle(102.7, 25.0, 102.715, 25.015), 1, 1500, 2),
      grid("G11b", CODES.communityPlain, rectangle(102.7, 25.015, 102.715, 25.03), 2, 800, 3),
      grid("G12a", CODES.communityHoled, rectangle(102.715, 25.0, 102.73, 25.03), 0, 300, 0),
      grid("G12b", CODES.communityHoled, rectangle(102.7, 24.99, 102.71, 25.0), 1, 150, 1),
      grid("G21a", CODES.communityEast, rectangle(102.73, 25.0, 102.745, 25.02), 1, 450, 2),
      grid("G21b", CODES.communityEast, rectangle(102.745, 25.0, 102.76, 25.02), 1, 500, 0),
      grid("GOUT", CODES.communityPlain, rectangle(102.74, 25.022, 102.75, 25.028), 1, 100, 1),
      grid("GX", CODES.missingCommunityOfGrid, rectangle(102.7, 25.0, 102.705, 25.005), 9, 999, 9),
    ]),
    compounds: collection([
      compound({ id: "K01", at: [102.7075, 25.023], communityCode: CODES.communityPlain, gridId: "G11b", households: 300, buildings: 6, flags: "BRO" }),
      compound({
        id: "K02",
        at: [102.7075, LATITUDE_1001_M_SOUTH],
        communityCode: CODES.communityPlain,
        gridId: "G11a",
        households: 250,
        buildings: 5,
        flags: "BO",
      }),
      compound({ id: "K03", at: [102.7095, 25.016], communityCode: CODES.communityPlain, gridId: "G11b", households: 400, buildings: 10, flags: "" }),
      compound({ id: "K04", at: [102.712, 25.028], communityCode: CODES.communityPlain, gridId: null, households: 120, buildings: 2, flags: "" }),
      compound({ id: "K05", at: [102.722, 25.025], communityCode: CODES.communityHoled, gridId: "G21a", households: 200, buildings: 4, flags: "BR" }),
      compound({ id: "K06", at: [102.7225, 25.0125], communityCode: CODES.communityHoled, gridId: "G12a", households: 80, buildings: 1, flags: "" }),
      compound({ id: "K07", at: [102.705, 24.995], communityCode: CODES.communityHoled, gridId: "G12b", households: 150, buildings: 3, flags: "BO" }),
      compound({ id: "K08", at: [102.742, 25.011], communityCode: CODES.communityEast, gridId: "G21a", households: 400, buildings: 8, flags: "BRO" }),
      compound({ id: "K09", at: [102.755, 25.005], communityCode: CODES.communityEast, gridId: "G21b", households: 600, buildings: 12, flags: "" }),
      compound({ id: "K10", at: [102.75, 25.02], communityCode: CODES.communityEast, gridId: "G21b", households: 100, buildings: 2, flags: "R" }),
      compound({ id: "KX", at: [102.75, 25.01], communityCode: CODES.missingCommunity, gridId: null, households: 9999, buildings: 99, flags: "BRO" }),
      compound({ id: "K08", at: [102.75, 25.012], communityCode: CODES.communityEast, gridId: "G21a", households: 7777, buildings: 77, flags: "BRO" }),
      {
        ...compound({ id: "KP", at: [102.71, 25.01], communityCode: CODES.communityPlain, gridId: "G11a", households: 8888, buildings: 88, flags: "BRO" }),
        geometry: pointAt(102.71, 25.01),
      },
    ]),
    stations: collection([
      feature<"stations">(pointAt(...STATION_AT_SERVICE_DISTANCE), {
        id: "ST1",
        name: "华山街道社工站",
        level: "街道",
        streetCode: CODES.streetWest,
        communityCode: null,
        socialWorkers: 5,
        openedOn: "2021-03-01",
      }),
      feature<"stations">(pointAt(102.74, 25.01), {
        id: "ST2",
        name: "文庙社区社工室",
        level: "社区",
        streetCode: CODES.streetEast,
        communityCode: CODES.communityEast,
        socialWorkers: 2,
        openedOn: "2021-05-01",
      }),
      feature<"stations">(null, {
        id: "ST3",
        name: "护国街道社工站",
        level: "街道",
        streetCode: CODES.streetEast,
        communityCode: null,
        socialWorkers: 4,
        openedOn: "2021-06-01",
      }),
      feature<"stations">(pointAt(102.75, 25.01), {
        id: "ST4",
        name: "无名街道社工站",
        level: "街道",
        streetCode: CODES.missingStreet,
        communityCode: null,
        socialWorkers: 3,
        openedOn: "2021-07-01",
      }),
      feature<"stations">(square(102.755, 25.005), {
        id: "ST5",
        name: "面状社工站",
        level: "街道",
        streetCode: CODES.streetEast,
        communityCode: null,
        socialWorkers: 6,
        openedOn: "2021-08-01",
      }),
    ]),
  };
  return deepFreeze(layers);
}

/**
 * Site-suggestion fixture (service distance 1000 m). One street and community around
 * (102.80, 25.10); station SS covers only compound W2 (5000 households). Uncovered:
 *   M (100) at the centre with N, E, S, W (250 each) 900 m away in the four directions: only a
 *   site at M reaches all five (1100); neighbours are 1273 m or more apart.
 *   V (700) 1500 m east of M: 600 m from E, so a site at E would reach M + E + V (1050 < 1100);
 *   after M's site, V alone is worth 700, not 950.
 *   Z (600) and Y (90) isolated, several kilometres away.
 * Expected greedy picks: M 1100 (5 compounds), V 700, Z 600, Y 90, then nothing is left.
 */
export const SITE_FIXTURE = {
  centre: [102.8, 25.1] as const,
  metresEast: (metres: number) => metres / ((EARTH_RADIUS_METRES * Math.PI) / 180) / Math.cos((25.1 * Math.PI) / 180),
} as const;

export function siteFixtureLayers(): FixtureLayers {
  const [lon, lat] = SITE_FIXTURE.centre;
  const east = SITE_FIXTURE.metresEast;
  const north = metresToLatitudeDegrees;
  const communityCode = "530181001001";
  const spec = (id: string, at: [number, number], households: number): CompoundSpec => ({
    id,
    at,
    communityCode,
    gridId: "SG1",
    households,
    buildings: 1,
    flags: "B",
  });
  const area = rectangle(102.76, 25.06, 102.87, 25.16);
  const layers: FixtureLayers = {
    prefectures: collection([]),
    districts: collection([feature<"districts">(area, { code: "530181", name: "安宁市" })]),
    streets: collection([feature<"streets">(area, { code: "530181001", name: "连然街道", districtCode: "530181" })]),
    communities: collection([
      feature<"communities">(
        area,
        community(communityCode, "示例社区", "530181001", {
          kind: "居委会",
          households: 20_000,
          population: 50_000,
          partyOrgType: "党委",
          partyMembers: 500,
          bigPartyCommittee: true,
          dualRegisteredMembers: 100,
        }),
      ),
    ]),
    grids: collection([grid("SG1", communityCode, area, 10, 4000, 10)]),
    compounds: collection([
      compound(spec("W2", [102.7805, 25.0805], 5000)),
      compound(spec("Y", [lon, lat + north(4400)], 90)),
      compound(spec("N", [lon, lat + north(900)], 250)),
      compound(spec("E", [lon + east(900), lat], 250)),
      compound(spec("V", [lon + east(1500), lat], 700)),
      compound(spec("S", [lon, lat - north(900)], 250)),
      compound(spec("W", [lon - east(900), lat], 250)),
      compound(spec("M", [lon, lat], 100)),
      compound(spec("Z", [lon + east(5000), lat], 600)),
    ]),
    stations: collection([
      feature<"stations">(pointAt(102.78, 25.08), {
        id: "SS",
        name: "连然街道社工站",
        level: "街道",
        streetCode: "530181001",
        communityCode: null,
        socialWorkers: 3,
        openedOn: "2021-01-01",
      }),
    ]),
  };
  return deepFreeze(layers);
}
