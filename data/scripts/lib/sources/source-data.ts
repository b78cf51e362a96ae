/**
 * Reads the committed extracts of real data (names, codes, county and prefecture outlines, lakes,
 * census) into typed records, checking them on the way in so a broken extract fails here and not
 * deep inside the geometry code.
 *
 * Two layouts: `data/sources/yunnan/` (the whole province, contract v2) and, until that exists,
 * the Kunming-only files in `data/sources/`. A city dataset is the province's sources filtered
 * to one prefecture, so the city and its part of the province are generated from the same data.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import {
  COMMUNITY_KINDS,
  communityCode,
  districtCode,
  prefectureCode,
  STREET_KINDS,
  streetCode,
  streetKindFromCode,
  type StreetKind,
} from "../../../../src/data/contract.ts";
import { parseCsv } from "../io/csv.ts";
import { toArea, type Area } from "../geometry/polygon.ts";

export interface SourcePrefecture {
  code: string;
  name: string;
  /** Union of its counties (degrees, EPSG:4326); null when the extract has no outline. */
  area: Area | null;
}

export interface SourceDistrict {
  code: string;
  name: string;
  prefectureCode: string;
  /** Full county outline, water included (degrees, EPSG:4326). */
  area: Area;
}

export interface SourceStreet {
  code: string;
  name: string;
  /** The polygon county the township lies in (development zones are assigned to one). */
  districtCode: string;
  countyCode: string;
  countyName: string;
  kind: StreetKind;
}

export interface SourceCommunity {
  code: string;
  name: string;
  streetCode: string;
  kind: (typeof COMMUNITY_KINDS)[number];
}

export interface SourceLake {
  name: string;
  nameEn: string;
  area: Area;
}

/** 2020 census (第七次全国人口普查) figures of one prefecture. */
export interface CensusRow {
  code: string;
  name: string;
  /** 常住人口, collective households included. */
  residents: number;
  /** Urban share of residents, 0-1. */
  urbanisation: number;
  /** 家庭户 when published for this prefecture; null when it must be derived. */
  familyHouseholds: number | null;
}

export interface ProvinceCensus {
  code: string;
  familyHouseholds: number;
  personsPerFamilyHousehold: number;
}

export interface Sources {
  prefectures: SourcePrefecture[];
  districts: SourceDistrict[];
  streets: SourceStreet[];
  communities: SourceCommunity[];
  lakes: SourceLake[];
  census: CensusRow[];
  /** The province's own totals (family households), for calibrating prefectures without published ones. */
  province: ProvinceCensus | null;
}

const position = z.array(z.number()).min(2);
const areal = z.union([
  z.object({ type: z.literal("Polygon"), coordinates: z.array(z.array(position)) }),
  z.object({ type: z.literal("MultiPolygon"), coordinates: z.array(z.array(z.array(position))) }),
]);
const collection = <P extends z.ZodType>(properties: P) =>
  z.object({
    type: z.literal("FeatureCollection"),
    features: z.array(z.object({ type: z.literal("Feature"), properties, geometry: areal })),
  });

const lakeFile = collection(z.object({ name: z.string().min(1), nameEn: z.string().min(1) }));
const communityRow = z.object({ code: communityCode, name: z.string().min(1), streetCode, kind: z.enum(COMMUNITY_KINDS) });
const number = z.coerce.number().nonnegative();

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, "utf8"));
}

function readCsv(path: string): Record<string, string>[] {
  return parseCsv(readFileSync(path, "utf8"));
}

function readLakes(path: string): SourceLake[] {
  return lakeFile
    .parse(readJson(path))
    .features.map((feature) => ({ name: feature.properties.name, nameEn: feature.properties.nameEn, area: toArea(feature.geometry) }));
}

/** The Kunming census row, used when only the Kunming extracts exist (yunnan-facts.md). */
const KUNMING_CENSUS: CensusRow = { code: "5301", name: "昆明市", residents: 8_460_088, urbanisation: 0.7967, familyHouseholds: 3_004_398 };

/** The Kunming-only extracts of data/sources/ (contract v1 era). */
function readKunmingSources(directory: string): Sources {
  const districtFile = collection(z.object({ code: districtCode, name: z.string().min(1) }));
  const districts = districtFile.parse(readJson(join(directory, "districts.geojson"))).features.map((feature) => ({
    code: feature.properties.code,
    name: feature.properties.name,
    prefectureCode: feature.properties.code.slice(0, 4),
    area: toArea(feature.geometry),
  }));
  const streetRow = z.object({ code: streetCode, name: z.string().min(1), districtCode, countyCode: districtCode, countyName: z.string().min(1) });
  const streets = z
    .array(streetRow)
    .parse(readCsv(join(directory, "streets.csv")))
    .map((street) => ({ ...street, kind: streetKindFromCode(street.code) }));
  const communities = z.array(communityRow).parse(readCsv(join(directory, "communities.csv")));
  return {
    prefectures: [{ code: "5301", name: "昆明市", area: null }],
    districts,
    streets,
    communities,
    lakes: readLakes(join(directory, "lakes.geojson")),
    census: [KUNMING_CENSUS],
    province: null,
  };
}

