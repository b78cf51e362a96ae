// Which street (and community) a point falls in: Flatbush over bounding boxes, then an exact
// point-in-polygon test. Used to place what-if stations. Degrees, EPSG:4326.
import Flatbush from "flatbush";
import { pointInPolygon } from "./geo.ts";
import type { Bbox, Model } from "./model.ts";

interface Locatable {
  bbox: Bbox;
  geometry: Parameters<typeof pointInPolygon>[2];
}

export interface Locator {
  /** Index of the unit containing the point, or -1. */
  locate(longitude: number, latitude: number): number;
}

export function buildLocator(units: readonly Locatable[]): Locator {
  if (units.length === 0) return { locate: () => -1 };
  const index = new Flatbush(units.length);
  for (const unit of units) index.add(unit.bbox[0], unit.bbox[1], unit.bbox[2], unit.bbox[3]);
  index.finish();
  return {
    locate(longitude, latitude) {
      for (const candidate of index.search(longitude, latitude, longitude, latitude)) {
        const unit = units[candidate];
        if (unit && pointInPolygon(longitude, latitude, unit.geometry)) return candidate;
      }
      return -1;
    },
  };
}

const cache = new WeakMap<Model, { streets: Locator; communities: Locator }>();

/** Locators for a model, built once and kept as long as the model lives. */
export function locatorsOf(model: Model): { streets: Locator; communities: Locator } {
  let found = cache.get(model);
  if (!found) {
    found = { streets: buildLocator(model.streets), communities: buildLocator(model.communities) };
    cache.set(model, found);
  }
  return found;
}
