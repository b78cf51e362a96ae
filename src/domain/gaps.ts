// The gap list (缺口清单): every shortfall as one ranked list across kinds. The score is simple
// enough to say out loud: affected households × the kind's weight × how far past the line it is.
// Ranking, filtering and paging the list are in gap-list.ts.
import { rankGaps } from "./gap-list.ts";
import { isOverloaded, streetsWithServingStation, type Thresholds } from "./indicators.ts";
import { isServing, type Bbox, type Model } from "./model.ts";
import type { StationAccess } from "./station-access.ts";

export { compareGaps, filterGaps, gapMatcher, gapPage, rankGaps, type GapFilter, type GapPage } from "./gap-list.ts";

export const GAP_KINDS = [
  "street-no-station",
  "grid-no-worker",
  "grid-overloaded",
  "compound-unassigned",
  "compound-beyond-service",
  "compound-no-party-branch",
  "community-unlocated",
] as const;
export type GapKind = (typeof GAP_KINDS)[number];

/** How much one affected household of each kind weighs in the ranking (docs/metrics.md). */
export const GAP_WEIGHTS: Record<GapKind, number> = {
  "street-no-station": 3,
  "grid-no-worker": 2,
  "grid-overloaded": 1.5,
  "compound-unassigned": 1.5,
  "compound-beyond-service": 1,
  "compound-no-party-branch": 1,
  // A data gap, not a service gap: households nobody can measure reach or coverage for.
  "community-unlocated": 0.5,
};

/** A community's unlocated households become a gap from this many, and this share of its declared ones. */
export const UNLOCATED_GAP = { households: 50, share: 0.1 } as const;

export const SEVERITY_THRESHOLDS = { high: 1500, medium: 400 } as const;
export type Severity = "high" | "medium" | "low";

export interface Gap {
  /** Stable identifier: kind and unit. */
  id: string;
  kind: GapKind;
  level: "street" | "community" | "grid" | "compound";
  unitId: string;
  unitName: string;
  prefectureCode: string;
  districtCode: string;
  streetCode: string;
  communityCode: string | null;
  households: number;
  /** The measured value behind the gap (metres, households per worker), when there is one. */
  value: number | null;
  /** Multiplier for how far past the threshold the unit is (1 when the gap is yes/no). */
  intensity: number;
  score: number;
  severity: Severity;
  reason: string;
  reasonEn: string;
  location: [number, number];
  bbox: Bbox | null;
}

export function severityOf(score: number): Severity {
  if (score >= SEVERITY_THRESHOLDS.high) return "high";
  if (score >= SEVERITY_THRESHOLDS.medium) return "medium";
  return "low";
}

