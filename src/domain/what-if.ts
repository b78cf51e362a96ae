// What-if planning: add, move or remove stations, or change thresholds, and get a new analysis.
// Station edits with unchanged thresholds are applied incrementally: only compounds whose nearest
// station changed, and only the streets whose stations changed, are recomputed.
import { analyzeModel, withLazyGaps, type Analysis } from "./analysis.ts";
import { compareGaps, compoundServiceGap, streetHouseholds, streetStationGap, type Gap } from "./gaps.ts";
import { indicatorsOf, type Indicators, type Rollup, type Thresholds, type TotalField, type Totals } from "./indicators.ts";
import { isServing, type Model, type StationRow } from "./model.ts";
import { withStationAdded, withStationsRemoved, type StationAccess } from "./station-access.ts";
import { locatorsOf } from "./street-locator.ts";

export type StationEdit =
  | { type: "add"; id: string; longitude: number; latitude: number; name?: string; level?: StationRow["level"]; socialWorkers?: number }
  | { type: "move"; id: string; longitude: number; latitude: number }
  | { type: "remove"; id: string };

export interface Scenario {
  edits: readonly StationEdit[];
  thresholds?: Partial<Thresholds>;
}

export class ScenarioError extends Error {
  override name = "ScenarioError";
}

interface StationChange {
  stations: StationRow[];
  access: StationAccess;
  /** Rows that left their old place (removed or moved), as they were. */
  departed: StationRow[];
  /** Rows at a new place (added or moved), as they are now. */
  arrived: StationRow[];
}

function placeStation(model: Model, row: StationRow, longitude: number, latitude: number): StationRow {
  const { streets, communities } = locatorsOf(model);
  const communityIndex = row.level === "社区" ? communities.locate(longitude, latitude) : -1;
  return { ...row, longitude, latitude, streetIndex: streets.locate(longitude, latitude), communityIndex };
}

const stationIndexes = new WeakMap<readonly StationRow[], Map<string, number>>();

/** Station indexes by id, built once per station list. */
function stationIndexOf(stations: readonly StationRow[]): Map<string, number> {
  let found = stationIndexes.get(stations);
  if (!found) stationIndexes.set(stations, (found = new Map(stations.map((row, index) => [row.id, index]))));
  return found;
}

function editStations(base: Analysis, edits: readonly StationEdit[]): StationChange {
  const { model } = base;
  const byId = stationIndexOf(model.stations);
  const departedIndexes = new Set<number>();
  const arrived = new Map<string, StationRow>();
  for (const edit of edits) {
    const baseIndex = byId.get(edit.id);
    const exists = arrived.has(edit.id) || (baseIndex !== undefined && !departedIndexes.has(baseIndex));
    if (edit.type !== "remove" && (!Number.isFinite(edit.longitude) || !Number.isFinite(edit.latitude))) {
      throw new ScenarioError(`station ${edit.id}: coordinates must be finite numbers`);
    }
    if (edit.type === "add") {
      if (exists) throw new ScenarioError(`station ${edit.id} already exists`);
      const row: StationRow = {
        id: edit.id,
        name: edit.name ?? edit.id,
        level: edit.level ?? "街道",
        socialWorkers: edit.socialWorkers ?? 0,
        openedOn: model.asOf,
        longitude: edit.longitude,
        latitude: edit.latitude,
        streetIndex: -1,
        communityIndex: -1,
        planned: true,
      };
      arrived.set(edit.id, placeStation(model, row, edit.longitude, edit.latitude));
      continue;
    }
    if (!exists) throw new ScenarioError(`station ${edit.id} does not exist`);
    const current = arrived.get(edit.id) ?? (model.stations[baseIndex as number] as StationRow);
    if (baseIndex !== undefined) departedIndexes.add(baseIndex);
    if (edit.type === "remove") arrived.delete(edit.id);
    else arrived.set(edit.id, placeStation(model, current, edit.longitude, edit.latitude));
  }

  const isDeparted = (index: number) => departedIndexes.has(index);
  const serves = (index: number) => isServing(model.stations[index] as StationRow, model.asOf);
  let access = departedIndexes.size > 0 ? withStationsRemoved(base.access, model.compounds, model.stations, isDeparted, serves) : base.access;
  const arrivedRows = [...arrived.values()];
  arrivedRows.forEach((row, offset) => {
    // A moved station that never served (unstaffed, not open) still serves nobody at its new place.
    if (isServing(row, model.asOf)) access = withStationAdded(access, model.compounds, row, model.stations.length + offset);
  });

  // Final list: kept rows in their order, then arrivals; nearest-station indexes follow suit.
  const finalIndex = new Int32Array(model.stations.length + arrivedRows.length).fill(-1);
  const stations: StationRow[] = [];
  model.stations.forEach((row, index) => {
    if (isDeparted(index)) return;
    finalIndex[index] = stations.length;
    stations.push(row);
  });
  arrivedRows.forEach((row, offset) => {
    finalIndex[model.stations.length + offset] = stations.length;
    stations.push(row);
  });
  // Without departures every index is already where it ends up.
  let nearest = access.nearest;
  if (departedIndexes.size > 0) {
    nearest = new Int32Array(access.nearest.length);
    for (let index = 0; index < nearest.length; index += 1) {
      const from = access.nearest[index] as number;
      nearest[index] = from < 0 ? -1 : (finalIndex[from] ?? -1);
    }
  }
  const departed = [...departedIndexes].map((index) => model.stations[index] as StationRow);
  return { stations, access: { distance: access.distance, nearest }, departed, arrived: arrivedRows };
}

