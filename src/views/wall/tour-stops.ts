// The stops of the wall's tour: every street in code order, or the communities of one street.
// Pure; built once per dataset load.
import type { Layers } from "../../domain/dataset.ts";
import { bboxOf, type Bbox } from "../../domain/model.ts";

export interface TourStop {
  layer: "streets" | "communities";
  code: string;
  name: string;
  /** Where to fly: the unit's bounding box (degrees, EPSG:4326). */
  bbox: Bbox;
}

const byCode = (a: TourStop, b: TourStop) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/**
 * The communities of `tourStreet` when it names a street that has communities, else every street: a
 * mistyped code in the URL still gives a touring wall rather than a still one.
 */
export function tourStops(layers: Pick<Layers, "streets" | "communities">, tourStreet: string | null): TourStop[] {
  if (tourStreet !== null) {
    const communities = layers.communities.features
      .filter((feature) => feature.properties.streetCode === tourStreet)
      .map((feature): TourStop => ({ layer: "communities", code: feature.properties.code, name: feature.properties.name, bbox: bboxOf(feature.geometry) }));
    if (communities.length > 0) return communities.toSorted(byCode);
  }
  return layers.streets.features
    .map((feature): TourStop => ({ layer: "streets", code: feature.properties.code, name: feature.properties.name, bbox: bboxOf(feature.geometry) }))
    .toSorted(byCode);
}
