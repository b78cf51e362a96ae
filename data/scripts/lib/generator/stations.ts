/**
 * Social-work stations (社工站, one per street, a few deliberately missing) and community rooms
 * (社工室, in about a quarter of communities, more in towns). Opening dates follow the 2021
 * province-wide push: most stations opened in the first half of 2021.
 */
import type { StationProperties } from "../../../../src/data/contract.ts";
import { offsetMetres } from "../geometry/local-frame.ts";
import { communityRoomName, streetStationName } from "./names.ts";
import { pointInArea, type Area, type Point } from "../geometry/polygon.ts";
import { isoDate, type Random } from "./prng.ts";
import { withCertifiedWorkers } from "./programmes.ts";

/** A point within `radius` metres of `centre` and inside `area`; the centre itself as a fallback. */
export function nearbyPointInside(random: Random, centre: Point, radius: number, area: Area): Point {
  for (let attempt = 0; attempt < 30; attempt++) {
    const distance = radius * Math.sqrt(random.next());
    const bearing = random.uniform(0, 2 * Math.PI);
    const point = offsetMetres(centre, distance * Math.cos(bearing), distance * Math.sin(bearing));
    if (pointInArea(point, area)) return point;
  }
  return centre;
}

const STATION_OPENING: readonly (readonly [readonly [string, string], number])[] = [
  [["2019-03-01", "2019-12-31"], 0.06],
  [["2020-01-01", "2020-12-31"], 0.1],
  [["2021-01-01", "2021-06-30"], 0.7],
  [["2021-07-01", "2021-12-31"], 0.09],
  [["2022-01-01", "2023-12-31"], 0.05],
];

const ROOM_OPENING: readonly (readonly [readonly [string, string], number])[] = [
  [["2020-01-01", "2020-12-31"], 0.05],
  [["2021-01-01", "2021-06-30"], 0.4],
  [["2021-07-01", "2021-12-31"], 0.25],
  [["2022-01-01", "2022-12-31"], 0.2],
  [["2023-01-01", "2023-12-31"], 0.1],
];

/**
 * A street's 社工站. `issue` plants a gap: "unstaffed" has no social worker, "late" opens in the
 * weeks after the data date (`asOf`), so neither counts toward full coverage yet.
 */
export function streetStation(
  random: Random,
  streetCode: string,
  streetName: string,
  urban: boolean,
  issue: "none" | "unstaffed" | "late" = "none",
  asOf = "2026-10-31",
): StationProperties {
  const [from, to] = random.weighted(STATION_OPENING);
  const workers = urban ? random.int(3, 8) : random.int(2, 5);
  const opened = isoDate(random, from, to);
  const later = new Date(Date.parse(`${asOf}T00:00:00Z`) + random.int(7, 60) * 86_400_000).toISOString().slice(0, 10);
  return withCertifiedWorkers({
    id: `${streetCode}-S`,
    name: streetStationName(streetName),
    level: "街道",
    streetCode,
    communityCode: null,
    socialWorkers: issue === "unstaffed" ? 0 : workers,
    openedOn: issue === "late" ? later : opened,
  });
}

/** Probability that a community has a 社工室: towns and city communities more often. */
export function roomProbability(kind: "居委会" | "村委会", urbanStreet: boolean): number {
  if (kind === "居委会") return urbanStreet ? 0.36 : 0.25;
  return 0.15;
}

export function communityRoom(random: Random, streetCode: string, communityCode: string, communityName: string): StationProperties {
  const [from, to] = random.weighted(ROOM_OPENING);
  return withCertifiedWorkers({
    id: `${communityCode}-R`,
    name: communityRoomName(communityName),
    level: "社区",
    streetCode,
    communityCode,
    socialWorkers: random.int(1, 2),
    openedOn: isoDate(random, from, to),
  });
}