/** Copy-on-write view of a roll-up: a unit's totals are cloned the first time they change. */
class RollupDraft {
  readonly next: Rollup;
  private readonly cloned = {
    prefectures: new Set<number>(),
    districts: new Set<number>(),
    streets: new Set<number>(),
    communities: new Set<number>(),
    grids: new Set<number>(),
  };
  constructor(base: Rollup) {
    this.next = {
      city: { ...base.city },
      prefectures: [...base.prefectures],
      districts: [...base.districts],
      streets: [...base.streets],
      communities: [...base.communities],
      grids: [...base.grids],
    };
  }
  private unit(level: keyof RollupDraft["cloned"], index: number): Totals | undefined {
    const list = this.next[level];
    const totals = list[index];
    if (!totals) return undefined;
    if (this.cloned[level].has(index)) return totals;
    this.cloned[level].add(index);
    const copy = { ...totals };
    list[index] = copy;
    return copy;
  }
  /** Adds `delta` to `field` of a unit and of every unit above it. */
  add(model: Model, from: { grid?: number; community?: number; street?: number }, field: TotalField, delta: number): void {
    if (delta === 0) return;
    let streetIndex = from.street ?? -1;
    if (from.grid !== undefined && from.grid >= 0) this.bump(this.unit("grids", from.grid), field, delta);
    if (from.community !== undefined && from.community >= 0) {
      this.bump(this.unit("communities", from.community), field, delta);
      streetIndex = model.communities[from.community]?.streetIndex ?? -1;
    }
    if (streetIndex < 0) return;
    this.bump(this.unit("streets", streetIndex), field, delta);
    const districtIndex = model.streets[streetIndex]?.districtIndex ?? -1;
    if (districtIndex >= 0) {
      this.bump(this.unit("districts", districtIndex), field, delta);
      const prefectureIndex = model.districts[districtIndex]?.prefectureIndex ?? -1;
      if (prefectureIndex >= 0) this.bump(this.unit("prefectures", prefectureIndex), field, delta);
    }
    this.next.city[field] += delta;
  }
  private bump(totals: Totals | undefined, field: TotalField, delta: number): void {
    if (totals) totals[field] += delta;
  }
}

function stationContribution(row: StationRow, asOf: string): { target: { community?: number; street?: number }; fields: Partial<Record<TotalField, number>> } {
  const target = row.level === "社区" && row.communityIndex >= 0 ? { community: row.communityIndex } : { street: row.streetIndex };
  const certified =
    row.certifiedWorkers === undefined || row.certifiedWorkers === null
      ? {}
      : { certifiedKnownWorkers: row.socialWorkers, certifiedWorkers: Math.min(row.certifiedWorkers, row.socialWorkers) };
  const fields =
    row.level === "街道"
      ? { stations: 1, servingStations: isServing(row, asOf) ? 1 : 0, socialWorkers: row.socialWorkers, ...certified }
      : { rooms: 1, socialWorkers: row.socialWorkers, ...certified };
  return { target, fields };
}

