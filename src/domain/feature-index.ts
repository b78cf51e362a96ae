// What is under the cursor, found on the CPU: Flatbush over area bounding boxes plus an exact
// point-in-polygon test, KDBush for stations. A GPU picking pass (deck.gl's readPixels) costs
// seconds per hover in software WebGL; this costs microseconds. Degrees, EPSG:4326.
import Flatbush from "flatbush";
import type { MultiPolygon, Polygon } from "geojson";
import KDBush from "kdbush";
import type { LayerName } from "../data/contract.ts";
import type { Layers } from "./dataset.ts";
import { pointInPolygon } from "./geo.ts";
import { bboxOf } from "./model.ts";

export interface Picked {
  layer: LayerName;
  /** The unit's code or id. */
  id: string;
  name: string;
  /** Index of the feature in its layer's collection. */
  index: number;
}

/** Topmost first: the order in which a click looks for something. */
export const PICK_ORDER: readonly LayerName[] = ["stations", "compounds", "grids", "communities", "streets", "districts", "prefectures"];

type AreaLayer = Exclude<LayerName, "stations">;

interface AreaIndex {
  index: Flatbush;
  geometries: Array<Polygon | MultiPolygon>;
  ids: string[];
  names: string[];
}

export interface FeatureIndex {
  /** `tolerance` in degrees of latitude around the point, for stations (points are tiny). */
  pick(longitude: number, latitude: number, tolerance: number, layers: ReadonlySet<LayerName>): Picked | null;
}

function indexAreas(features: ReadonlyArray<{ geometry: Polygon | MultiPolygon; properties: { name: string; code?: string; id?: string } }>): AreaIndex | null {
  if (features.length === 0) return null;
  const index = new Flatbush(features.length);
  for (const feature of features) {
    const [west, south, east, north] = bboxOf(feature.geometry);
    index.add(west, south, east, north);
  }
  index.finish();
  return {
    index,
    geometries: features.map((feature) => feature.geometry),
    ids: features.map((feature) => feature.properties.code ?? feature.properties.id ?? ""),
    names: features.map((feature) => feature.properties.name),
  };
}

export function buildFeatureIndex(layers: Layers): FeatureIndex {
  const areas: Record<AreaLayer, AreaIndex | null> = {
    compounds: indexAreas(layers.compounds.features),
    grids: indexAreas(layers.grids.features),
    communities: indexAreas(layers.communities.features),
    streets: indexAreas(layers.streets.features),
    districts: indexAreas(layers.districts.features),
    prefectures: indexAreas(layers.prefectures.features),
  };
  const stations = layers.stations.features;
  const stationIndex = new KDBush(Math.max(1, stations.length));
  for (const station of stations) stationIndex.add(station.geometry.coordinates[0] ?? 0, station.geometry.coordinates[1] ?? 0);
  if (stations.length === 0) stationIndex.add(0, -90);
  stationIndex.finish();

  return {
    pick(longitude, latitude, tolerance, visible) {
      for (const layer of PICK_ORDER) {
        if (!visible.has(layer)) continue;
        if (layer === "stations") {
          const cosine = Math.max(0.01, Math.cos((latitude * Math.PI) / 180));
          const reach = tolerance / cosine;
          let best = -1;
          let bestDistance = Infinity;
          for (const candidate of stationIndex.range(longitude - reach, latitude - tolerance, longitude + reach, latitude + tolerance)) {
            const [x = 0, y = 0] = stations[candidate]?.geometry.coordinates ?? [];
            const distance = Math.hypot((x - longitude) * cosine, y - latitude);
            if (candidate < stations.length && distance <= tolerance && distance < bestDistance) {
              best = candidate;
              bestDistance = distance;
            }
          }
          const station = stations[best];
          if (station) return { layer, id: station.properties.id, name: station.properties.name, index: best };
          continue;
        }
        const area = areas[layer];
        if (!area) continue;
        // Smallest match wins within a layer is unnecessary: units of one layer tile without overlap.
        for (const candidate of area.index.search(longitude, latitude, longitude, latitude)) {
          const geometry = area.geometries[candidate];
          if (geometry && pointInPolygon(longitude, latitude, geometry)) {
            return { layer, id: area.ids[candidate] ?? "", name: area.names[candidate] ?? "", index: candidate };
          }
        }
      }
      return null;
    },
  };
}
