// Helpers for the engine's tests: seeded randomness, expected totals written as short lists,
// units looked up by code or id, naive reference computations and the roll-up consistency check,
// and random what-if edits.
import { mulberry32 } from "../../src/domain/random.ts";
import { pointInPolygon } from "../../src/domain/geo.ts";
import { TOTAL_FIELDS, type Rollup, type Thresholds, type TotalField, type Totals } from "../../src/domain/indicators.ts";
import { isServing, type Model, type StationRow } from "../../src/domain/model.ts";
import type { StationAccess } from "../../src/domain/station-access.ts";
import type { StationEdit } from "../../src/domain/what-if.ts";

/** Property tests are reproducible from their seed. */
export const seededRandom = mulberry32;

/** Totals with every field zero except those given: expected values read as a short list. */
export function totalsWith(nonZero: Partial<Totals>): Totals {
  const totals = Object.fromEntries(TOTAL_FIELDS.map((field) => [field, 0])) as Totals;
  return { ...totals, ...nonZero };
}

/** Index of the row with this code (areas) or id (everything else); throws when there is none. */
export function indexOf(rows: ReadonlyArray<{ code?: string; id?: string }>, key: string): number {
  const index = rows.findIndex((row) => (row.code ?? row.id) === key);
  if (index < 0) throw new Error(`no row ${key}`);
  return index;
}

/** A compound's index and the totals of a community, street or grid, by code or id. */
export function unitLookups(model: Model, rollup: Rollup) {
  return {
    compoundIndex: (id: string) => indexOf(model.compounds, id),
    communityTotals: (code: string) => rollup.communities[indexOf(model.communities, code)] as Totals,
    streetTotals: (code: string) => rollup.streets[indexOf(model.streets, code)] as Totals,
    gridTotals: (id: string) => rollup.grids[indexOf(model.grids, id)] as Totals,
  };
}

/** Index of the first unit whose polygon contains the point (edges count), or -1. */
export function locateNaively(units: ReadonlyArray<{ geometry: Parameters<typeof pointInPolygon>[2] }>, longitude: number, latitude: number): number {
  return units.findIndex((unit) => pointInPolygon(longitude, latitude, unit.geometry));
}

const GRID_FIELDS = ["grids", "workers", "gridHouseholds", "buildingLeaders", "gridsWithoutWorker", "overloadedGrids", "gridsWithoutBuildingLeaders"] as const;
const COMPOUND_FIELDS = [
  "compounds",
  "estates",
  "naturalVillages",
  "compoundHouseholds",
  "buildings",
  "partyBranchKnown",
  "partyBranchKnownHouseholds",
  "compoundsWithPartyBranch",
  "householdsWithPartyBranch",
  "redPropertyKnown",
  "redPropertyCompounds",
  "ownersCommitteeKnown",
  "ownersCommitteeCompounds",
  "unassignedCompounds",
  "unassignedHouseholds",
  "stationAccessHouseholds",
  "compoundsBeyondService",
] as const;
/** Fields a street holds of its own, besides what its communities bring. */
const STREET_OWN_FIELDS = [
  "streets",
  "targetStreets",
  "targetStreetsCovered",
  "streetsWithoutStation",
  "stations",
  "servingStations",
  "rooms",
  "socialWorkers",
  "certifiedKnownWorkers",
  "certifiedWorkers",
] as const;

const sumOf = (list: readonly Totals[], field: TotalField) => list.reduce((sum, totals) => sum + totals[field], 0);
const childrenOf = <T>(rows: readonly T[], parentOf: (row: T) => number, totals: readonly Totals[], parent: number) =>
  totals.filter((_totals, index) => parentOf(rows[index] as T) === parent);

/**
 * Every way the roll-up can disagree with "children sum to parents", as readable lines; an empty
 * list means consistent. Grids do not partition a community (compounds in no grid count only in
 * the community), so that level is checked against grids plus the community's unassigned
 * compounds, recomputed from the model rows.
 */
