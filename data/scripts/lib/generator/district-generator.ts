/**
 * One district end to end: its land (the district minus lakes), its streets, and everything
 * inside them. Depends only on the seed and this district's sources, which is what lets
 * `--district` regenerate one district and leave every other feature byte-for-byte unchanged.
 */
import type {
  CommunityProperties,
  CompoundProperties,
  DistrictProperties,
  GridProperties,
  StationProperties,
  StreetProperties,
} from "../../../../src/data/contract.ts";
import { subtractAreas } from "../geometry/clip.ts";
import { layOutCommunities } from "./community-layout.ts";
import { generateCommunity } from "./community-generator.ts";
import type { GeneratedFeature } from "../io/generated-feature.ts";
import type { Density } from "./household-plan.ts";
import { bboxesIntersect, bboxOf, toGeometry, type Area, type Point } from "../geometry/polygon.ts";
import { roundArea, roundPoint } from "../geometry/precision.ts";
import { createRandom } from "./prng.ts";
import { areaDomain } from "../geometry/sampling.ts";
import { snapInto } from "../geometry/snap.ts";
import type { SourceCommunity, SourceDistrict, SourceStreet } from "../sources/source-data.ts";
import { nearbyPointInside, streetStation } from "./stations.ts";
import { layOutStreets } from "./street-layout.ts";
import { streetTraits, urbanity, type StationIssue } from "./street-traits.ts";
import type { PrefectureTarget } from "./census-calibration.ts";
import type { UrbanCore } from "./urban-cores.ts";

export interface DistrictJob {
  seed: number;
  district: SourceDistrict;
  /** Water bodies (degrees); the parts inside the district are not land. */
  lakes: readonly Area[];
  streets: readonly SourceStreet[];
  communities: readonly SourceCommunity[];
  core: UrbanCore;
  stationIssues: ReadonlyMap<string, StationIssue>;
  density: Density;
  /** The census calibration of the district's prefecture. */
  target: PrefectureTarget;
  /** The 数据截至 date: planted "late" stations open after it. */
  asOf: string;
}

export interface DistrictOutput {
  districts: GeneratedFeature<DistrictProperties>[];
  streets: GeneratedFeature<StreetProperties>[];
  communities: GeneratedFeature<CommunityProperties>[];
  grids: GeneratedFeature<GridProperties>[];
  compounds: GeneratedFeature<CompoundProperties>[];
  stations: GeneratedFeature<StationProperties>[];
}

/** Districts keep the source precision (6 decimals); synthetic layers are drawn at 5 (about 1 m). */
const DISTRICT_DECIMALS = 6;
const SYNTHETIC_DECIMALS = 5;

export function landOf(district: Area, lakes: readonly Area[]): Area {
  const box = bboxOf(district);
  return lakes.reduce((land, lake) => (bboxesIntersect(box, bboxOf(lake)) ? subtractAreas(land, lake) : land), district);
}

export function generateDistrict(job: DistrictJob): DistrictOutput {
  const { seed, district } = job;
  const output: DistrictOutput = {
    districts: [
      {
        id: district.code,
        properties: { code: district.code, name: district.name, prefectureCode: district.prefectureCode },
        geometry: toGeometry(roundArea(district.area, DISTRICT_DECIMALS)),
      },
    ],
    streets: [],
    communities: [],
    grids: [],
    compounds: [],
    stations: [],
  };
  const land = roundArea(landOf(district.area, job.lakes), SYNTHETIC_DECIMALS);
  const byStreet = new Map<string, SourceCommunity[]>();
  for (const community of job.communities) byStreet.set(community.streetCode, [...(byStreet.get(community.streetCode) ?? []), community]);
  const inputs = job.streets.map((street) => {
    const members = byStreet.get(street.code) ?? [];
    const residents = members.filter((community) => community.kind === "居委会").length;
    return { street, urbanity: urbanity(street.code, street.name, residents / members.length), communities: members.length };
  });
  // The blob's shape is keyed by the core position, so districts sharing Kunming's centre share it.
  const shapeKey = job.core.point.map((value) => value.toFixed(3)).join(",");
  const plans = layOutStreets(createRandom(seed, district.code, "streets"), createRandom(seed, "core-shape", shapeKey), land, job.core, inputs);

  for (const plan of plans) {
    const { street } = plan;
    const area = roundArea(plan.area, SYNTHETIC_DECIMALS);
    if (area.length === 0) throw new Error(`street ${street.code} ${street.name} has an empty outline`);
    const random = createRandom(seed, street.code, "street");
    const core = snapInto(random, plan.core, area, areaDomain(area));
    // Development zones, farms and prisons (其他) are outside the 社工站 target; about half have a station anyway.
    const stationTarget = street.kind !== "其他";
    output.streets.push({
      id: street.code,
      properties: { code: street.code, name: street.name, districtCode: street.districtCode, kind: street.kind, stationTarget },
      geometry: toGeometry(area),
    });
    const traits = streetTraits(seed, street.code, job.stationIssues);
    const hasStation = stationTarget ? traits.station !== "missing" : random.chance(0.5);
    if (hasStation) {
      const point: Point = nearbyPointInside(random, core, 300, area);
      const issue = traits.station === "missing" ? "none" : traits.station;
      output.stations.push({
        id: `${street.code}-S`,
        properties: streetStation(random, street.code, street.name, plan.urban, issue, job.asOf),
        geometry: { type: "Point", coordinates: roundPoint(point, SYNTHETIC_DECIMALS) },
      });
    }
    const members = byStreet.get(street.code) ?? [];
    for (const piece of layOutCommunities(createRandom(seed, street.code, "communities"), area, core, members)) {
      const communityArea = roundArea(piece.area, SYNTHETIC_DECIMALS);
      if (communityArea.length === 0) throw new Error(`community ${piece.community.code} has an empty outline`);
      const communityCore = snapInto(createRandom(seed, piece.community.code, "core"), piece.core, communityArea, areaDomain(communityArea));
      const result = generateCommunity({
        seed,
        community: piece.community,
        area: communityArea,
        core: communityCore,
        urbanStreet: plan.urban,
        traits,
        density: job.density,
        meanHouseholds: piece.community.kind === "居委会" ? job.target.meanUrbanHouseholds : job.target.meanRuralHouseholds,
        residentsPerHousehold: job.target.residentsPerHousehold,
      });
      output.communities.push(result.community);
      output.grids.push(...result.grids);
      output.compounds.push(...result.compounds);
      if (result.room) output.stations.push(result.room);
    }
  }
  return output;
}
