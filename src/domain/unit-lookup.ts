// One unit of the engine's model as the explorer shows it: its name, its fields in the contract's
// terms (a card's rows), where it is, and the chain of areas it lies in (the breadcrumb). It works
// the same on a GeoJSON dataset and on a tiled one, whose polygons the page never holds. Pure.
import type { LayerName } from "../data/contract.ts";
import type { Crumb } from "./dataset.ts";
import type { Bbox, Model } from "./model.ts";

export interface UnitInfo {
  layer: LayerName;
  id: string;
  name: string;
  properties: Record<string, unknown>;
  /** Where the map flies to show it: an area's or unit's box; a station's point as a zero box. */
  bbox: Bbox;
  position: [number, number];
  /** prefecture › county › township › community › the unit itself, as far as the model knows. */
  ancestry: Crumb[];
}

/** The model's own bookkeeping, not a field of the contract. */
const INTERNAL = new Set([
  "bbox",
  "geometry",
  "longitude",
  "latitude",
  "planned",
  "prefectureIndex",
  "districtIndex",
  "streetIndex",
  "communityIndex",
  "gridIndex",
]);

function fieldsOf(row: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([key]) => !INTERNAL.has(key)));
}

const centre = (bbox: Bbox): [number, number] => [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2];

/** The unit with this code (areas) or id (grids, compounds, stations), or null when the model has none. */
const crumb = (layer: LayerName, row: { code?: string; id?: string; name: string } | undefined): Crumb[] =>
  row ? [{ layer, id: row.code ?? row.id ?? "", name: row.name }] : [];

export function describeUnit(model: Model, layer: LayerName, id: string): UnitInfo | null {
  const prefectureChain = (index: number) => crumb("prefectures", model.prefectures[index]);
  const districtChain = (index: number) => {
    const row = model.districts[index];
    return row ? [...prefectureChain(row.prefectureIndex), ...crumb("districts", row)] : [];
  };
  const streetChain = (index: number) => {
    const row = model.streets[index];
    return row ? [...districtChain(row.districtIndex), ...crumb("streets", row)] : [];
  };
  const communityChain = (index: number) => {
    const row = model.communities[index];
    return row ? [...streetChain(row.streetIndex), ...crumb("communities", row)] : [];
  };
  const info = (row: { name: string; bbox: Bbox }, properties: Record<string, unknown>, ancestry: Crumb[], position?: [number, number]): UnitInfo => ({
    layer,
    id,
    name: row.name,
    properties,
    bbox: row.bbox,
    position: position ?? centre(row.bbox),
    ancestry,
  });
  switch (layer) {
    case "prefectures": {
      const index = model.prefectures.findIndex((row) => row.code === id);
      const row = model.prefectures[index];
      return row ? info(row, fieldsOf(row), prefectureChain(index)) : null;
    }
    case "districts": {
      const index = model.districts.findIndex((row) => row.code === id);
      const row = model.districts[index];
      return row ? info(row, { ...fieldsOf(row), prefectureCode: model.prefectures[row.prefectureIndex]?.code }, districtChain(index)) : null;
    }
    case "streets": {
      const index = model.streets.findIndex((row) => row.code === id);
      const row = model.streets[index];
      return row ? info(row, { ...fieldsOf(row), districtCode: model.districts[row.districtIndex]?.code }, streetChain(index)) : null;
    }
    case "communities": {
      const index = model.communities.findIndex((row) => row.code === id);
      const row = model.communities[index];
      return row ? info(row, { ...fieldsOf(row), streetCode: model.streets[row.streetIndex]?.code }, communityChain(index)) : null;
    }
    case "grids": {
      const row = model.grids.find((candidate) => candidate.id === id);
      return row
        ? info(
            row,
            { ...fieldsOf(row), communityCode: model.communities[row.communityIndex]?.code },
            [...communityChain(row.communityIndex), ...crumb("grids", row)],
            [row.longitude, row.latitude],
          )
        : null;
    }
    case "compounds": {
      const row = model.compounds.find((candidate) => candidate.id === id);
      if (!row) return null;
      const properties = { ...fieldsOf(row), communityCode: model.communities[row.communityIndex]?.code, gridId: model.grids[row.gridIndex]?.id ?? null };
      return info(row, properties, [...communityChain(row.communityIndex), ...crumb("compounds", row)], [row.longitude, row.latitude]);
    }
    case "stations": {
      const row = model.stations.find((candidate) => candidate.id === id && !candidate.planned);
      if (!row) return null;
      const properties = {
        ...fieldsOf(row),
        streetCode: model.streets[row.streetIndex]?.code,
        communityCode: model.communities[row.communityIndex]?.code ?? null,
      };
      const bbox: Bbox = [row.longitude, row.latitude, row.longitude, row.latitude];
      return info({ name: row.name, bbox }, properties, [...streetChain(row.streetIndex), ...crumb("stations", row)], [row.longitude, row.latitude]);
    }
  }
}