function mergeThresholds(base: Thresholds, patch: Partial<Thresholds> | undefined): Thresholds {
  const merged = {
    serviceDistanceMetres: patch?.serviceDistanceMetres ?? base.serviceDistanceMetres,
    householdsPerWorker: patch?.householdsPerWorker ?? base.householdsPerWorker,
  };
  for (const [name, value] of Object.entries(merged)) {
    if (!Number.isFinite(value) || value <= 0) throw new ScenarioError(`${name} must be a positive number`);
  }
  return merged;
}

export function applyScenario(base: Analysis, scenario: Scenario): ScenarioAnalysis {
  const thresholds = mergeThresholds(base.thresholds, scenario.thresholds);
  const change = editStations(base, scenario.edits);
  const model: Model = { ...base.model, stations: change.stations };
  const sameThresholds =
    thresholds.serviceDistanceMetres === base.thresholds.serviceDistanceMetres && thresholds.householdsPerWorker === base.thresholds.householdsPerWorker;
  if (!sameThresholds) {
    const full = analyzeModel(model, thresholds, change.access);
    // Everything may have moved: the changes are the whole lists.
    return Object.defineProperty(full, "changes", { get: () => ({ stale: new Set(base.gaps.map((gap) => gap.id)), fresh: full.gaps }) }) as ScenarioAnalysis;
  }

  const draft = new RollupDraft(base.rollup);
  const changedCompounds: number[] = [];
  const before = base.access.distance;
  const after = change.access.distance;
  for (let index = 0; index < before.length; index += 1) {
    const old = before[index] as number;
    const now = after[index] as number;
    if (old === now) continue;
    changedCompounds.push(index);
    const servedBefore = old <= thresholds.serviceDistanceMetres;
    const servedAfter = now <= thresholds.serviceDistanceMetres;
    if (servedBefore === servedAfter) continue;
    const compound = model.compounds[index];
    if (!compound) continue;
    const sign = servedAfter ? 1 : -1;
    const place = { grid: compound.gridIndex, community: compound.communityIndex };
    draft.add(model, place, "stationAccessHouseholds", sign * compound.households);
    draft.add(model, place, "compoundsBeyondService", -sign);
  }

  const touchedStreets = new Set<number>();
  for (const [rows, sign] of [
    [change.departed, -1],
    [change.arrived, 1],
  ] as const) {
    for (const row of rows) {
      if (row.streetIndex >= 0) touchedStreets.add(row.streetIndex);
      const { target, fields } = stationContribution(row, model.asOf);
      for (const [field, value] of Object.entries(fields) as Array<[TotalField, number]>) draft.add(model, target, field, sign * value);
    }
  }
  for (const streetIndex of touchedStreets) {
    const totals = draft.next.streets[streetIndex];
    const street = model.streets[streetIndex];
    if (!totals || !street?.stationTarget) continue;
    // Only the street's own stations (not its communities' rooms) were counted in servingStations.
    const covered = totals.servingStations > 0 ? 1 : 0;
    draft.add(model, { street: streetIndex }, "targetStreetsCovered", covered - totals.targetStreetsCovered);
    draft.add(model, { street: streetIndex }, "streetsWithoutStation", 1 - covered - totals.streetsWithoutStation);
  }

  const changes = gapChanges(base, model, change.access, changedCompounds, touchedStreets);
  return withLazyGaps({ model, thresholds, access: change.access, rollup: draft.next, changes }, () => mergeGaps(base.gaps, changes));
}

/** What a station edit did to the gap list, relative to the base analysis. */
export interface GapChanges {
  /** Ids of base gaps that are gone or were recomputed (a recomputed one reappears in `added`). */
  stale: Set<string>;
  /** Gaps recomputed for the touched units, ranked. */
  fresh: Gap[];
}

export type ScenarioAnalysis = Analysis & { changes: GapChanges };

