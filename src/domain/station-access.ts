// Distance from every compound to its nearest social-work station (either level), with
// kdbush/geokdbush instead of all-pairs loops, and incremental updates for what-if edits.
// Distances are great-circle metres; positions EPSG:4326 degrees.
import { around } from "geokdbush";
import KDBush from "kdbush";
import { METRES_PER_DEGREE } from "../data/earth.ts";
import { boxAround, haversineMetres } from "./geo.ts";

export interface Place {
  longitude: number;
  latitude: number;
}

export interface StationAccess {
  /** Metres from each compound's centroid to its nearest station; Infinity when there is none. */
  distance: Float64Array;
  /** Index (into the station list it was computed with) of the nearest station, or -1. */
  nearest: Int32Array;
}

/** Positions as flat typed arrays: the hot loops below read these, not row objects. */
interface Positions {
  longitude: Float64Array;
  latitude: Float64Array;
}

const positionsCache = new WeakMap<readonly Place[], Positions>();

/** Cached only for frozen arrays (the model's): a caller could change any other array in place. */
function positionsOf(places: readonly Place[]): Positions {
  let found = Object.isFrozen(places) ? positionsCache.get(places) : undefined;
  if (!found) {
    found = { longitude: new Float64Array(places.length), latitude: new Float64Array(places.length) };
    places.forEach((place, index) => {
      (found as Positions).longitude[index] = place.longitude;
      (found as Positions).latitude[index] = place.latitude;
    });
    if (Object.isFrozen(places)) positionsCache.set(places, found);
  }
  return found;
}

export function indexPlaces(places: readonly Place[]): KDBush {
  const index = new KDBush(Math.max(1, places.length));
  for (const place of places) index.add(place.longitude, place.latitude);
  // KDBush needs at least one item; an empty list gets a point nobody will ever match.
  if (places.length === 0) index.add(0, -90);
  index.finish();
  return index;
}

/** Most compounds have a station this close: a plain box query settles them without a heap. */
const FIRST_SEARCH_METRES = 3000;

function nearestOf(index: KDBush, stations: readonly Place[], longitude: number, latitude: number, accept: (station: number) => boolean): [number, number] {
  const [west, south, east, north] = boxAround(longitude, latitude, FIRST_SEARCH_METRES);
  let best = -1;
  let bestDistance = Infinity;
  for (const candidate of index.range(west, south, east, north)) {
    const station = stations[candidate];
    if (!station || !accept(candidate)) continue;
    const distance = haversineMetres(longitude, latitude, station.longitude, station.latitude);
    if (distance < bestDistance || (distance === bestDistance && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // Anything nearer than the search radius lies inside the box, so a hit within it is final.
  if (bestDistance <= FIRST_SEARCH_METRES) return [best, bestDistance];
  const [found] = around(index, longitude, latitude, 1, Infinity, (candidate) => candidate < stations.length && accept(candidate));
  const station = found === undefined ? undefined : stations[found];
  if (found === undefined || !station) return [-1, Infinity];
  return [found, haversineMetres(longitude, latitude, station.longitude, station.latitude)];
}

const always = () => true;

/** `serves` leaves out stations that reach nobody (unstaffed, or not open yet); every station by default. */
export function computeAccess(compounds: readonly Place[], stations: readonly Place[], serves: (station: number) => boolean = always): StationAccess {
  const distance = new Float64Array(compounds.length).fill(Infinity);
  const nearest = new Int32Array(compounds.length).fill(-1);
  if (stations.length === 0) return { distance, nearest };
  const index = indexPlaces(stations);
  const positions = positionsOf(compounds);
  for (let compoundIndex = 0; compoundIndex < compounds.length; compoundIndex += 1) {
    const [found, metres] = nearestOf(index, stations, positions.longitude[compoundIndex] as number, positions.latitude[compoundIndex] as number, serves);
    nearest[compoundIndex] = found;
    distance[compoundIndex] = metres;
  }
  return { distance, nearest };
}

/** A station added at `stationIndex`: only compounds it is now nearest to change. */
export function withStationAdded(access: StationAccess, compounds: readonly Place[], station: Place, stationIndex: number): StationAccess {
  const distance = access.distance.slice();
  const nearest = access.nearest.slice();
  const { longitude, latitude } = positionsOf(compounds);
  for (let index = 0; index < distance.length; index += 1) {
    // The latitude gap is a true lower bound of the great-circle distance: most compounds are
    // ruled out by it without trigonometry.
    const current = distance[index] as number;
    const compoundLatitude = latitude[index] as number;
    if (Math.abs(compoundLatitude - station.latitude) * METRES_PER_DEGREE >= current) continue;
    const exact = haversineMetres(longitude[index] as number, compoundLatitude, station.longitude, station.latitude);
    if (exact < current) {
      distance[index] = exact;
      nearest[index] = stationIndex;
    }
  }
  return { distance, nearest };
}

/**
 * Stations flagged by `isRemoved` are gone: compounds that relied on one look up the nearest of
 * the others. `stations` still holds the removed entries at their places so indexes stay stable.
 */
export function withStationsRemoved(
  access: StationAccess,
  compounds: readonly Place[],
  stations: readonly Place[],
  isRemoved: (stationIndex: number) => boolean,
  serves: (stationIndex: number) => boolean = always,
): StationAccess {
  const distance = access.distance.slice();
  const nearest = access.nearest.slice();
  const positions = positionsOf(compounds);
  const kept = (candidate: number) => !isRemoved(candidate) && serves(candidate);
  let index: KDBush | undefined;
  for (let compoundIndex = 0; compoundIndex < distance.length; compoundIndex += 1) {
    const current = nearest[compoundIndex] as number;
    if (current < 0 || !isRemoved(current)) continue;
    index ??= indexPlaces(stations);
    const [found, metres] = nearestOf(index, stations, positions.longitude[compoundIndex] as number, positions.latitude[compoundIndex] as number, kept);
    nearest[compoundIndex] = found;
    distance[compoundIndex] = metres;
  }
  return { distance, nearest };
}