/** 12345.6 -> "12,346". Hand-rolled: Intl formatting costs microseconds per call and gap lists run to 10^5. */
export function formatCount(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
const format = formatCount;

interface Place {
  prefectureCode: string;
  districtCode: string;
  streetCode: string;
  communityCode: string | null;
}

interface UnitRef {
  level: Gap["level"];
  unitId: string;
  unitName: string;
  place: Place;
  location: [number, number];
  bbox: Bbox | null;
}

// One constructor, fields written out: gap lists run to 10^5 items and spreads cost.
function makeGap(kind: GapKind, unit: UnitRef, households: number, value: number | null, intensity: number, reason: string, reasonEn: string): Gap {
  const score = Math.round(households * GAP_WEIGHTS[kind] * intensity * 10) / 10;
  return {
    id: `${kind}:${unit.unitId}`,
    kind,
    level: unit.level,
    unitId: unit.unitId,
    unitName: unit.unitName,
    prefectureCode: unit.place.prefectureCode,
    districtCode: unit.place.districtCode,
    streetCode: unit.place.streetCode,
    communityCode: unit.place.communityCode,
    households,
    value,
    intensity,
    score,
    severity: severityOf(score),
    reason,
    reasonEn,
    location: unit.location,
    bbox: unit.bbox,
  };
}

// Keyed by the communities list, not the model: a what-if model is a new object that shares it.
const placeCache = new WeakMap<readonly unknown[], Place[]>();

/** District, street and community codes of every community, computed once per list of communities. */
function placesOf(model: Model): Place[] {
  let places = placeCache.get(model.communities);
  if (!places) {
    places = model.communities.map((community) => {
      const street = model.streets[community.streetIndex];
      const district = street ? model.districts[street.districtIndex] : undefined;
      const prefecture = district ? model.prefectures[district.prefectureIndex] : undefined;
      return { communityCode: community.code, streetCode: street?.code ?? "", districtCode: district?.code ?? "", prefectureCode: prefecture?.code ?? "" };
    });
    placeCache.set(model.communities, places);
  }
  return places;
}

const NO_PLACE: Place = { communityCode: null, streetCode: "", districtCode: "", prefectureCode: "" };

const householdsCache = new WeakMap<readonly unknown[], Float64Array>();

/** Households of each street: the sum of its communities' households (kept per list of communities; do not write to it). */
export function streetHouseholds(model: Model): Float64Array {
  let households = householdsCache.get(model.communities);
  if (!households) {
    households = new Float64Array(model.streets.length);
    for (const community of model.communities) households[community.streetIndex] = (households[community.streetIndex] ?? 0) + community.households;
    householdsCache.set(model.communities, households);
  }
  return households;
}

/** Why a township in the target has no serving station, in words: none, none staffed, or not open yet. */
function missingStationReason(model: Model, streetIndex: number): [string, string] {
  const own = model.stations.filter((station) => station.level === "街道" && station.streetIndex === streetIndex);
  if (own.length === 0) return ["乡镇(街道)未建社工站(全覆盖目标)", "No social-work station in this township (full-coverage target)"];
  const later = own
    .filter((station) => station.socialWorkers > 0 && station.openedOn > model.asOf)
    .map((station) => station.openedOn)
    .toSorted()[0];
  if (later !== undefined) return [`社工站 ${later} 才启用,数据截至日尚未运行`, `The station only opens on ${later}, after the data date`];
  return ["社工站未配备社工,不计入全覆盖", "The station has no social worker, so it does not count toward full coverage"];
}

/** The street's station gap, or null when it is not in the target or has a serving station. */
export function streetStationGap(model: Model, streetIndex: number, households: number): Gap | null {
  const street = model.streets[streetIndex];
  if (!street || !street.stationTarget) return null;
  const serving = model.stations.some((station) => station.level === "街道" && station.streetIndex === streetIndex && isServing(station, model.asOf));
  if (serving) return null;
  const district = model.districts[street.districtIndex];
  const place = {
    prefectureCode: (district ? model.prefectures[district.prefectureIndex]?.code : undefined) ?? "",
    districtCode: district?.code ?? "",
    streetCode: street.code,
    communityCode: null,
  };
  const unit: UnitRef = {
    level: "street",
    unitId: street.code,
    unitName: street.name,
    place,
    location: [street.longitude, street.latitude],
    bbox: street.bbox,
  };
  const [reason, reasonEn] = missingStationReason(model, streetIndex);
  return makeGap("street-no-station", unit, households, null, 1, reason, reasonEn);
}

/** Households of a community that no residential unit on the map holds, as a data gap. */
export function communityUnlocatedGap(model: Model, communityIndex: number, located: number): Gap | null {
  const community = model.communities[communityIndex];
  if (!community) return null;
  const unlocated = community.households - located;
  if (unlocated < UNLOCATED_GAP.households || unlocated < community.households * UNLOCATED_GAP.share) return null;
  const unit: UnitRef = {
    level: "community",
    unitId: community.code,
    unitName: community.name,
    place: placesOf(model)[communityIndex] ?? NO_PLACE,
    location: [community.longitude, community.latitude],
    bbox: community.bbox,
  };
  const share = Math.round((unlocated / community.households) * 100);
  return makeGap(
    "community-unlocated",
    unit,
    unlocated,
    null,
    1,
    `${format(unlocated)} 户(${share}%)位置未落图,无法测算服务覆盖`,
    `${format(unlocated)} households (${share}%) are not on the map; their reach cannot be measured`,
  );
}

export function gridGaps(model: Model, gridIndex: number, thresholds: Thresholds): Gap[] {
  const grid = model.grids[gridIndex];
  if (!grid) return [];
  const unit: UnitRef = {
    level: "grid",
    unitId: grid.id,
    unitName: grid.name,
    place: placesOf(model)[grid.communityIndex] ?? NO_PLACE,
    location: [grid.longitude, grid.latitude],
    bbox: grid.bbox,
  };
  if (grid.workers === 0) {
    return [
      makeGap(
        "grid-no-worker",
        unit,
        grid.households,
        null,
        1,
        `网格无网格员,涉及 ${format(grid.households)} 户`,
        `Grid has no grid worker; ${format(grid.households)} households`,
      ),
    ];
  }
  if (isOverloaded(grid.households, grid.workers, thresholds)) {
    const perWorker = grid.households / grid.workers;
    return [
      makeGap(
        "grid-overloaded",
        unit,
        grid.households - thresholds.householdsPerWorker * grid.workers,
        Math.round(perWorker),
        1,
        `每名网格员 ${format(perWorker)} 户,超过 ${format(thresholds.householdsPerWorker)} 户标准`,
        `${format(perWorker)} households per worker, above the ${format(thresholds.householdsPerWorker)} standard`,
      ),
    ];
  }
  return [];
}

// Kept per list of residential units (shared by a what-if model): a unit's name, place and
// position do not change, and its up to three gaps share one reference.
const compoundUnits = new WeakMap<readonly unknown[], Array<UnitRef | undefined>>();

function compoundUnit(model: Model, compoundIndex: number): UnitRef | null {
  const compound = model.compounds[compoundIndex];
  if (!compound) return null;
  let units = compoundUnits.get(model.compounds);
  if (!units) compoundUnits.set(model.compounds, (units = []));
  let unit = units[compoundIndex];
  if (!unit) {
    unit = {
      level: "compound",
      unitId: compound.id,
      unitName: compound.name,
      place: placesOf(model)[compound.communityIndex] ?? NO_PLACE,
      location: [compound.longitude, compound.latitude],
      bbox: compound.bbox,
    };
    units[compoundIndex] = unit;
  }
  return unit;
}

/** The station-access gap of one compound, or null when it is within the service distance. */
export function compoundServiceGap(model: Model, compoundIndex: number, distance: number, thresholds: Thresholds): Gap | null {
  if (distance <= thresholds.serviceDistanceMetres) return null;
  const compound = model.compounds[compoundIndex];
  const unit = compoundUnit(model, compoundIndex);
  if (!compound || !unit) return null;
  // Further away weighs more, up to three times the service distance.
  const finite = Number.isFinite(distance);
  const intensity = finite ? Math.min(3, Math.round((distance / thresholds.serviceDistanceMetres) * 100) / 100) : 3;
  const [reason, reasonEn] = serviceReason(finite ? Math.round(distance / 100) : Infinity, thresholds.serviceDistanceMetres);
  return makeGap("compound-beyond-service", unit, compound.households, finite ? Math.round(distance) : null, intensity, reason, reasonEn);
}

const serviceReasons = new Map<number, [string, string]>();

/**
 * The words of a service-distance gap, made once per (distance in tenths of a kilometre, service
 * distance): a province has 10^5 such gaps but a few hundred distinct sentences, and building each
 * anew was most of the gap list's allocation.
 */
function serviceReason(tenthsOfKilometre: number, serviceDistanceMetres: number): [string, string] {
  const key = Number.isFinite(tenthsOfKilometre) ? tenthsOfKilometre * 1e6 + serviceDistanceMetres : -serviceDistanceMetres;
  let found = serviceReasons.get(key);
  if (!found) {
    const kilometres = Number.isFinite(tenthsOfKilometre) ? (tenthsOfKilometre / 10).toFixed(1) : "∞";
    found = [
      `距最近社工站(室)${kilometres} 公里,超出 ${format(serviceDistanceMetres)} 米服务半径`,
      `${kilometres} km from the nearest station, beyond the ${format(serviceDistanceMetres)} m service distance`,
    ];
    serviceReasons.set(key, found);
  }
  return found;
}

/** Gaps of one residential unit that do not depend on stations. An unknown party branch is no gap. */
export function compoundGaps(model: Model, compoundIndex: number): Gap[] {
  const compound = model.compounds[compoundIndex];
  if (!compound || (compound.gridIndex >= 0 && compound.partyBranch !== false)) return [];
  const unit = compoundUnit(model, compoundIndex);
  if (!unit) return [];
  const village = compound.kind === "自然村";
  const gaps: Gap[] = [];
  if (compound.gridIndex < 0) {
    gaps.push(
      village
        ? makeGap("compound-unassigned", unit, compound.households, null, 1, "自然村未划入任何网格", "Natural village belongs to no grid")
        : makeGap("compound-unassigned", unit, compound.households, null, 1, "小区未划入任何网格", "Compound belongs to no grid"),
    );
  }
  if (compound.partyBranch === false) {
    gaps.push(
      village
        ? makeGap("compound-no-party-branch", unit, compound.households, null, 1, "自然村未建党小组或党支部", "Natural village has no party group or branch")
        : makeGap("compound-no-party-branch", unit, compound.households, null, 1, "小区未建党支部", "Compound has no party branch"),
    );
  }
  return gaps;
}

/** Households in residential units, per community. */
export function locatedHouseholds(model: Model): Float64Array {
  const located = new Float64Array(model.communities.length);
  for (const compound of model.compounds) located[compound.communityIndex] = (located[compound.communityIndex] ?? 0) + compound.households;
  return located;
}

export function findGaps(model: Model, access: StationAccess, thresholds: Thresholds): Gap[] {
  // Gathered by kind, each in model order, so that the list is usually in id order already (see rankGaps).
  const byKind = Object.fromEntries(GAP_KINDS.map((kind) => [kind, [] as Gap[]])) as Record<GapKind, Gap[]>;
  const add = (gap: Gap | null) => {
    if (gap) byKind[gap.kind].push(gap);
  };
  const households = streetHouseholds(model);
  const covered = streetsWithServingStation(model);
  model.streets.forEach((_street, index) => {
    if (!covered[index]) add(streetStationGap(model, index, households[index] ?? 0));
  });
  const located = locatedHouseholds(model);
  model.communities.forEach((_community, index) => add(communityUnlocatedGap(model, index, located[index] ?? 0)));
  model.grids.forEach((_grid, index) => {
    for (const gap of gridGaps(model, index, thresholds)) add(gap);
  });
  model.compounds.forEach((_compound, index) => {
    for (const gap of compoundGaps(model, index)) add(gap);
    add(compoundServiceGap(model, index, access.distance[index] ?? Infinity, thresholds));
  });
  return rankGaps(GAP_KINDS.toSorted().flatMap((kind) => byKind[kind]));
}

export function explainScore(gap: Gap): string {
  const intensity = gap.intensity === 1 ? "" : ` × ${gap.intensity}`;
  return `${format(gap.households)} × ${GAP_WEIGHTS[gap.kind]}${intensity} = ${format(gap.score)}`;
}