/** The province extracts of data/sources/yunnan/ (see data/README.md, "Yunnan province"). */
function readProvinceSources(directory: string): Sources {
  const prefectureFile = collection(z.object({ code: prefectureCode, name: z.string().min(1) }));
  const prefectures = prefectureFile.parse(readJson(join(directory, "prefectures.geojson"))).features.map((feature) => ({
    code: feature.properties.code,
    name: feature.properties.name,
    area: toArea(feature.geometry),
  }));
  const countyFile = collection(z.object({ code: districtCode, name: z.string().min(1), prefectureCode }));
  const districts = countyFile.parse(readJson(join(directory, "counties.geojson"))).features.map((feature) => ({
    code: feature.properties.code,
    name: feature.properties.name,
    prefectureCode: feature.properties.prefectureCode,
    area: toArea(feature.geometry),
  }));
  const countyNames = new Map(districts.map((district) => [district.code, district.name]));
  const townshipRow = z.object({ code: streetCode, name: z.string().min(1), countyCode: districtCode, kind: z.enum(STREET_KINDS) });
  const streets = z
    .array(townshipRow)
    .parse(readCsv(join(directory, "townships.csv")))
    .map((row) => ({
      code: row.code,
      name: row.name,
      districtCode: row.countyCode,
      countyCode: row.countyCode,
      countyName: countyNames.get(row.countyCode) ?? row.countyCode,
      kind: row.kind,
    }));
  const villageRow = z.object({ code: communityCode, name: z.string().min(1), townshipCode: streetCode, kind: z.enum(COMMUNITY_KINDS) });
  const communities = z
    .array(villageRow)
    .parse(readCsv(join(directory, "villages.csv")))
    .map((row) => ({ code: row.code, name: row.name, streetCode: row.townshipCode, kind: row.kind }));
  const households = z
    .array(z.object({ code: z.string().regex(/^\d{2}(\d{2})?$/), familyHouseholds: number, personsPerFamilyHousehold: number }))
    .parse(readCsv(join(directory, "census-households.csv")));
  const published = new Map(households.map((row) => [row.code, row.familyHouseholds]));
  const census = z
    .array(z.object({ code: prefectureCode, name: z.string().min(1), residents: number, urbanisation: number }))
    .parse(readCsv(join(directory, "census.csv")))
    .map((row) => ({
      ...row,
      urbanisation: row.urbanisation > 1 ? row.urbanisation / 100 : row.urbanisation,
      familyHouseholds: published.get(row.code) ?? null,
    }));
  const provinceRow = households.find((row) => row.code.length === 2);
  return {
    prefectures,
    districts,
    streets,
    communities,
    lakes: readLakes(join(directory, "lakes.geojson")),
    census,
    province: provinceRow
      ? { code: provinceRow.code, familyHouseholds: provinceRow.familyHouseholds, personsPerFamilyHousehold: provinceRow.personsPerFamilyHousehold }
      : null,
  };
}

/** The province extracts when they exist, else the Kunming ones. */
export function readSources(directory: string): Sources {
  const province = join(directory, "yunnan");
  const sources = existsSync(join(province, "counties.geojson")) ? readProvinceSources(province) : readKunmingSources(directory);
  checkReferences(sources);
  return sources;
}

/** The sources of some prefectures only: a city dataset is its prefecture's part of the province. */
export function sourcesOf(sources: Sources, prefectureCodes: readonly string[]): Sources {
  const keep = new Set(prefectureCodes);
  const districts = sources.districts.filter((district) => keep.has(district.prefectureCode));
  const districtCodes = new Set(districts.map((district) => district.code));
  const streets = sources.streets.filter((street) => districtCodes.has(street.districtCode));
  const streetCodes = new Set(streets.map((street) => street.code));
  return {
    ...sources,
    prefectures: sources.prefectures.filter((prefecture) => keep.has(prefecture.code)),
    districts,
    streets,
    communities: sources.communities.filter((community) => streetCodes.has(community.streetCode)),
    census: sources.census.filter((row) => keep.has(row.code)),
  };
}

/** Every township must point at a polygon county, every village at a listed township. */
export function checkReferences(sources: Sources): void {
  const districtCodes = new Set(sources.districts.map((district) => district.code));
  const streetCodes = new Set(sources.streets.map((street) => street.code));
  for (const street of sources.streets) {
    if (!districtCodes.has(street.districtCode)) throw new Error(`street ${street.code} names unknown district ${street.districtCode}`);
  }
  for (const community of sources.communities) {
    if (!streetCodes.has(community.streetCode)) throw new Error(`community ${community.code} names unknown street ${community.streetCode}`);
  }
  const streetsWithCommunities = new Set(sources.communities.map((community) => community.streetCode));
  for (const street of sources.streets) {
    if (!streetsWithCommunities.has(street.code)) {
      throw new Error(`street ${street.code} ${street.name} has no communities`);
    }
  }
}
