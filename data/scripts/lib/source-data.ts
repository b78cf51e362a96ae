/**
 * Reads the committed extracts in data/sources/ (real names, codes and district outlines) into
 * typed records, checking them on the way in so a broken extract fails here and not deep inside
 * the geometry code.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { COMMUNITY_KINDS, communityCode, districtCode, streetCode } from "../../../src/data/contract.ts";
import { parseCsv } from "./csv.ts";
import { toArea, type Area } from "./polygon.ts";

export interface SourceDistrict {
  code: string;
  name: string;
  /** Full district outline, water included (degrees, EPSG:4326). */
  area: Area;
}

export interface SourceStreet {
  code: string;
  name: string;
  /** The polygon district the street lies in (development zones are assigned to one). */
  districtCode: string;
  countyCode: string;
  countyName: string;
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

export interface Sources {
  districts: SourceDistrict[];
  streets: SourceStreet[];
  communities: SourceCommunity[];
  lakes: SourceLake[];
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

const districtFile = collection(z.object({ code: districtCode, name: z.string().min(1) }));
const lakeFile = collection(z.object({ name: z.string().min(1), nameEn: z.string().min(1) }));
const streetRow = z.object({
  code: streetCode,
  name: z.string().min(1),
  districtCode,
  countyCode: districtCode,
  countyName: z.string().min(1),
});
const communityRow = z.object({ code: communityCode, name: z.string().min(1), streetCode, kind: z.enum(COMMUNITY_KINDS) });

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, "utf8"));
}

export function readSources(directory: string): Sources {
  const districts = districtFile.parse(readJson(join(directory, "districts.geojson"))).features.map((feature) => ({
    code: feature.properties.code,
    name: feature.properties.name,
    area: toArea(feature.geometry),
  }));
  const lakes = lakeFile.parse(readJson(join(directory, "lakes.geojson"))).features.map((feature) => ({
    name: feature.properties.name,
    nameEn: feature.properties.nameEn,
    area: toArea(feature.geometry),
  }));
  const streets = z.array(streetRow).parse(parseCsv(readFileSync(join(directory, "streets.csv"), "utf8")));
  const communities = z.array(communityRow).parse(parseCsv(readFileSync(join(directory, "communities.csv"), "utf8")));
  checkReferences({ districts, streets, communities, lakes });
  return { districts, streets, communities, lakes };
}

/** Every street must point at a polygon district, every community at a listed street. */
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
