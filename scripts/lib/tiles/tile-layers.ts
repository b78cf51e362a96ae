// What goes into the vector tiles, layer by layer: the zoom range of each contract layer, the
// properties kept (the contract's flat fields, nothing else) and their types for the archive's
// `vector_layers` metadata.
import type { Feature, Geometry } from "geojson";
import { z } from "zod";
import { LAYER_PROPERTIES, type LayerName } from "../../../src/data/contract.ts";

// The zoom floors and default max zoom live in src/data/tiling.ts, shared with the map style.
// Why these values, measured on the province stress set (properties are ~70% of tile bytes):
// - grids and compounds from z12: the densest z11 tile would hold 6,500 compounds and 4,000 grids
//   (~900 KB); at z12 the densest is 438 KB, and a compound (~150 m) is about 9 px across.
// - communities from z8: 1,380 in the densest tile (154 KB); at z6 it would be 10,000 (844 KB).
// - stations from z6, like the GeoJSON map: a city's overview is below z8 and its stations must show
//   there; Yunnan's 4,129 spread over four z6 tiles (about 1,000 points, 80 KB in the fullest).
// - streets from z6 (~12 km, about 10 px; 69 KB at most); districts everywhere (a few KB).
// - max zoom 13, not 14: a z13 tile's 4096-unit grid is ~1.1 m at Kunming's latitude, as fine as
//   the generated data; z14 doubles the archive (province: 130 MB, 97 s instead of 65 MB, 25 s).
export { TILE_MIN_ZOOM as LAYER_MIN_ZOOM, DEFAULT_TILE_MAX_ZOOM as DEFAULT_MAX_ZOOM } from "../../../src/data/tiling.ts";

/** Personal data in the contract: masked on public screens, so left out of tiles unless asked for. */
export const PERSONAL_FIELDS: Partial<Record<LayerName, readonly string[]>> = { grids: ["workerName"] };

/** Layers whose `code` is all digits (6, 9 or 12 of them, below 2^53): it doubles as the MVT feature id, which MapLibre's feature-state uses. */
const CODE_AS_ID: ReadonlySet<LayerName> = new Set(["districts", "streets", "communities"]);

export type FieldType = "String" | "Number" | "Boolean";

function fieldType(schema: z.ZodType): FieldType {
  if (schema instanceof z.ZodNullable || schema instanceof z.ZodOptional) return fieldType(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodNumber) return "Number";
  if (schema instanceof z.ZodBoolean) return "Boolean";
  return "String";
}

export interface TileLayerOptions {
  includePersonalData: boolean;
}

/** The contract fields of a layer that go into its tiles, with their MVT value types. */
export function tileFields(layer: LayerName, options: TileLayerOptions): Record<string, FieldType> {
  const personal = options.includePersonalData ? [] : (PERSONAL_FIELDS[layer] ?? []);
  const shape: Record<string, z.ZodType> = LAYER_PROPERTIES[layer].shape;
  return Object.fromEntries(
    Object.entries(shape)
      .filter(([name]) => !personal.includes(name))
      .map(([name, schema]) => [name, fieldType(schema)]),
  );
}

/**
 * Features as they go to the tile cutter: only the contract fields, and a numeric id where the
 * code is one. The input's own top-level ids are dropped: the encoder would parseInt a string
 * such as "530102001001-C002" into a wrong, shared number.
 */
export function tileFeatures(layer: LayerName, features: readonly Feature<Geometry, Record<string, unknown>>[], options: TileLayerOptions): Feature[] {
  const fields = Object.keys(tileFields(layer, options));
  return features.map((feature) => {
    const properties: Record<string, string | number | boolean | null> = {};
    for (const field of fields) {
      // null is left out: MVT has no null, and MapLibre's ["get", field] gives null for a missing field all the same.
      const value = feature.properties[field];
      if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") properties[field] = value;
    }
    const code = feature.properties.code;
    const id = CODE_AS_ID.has(layer) && typeof code === "string" && /^\d{1,15}$/.test(code) ? Number(code) : undefined;
    return id === undefined ? { type: "Feature", geometry: feature.geometry, properties } : { type: "Feature", id, geometry: feature.geometry, properties };
  });
}