function gapChanges(base: Analysis, model: Model, access: StationAccess, changedCompounds: readonly number[], touchedStreets: ReadonlySet<number>): GapChanges {
  const stale = new Set<string>();
  const fresh: Gap[] = [];
  const households = touchedStreets.size > 0 ? streetHouseholds(model) : new Float64Array(0);
  for (const streetIndex of touchedStreets) {
    const street = model.streets[streetIndex];
    if (!street) continue;
    stale.add(`street-no-station:${street.code}`);
    const gap = streetStationGap(model, streetIndex, households[streetIndex] ?? 0);
    if (gap) fresh.push(gap);
  }
  for (const index of changedCompounds) {
    const compound = model.compounds[index];
    if (!compound) continue;
    stale.add(`compound-beyond-service:${compound.id}`);
    const gap = compoundServiceGap(model, index, access.distance[index] ?? Infinity, base.thresholds);
    if (gap) fresh.push(gap);
  }
  return { stale, fresh: fresh.toSorted(compareGaps) };
}

/** Both lists are ranked: merge instead of sorting everything again. */
function mergeGaps(baseGaps: readonly Gap[], changes: GapChanges): Gap[] {
  const kept = changes.stale.size > 0 ? baseGaps.filter((gap) => !changes.stale.has(gap.id)) : baseGaps;
  const ranked = changes.fresh;
  const merged: Gap[] = [];
  let keptIndex = 0;
  let freshIndex = 0;
  while (keptIndex < kept.length || freshIndex < ranked.length) {
    const fromKept = kept[keptIndex];
    const fromFresh = ranked[freshIndex];
    if (fromFresh === undefined || (fromKept !== undefined && compareGaps(fromKept, fromFresh) <= 0)) {
      merged.push(fromKept as Gap);
      keptIndex += 1;
    } else {
      merged.push(fromFresh);
      freshIndex += 1;
    }
  }
  return merged;
}

export interface IndicatorChange {
  field: string;
  before: number | null;
  after: number | null;
  delta: number | null;
}

export interface ScenarioDiff {
  city: IndicatorChange[];
  gapsAdded: Gap[];
  gapsRemoved: Gap[];
}

const gapIndexes = new WeakMap<Analysis, Map<string, Gap>>();

/** Gaps by id, built once per analysis: a what-if compares only the gaps it recomputed. */
export function gapIndexOf(analysis: Analysis): Map<string, Gap> {
  let index = gapIndexes.get(analysis);
  if (!index) {
    index = new Map(analysis.gaps.map((gap) => [gap.id, gap]));
    gapIndexes.set(analysis, index);
  }
  return index;
}

/**
 * Before/after of the city's indicators and of the gap list, for the what-if panel and the CLI.
 * For an incremental scenario only the recomputed gaps are compared, not the whole lists.
 */
export function diffAnalyses(before: Analysis, after: Analysis | ScenarioAnalysis): ScenarioDiff {
  const old = indicatorsOf(before.rollup.city);
  const now = indicatorsOf(after.rollup.city);
  const city = (Object.keys(now) as Array<keyof Indicators>)
    .map((field) => {
      const a = old[field];
      const b = now[field];
      return { field, before: a, after: b, delta: a === null || b === null ? null : b - a };
    })
    .filter((change) => change.before !== change.after);
  if ("changes" in after) {
    const { stale, fresh } = after.changes;
    const freshIds = new Set(fresh.map((gap) => gap.id));
    const index = gapIndexOf(before);
    const baseById = [...stale].flatMap((id) => index.get(id) ?? []);
    const baseIds = new Set(baseById.map((gap) => gap.id));
    const gapsRemoved = baseById.filter((gap) => !freshIds.has(gap.id)).toSorted(compareGaps);
    return { city, gapsAdded: fresh.filter((gap) => !baseIds.has(gap.id)), gapsRemoved };
  }
  const oldIds = new Set(before.gaps.map((gap) => gap.id));
  const newIds = new Set(after.gaps.map((gap) => gap.id));
  return {
    city,
    gapsAdded: after.gaps.filter((gap) => !oldIds.has(gap.id)),
    gapsRemoved: before.gaps.filter((gap) => !newIds.has(gap.id)),
  };
}