export function rollupInconsistencies(model: Model, access: StationAccess, thresholds: Thresholds, rollup: Rollup): string[] {
  const found: string[] = [];
  const check = (label: string, field: TotalField, actual: number | undefined, expected: number) => {
    if (actual !== expected) found.push(`${label} ${field}: ${actual} but children give ${expected}`);
  };

  if (rollup.districts.length !== model.districts.length || rollup.streets.length !== model.streets.length) found.push("unit counts differ");
  if (rollup.communities.length !== model.communities.length || rollup.grids.length !== model.grids.length) found.push("unit counts differ");

  for (const field of TOTAL_FIELDS) check("city", field, rollup.city[field], sumOf(rollup.prefectures, field));
  model.prefectures.forEach((prefecture, prefectureIndex) => {
    const districts = childrenOf(model.districts, (row) => row.prefectureIndex, rollup.districts, prefectureIndex);
    for (const field of TOTAL_FIELDS) check(`prefecture ${prefecture.code}`, field, rollup.prefectures[prefectureIndex]?.[field], sumOf(districts, field));
  });
  model.districts.forEach((district, districtIndex) => {
    const streets = childrenOf(model.streets, (row) => row.districtIndex, rollup.streets, districtIndex);
    for (const field of TOTAL_FIELDS) check(`district ${district.code}`, field, rollup.districts[districtIndex]?.[field], sumOf(streets, field));
  });

  model.streets.forEach((street, streetIndex) => {
    const totals = rollup.streets[streetIndex];
    const communities = childrenOf(model.communities, (row) => row.streetIndex, rollup.communities, streetIndex);
    const own = totalsWith({ streets: 1 });
    for (const station of model.stations) {
      if (station.streetIndex !== streetIndex || (station.level === "社区" && station.communityIndex >= 0)) continue;
      if (station.level === "街道") {
        own.stations += 1;
        if (isServing(station, model.asOf)) own.servingStations += 1;
      } else own.rooms += 1;
      own.socialWorkers += station.socialWorkers;
      const certified = station.certifiedWorkers ?? null;
      if (certified !== null)
        [own.certifiedKnownWorkers, own.certifiedWorkers] = [
          own.certifiedKnownWorkers + station.socialWorkers,
          own.certifiedWorkers + Math.min(certified, station.socialWorkers),
        ];
    }
    own.targetStreets = street.stationTarget ? 1 : 0;
    own.targetStreetsCovered = street.stationTarget && own.servingStations > 0 ? 1 : 0;
    own.streetsWithoutStation = street.stationTarget && own.servingStations === 0 ? 1 : 0;
    for (const field of TOTAL_FIELDS) {
      const ownPart = (STREET_OWN_FIELDS as readonly string[]).includes(field) ? own[field] : 0;
      check(`street ${street.code}`, field, totals?.[field], sumOf(communities, field) + ownPart);
    }
  });

  model.communities.forEach((communityRow, communityIndex) => {
    const totals = rollup.communities[communityIndex];
    const grids = childrenOf(model.grids, (row) => row.communityIndex, rollup.grids, communityIndex);
    const outside = totalsWith({});
    model.compounds.forEach((row, compoundIndex) => {
      if (row.communityIndex !== communityIndex || row.gridIndex >= 0) return;
      const served = (access.distance[compoundIndex] ?? Infinity) <= thresholds.serviceDistanceMetres;
      outside.compounds += 1;
      outside.estates += row.kind === "小区" ? 1 : 0;
      outside.naturalVillages += row.kind === "自然村" ? 1 : 0;
      outside.compoundHouseholds += row.households;
      outside.buildings += row.buildings;
      outside.partyBranchKnown += row.partyBranch === null ? 0 : 1;
      outside.partyBranchKnownHouseholds += row.partyBranch === null ? 0 : row.households;
      outside.compoundsWithPartyBranch += row.partyBranch ? 1 : 0;
      outside.householdsWithPartyBranch += row.partyBranch ? row.households : 0;
      outside.redPropertyKnown += row.redProperty === null ? 0 : 1;
      outside.redPropertyCompounds += row.redProperty ? 1 : 0;
      outside.ownersCommitteeKnown += row.ownersCommittee === null ? 0 : 1;
      outside.ownersCommitteeCompounds += row.ownersCommittee ? 1 : 0;
      outside.unassignedCompounds += 1;
      outside.unassignedHouseholds += row.households;
      outside.stationAccessHouseholds += served ? row.households : 0;
      outside.compoundsBeyondService += served ? 0 : 1;
    });
    for (const field of GRID_FIELDS) check(`community ${communityRow.code}`, field, totals?.[field], sumOf(grids, field));
    for (const field of COMPOUND_FIELDS) check(`community ${communityRow.code}`, field, totals?.[field], sumOf(grids, field) + outside[field]);
  });
  return found;
}

/**
 * Random edits on the stations alive at each step. Moves and removals prefer stations already
 * touched in the same scenario, so "move an added station" and "remove a moved one" are common.
 */
export function randomStationEdits(
  random: () => number,
  stations: readonly StationRow[],
  count: number,
  somewhere: () => [number, number],
  tag: string,
): StationEdit[] {
  const alive = stations.map((row) => row.id);
  const touched: string[] = [];
  const edits: StationEdit[] = [];
  const pick = () => {
    const pool = touched.length > 0 && random() < 0.6 ? touched : alive;
    return pool[Math.floor(random() * pool.length)] as string;
  };
  for (let step = 0; step < count; step += 1) {
    const roll = random();
    if (alive.length === 0 || roll < 0.4) {
      const id = `${tag}-${step}`;
      const [longitude, latitude] = somewhere();
      edits.push({ type: "add", id, longitude, latitude, level: random() < 0.5 ? "街道" : "社区", socialWorkers: Math.floor(random() * 6) });
      alive.push(id);
      touched.push(id);
    } else if (roll < 0.7) {
      const id = pick();
      const [longitude, latitude] = somewhere();
      edits.push({ type: "move", id, longitude, latitude });
      touched.push(id);
    } else {
      const id = pick();
      edits.push({ type: "remove", id });
      alive.splice(alive.indexOf(id), 1);
      touched.splice(0, touched.length, ...touched.filter((other) => other !== id));
    }
  }
  return edits;
}
