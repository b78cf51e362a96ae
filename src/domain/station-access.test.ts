// Property tests for nearest-station access: the kd-tree answers must equal a naive all-pairs
// haversine loop, and the incremental updates must equal recomputing from scratch.
import { describe, expect, it } from "vitest";
import { haversineMetres } from "./geo.ts";
import { computeAccess, withStationAdded, withStationsRemoved, type Place, type StationAccess } from "./station-access.ts";
import { seededRandom } from "../../tests/support/engine-checks.ts";

function naiveDistances(compounds: readonly Place[], stations: readonly Place[], skip: (index: number) => boolean = () => false): number[] {
  return compounds.map((compound) => {
    let best = Infinity;
    stations.forEach((station, index) => {
      if (!skip(index)) best = Math.min(best, haversineMetres(compound.longitude, compound.latitude, station.longitude, station.latitude));
    });
    return best;
  });
}

/** `nearest` must point at a station (never a skipped one) whose distance is the one reported. */
function nearestMismatches(
  access: StationAccess,
  compounds: readonly Place[],
  stations: readonly Place[],
  skip: (index: number) => boolean = () => false,
): string[] {
  const found: string[] = [];
  compounds.forEach((compound, index) => {
    const nearest = access.nearest[index] ?? -2;
    const distance = access.distance[index];
    if (nearest === -1) {
      if (distance !== Infinity) found.push(`#${index}: no nearest station but distance ${distance}`);
      return;
    }
    const station = stations[nearest];
    if (!station || skip(nearest)) {
      found.push(`#${index}: nearest ${nearest} is not an available station`);
      return;
    }
    const metres = haversineMetres(compound.longitude, compound.latitude, station.longitude, station.latitude);
    if (metres !== distance) found.push(`#${index}: station ${nearest} is ${metres} m away, reported ${distance}`);
  });
  return found;
}

interface Scene {
  compounds: Place[];
  stations: Place[];
}

/** A random scene around Kunming; some scenes are world-wide, some stations share a position. */
function randomScene(seed: number): Scene {
  const random = seededRandom(seed);
  const worldWide = seed % 10 === 0;
  const place = (): Place =>
    worldWide ? { longitude: random() * 360 - 180, latitude: random() * 160 - 80 } : { longitude: 102.5 + random() * 0.5, latitude: 24.8 + random() * 0.4 };
  const compounds = Array.from({ length: Math.floor(random() * 150) }, place);
  const stations = Array.from({ length: Math.floor(random() * 25) }, place);
  if (stations.length > 1 && random() < 0.3) stations.push({ ...(stations[0] as Place) });
  return { compounds, stations };
}

const SEEDS = Array.from({ length: 60 }, (_, index) => index + 1);

describe("computeAccess", () => {
  it.each(SEEDS)("equals the naive all-pairs minimum (seed %d)", (seed) => {
    const { compounds, stations } = randomScene(seed);
    const access = computeAccess(compounds, stations);
    expect(Array.from(access.distance)).toEqual(naiveDistances(compounds, stations));
    expect(nearestMismatches(access, compounds, stations)).toEqual([]);
  });

  it("reflects the current contents of an array it has seen before", () => {
    const compounds: Place[] = [
      { longitude: 102.7, latitude: 25 },
      { longitude: 102.8, latitude: 25.1 },
    ];
    const stations: Place[] = [{ longitude: 102.7, latitude: 25 }];
    expect(computeAccess(compounds, stations).distance[0]).toBe(0);
    // The caller reuses its array: one compound replaced, one appended.
    compounds[0] = { longitude: 102.9, latitude: 25.2 };
    compounds.push({ longitude: 102.7, latitude: 25.01 });
    expect(Array.from(computeAccess(compounds, stations).distance)).toEqual(naiveDistances(compounds, stations));
  });

  it("gives Infinity and -1 when there is no station", () => {
    const access = computeAccess([{ longitude: 102.7, latitude: 25 }], []);
    expect(Array.from(access.distance)).toEqual([Infinity]);
    expect(Array.from(access.nearest)).toEqual([-1]);
  });
});

describe("withStationAdded", () => {
  it.each(SEEDS)("equals recomputing with the new station (seed %d)", (seed) => {
    const { compounds, stations } = randomScene(seed);
    const random = seededRandom(seed * 7919);
    let access = computeAccess(compounds, stations);
    const all = [...stations];
    for (let step = 0; step < 3; step += 1) {
      // Sometimes on top of an existing station, to exercise ties.
      const existing = all[Math.floor(random() * all.length)];
      const station = existing && random() < 0.2 ? { ...existing } : { longitude: 102.5 + random() * 0.5, latitude: 24.8 + random() * 0.4 };
      const before = Array.from(access.distance);
      const next = withStationAdded(access, compounds, station, all.length);
      expect(Array.from(access.distance), "input left unchanged").toEqual(before);
      all.push(station);
      access = next;
      expect(Array.from(access.distance)).toEqual(Array.from(computeAccess(compounds, all).distance));
      expect(nearestMismatches(access, compounds, all)).toEqual([]);
    }
  });
});

describe("withStationsRemoved", () => {
  it.each(SEEDS)("equals recomputing without the removed stations (seed %d)", (seed) => {
    const { compounds, stations } = randomScene(seed);
    const random = seededRandom(seed * 104_729);
    const removed = new Set(stations.map((_, index) => index).filter(() => random() < 0.4));
    const isRemoved = (index: number) => removed.has(index);
    const access = computeAccess(compounds, stations);
    const before = Array.from(access.nearest);
    const next = withStationsRemoved(access, compounds, stations, isRemoved);
    expect(Array.from(access.nearest), "input left unchanged").toEqual(before);
    const kept = stations.filter((_, index) => !isRemoved(index));
    expect(Array.from(next.distance)).toEqual(Array.from(computeAccess(compounds, kept).distance));
    expect(Array.from(next.distance)).toEqual(naiveDistances(compounds, stations, isRemoved));
    expect(nearestMismatches(next, compounds, stations, isRemoved)).toEqual([]);
  });

  it("leaves compounds with no station at all when every station is removed", () => {
    const { compounds, stations } = randomScene(3);
    const next = withStationsRemoved(computeAccess(compounds, stations), compounds, stations, () => true);
    expect(compounds.length).toBeGreaterThan(0);
    expect(Array.from(next.distance).every((distance) => distance === Infinity)).toBe(true);
    expect(Array.from(next.nearest).every((nearest) => nearest === -1)).toBe(true);
  });
});
