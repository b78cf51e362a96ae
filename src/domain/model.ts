// The analysis model: every unit in flat rows linked by parent index, with the problems found
// while linking. Nothing is dropped silently: rows that cannot be placed (unknown parent, no
// usable geometry, duplicate id) are left out and reported; rows that can (a unit lying outside
// its community, a compound naming a missing or foreign grid) are kept, counted where their
// codes say, and reported. Row arrays are frozen: caches key on them.
import type { Geometry, MultiPolygon, Polygon } from "geojson";
import type { CommunityProperties, CompoundProperties, GridProperties, LayerName, LayerProperties, StationProperties } from "../data/contract.ts";
import { centroidOf, pointInPolygon } from "./geo.ts";
import { labelPoint } from "./label-point.ts";

export type EngineLayers = {
  [L in LayerName]: { features: ReadonlyArray<{ geometry: Geometry | null; properties: LayerProperties[L] }> };
};

export type ProblemKind = "unknown-parent" | "unknown-grid" | "grid-in-other-community" | "outside-parent" | "no-coordinates" | "duplicate";

export interface ModelProblem {
  layer: LayerName;
  id: string;
  kind: ProblemKind;
  message: string;
}

/** [west, south, east, north] in degrees. */
export type Bbox = [number, number, number, number];

interface Placed {
  longitude: number;
  latitude: number;
}
interface Area extends Placed {
  bbox: Bbox;
  geometry: Polygon | MultiPolygon;
}
export interface DistrictRow extends Area {
  code: string;
  name: string;
}
export interface StreetRow extends Area {
  code: string;
  name: string;
  districtIndex: number;
}
export interface CommunityRow extends Area, Omit<CommunityProperties, "streetCode"> {
  streetIndex: number;
}
export interface GridRow extends Area, Omit<GridProperties, "communityCode"> {
  communityIndex: number;
}
export interface CompoundRow extends Area, Omit<CompoundProperties, "communityCode" | "gridId"> {
  communityIndex: number;
  /** -1 when the compound belongs to no (known) grid. */
  gridIndex: number;
}
export interface StationRow extends Placed, Omit<StationProperties, "streetCode" | "communityCode"> {
  streetIndex: number;
  communityIndex: number;
}

export interface Model {
  districts: DistrictRow[];
  streets: StreetRow[];
  communities: CommunityRow[];
  grids: GridRow[];
  compounds: CompoundRow[];
  stations: StationRow[];
  problems: ModelProblem[];
}

function isArea(geometry: Geometry | null): geometry is Polygon | MultiPolygon {
  return geometry !== null && (geometry.type === "Polygon" || geometry.type === "MultiPolygon");
}

export function bboxOf(geometry: Polygon | MultiPolygon): Bbox {
  const box: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  for (const rings of polygons) {
    for (const position of rings[0] ?? []) {
      const [longitude = 0, latitude = 0] = position;
      if (longitude < box[0]) box[0] = longitude;
      if (latitude < box[1]) box[1] = latitude;
      if (longitude > box[2]) box[2] = longitude;
      if (latitude > box[3]) box[3] = latitude;
    }
  }
  return box;
}

function area(geometry: Polygon | MultiPolygon): Area {
  const [longitude, latitude] = centroidOf(geometry);
  return { longitude, latitude, bbox: bboxOf(geometry), geometry };
}

export function buildModel(layers: EngineLayers): Model {
  const problems: ModelProblem[] = [];
  const report = (layer: LayerName, id: string, kind: ProblemKind, message: string) => problems.push({ layer, id, kind, message });

  // Each layer is linked to its parent by code; a unit whose own geometry is unusable is
  // reported and left out, because every indicator below needs a place.
  function linked<L extends LayerName, Row>(
    layer: L,
    idOf: (properties: LayerProperties[L]) => string,
    build: (properties: LayerProperties[L], geometry: Geometry) => Row | null,
  ): { rows: Row[]; index: Map<string, number> } {
    const rows: Row[] = [];
    const index = new Map<string, number>();
    for (const feature of layers[layer].features) {
      const id = idOf(feature.properties);
      if (feature.geometry === null) {
        report(layer, id, "no-coordinates", `${id} has no geometry`);
        continue;
      }
      if (index.has(id)) {
        report(layer, id, "duplicate", `${id} appears more than once; the first is used`);
        continue;
      }
      const row = build(feature.properties, feature.geometry);
      if (row === null) continue;
      index.set(id, rows.length);
      rows.push(row);
    }
    return { rows, index };
  }

  const parentOf = (layer: LayerName, id: string, parentIndex: Map<string, number>, parentCode: string, parentLabel: string) => {
    const found = parentIndex.get(parentCode);
    if (found === undefined) report(layer, id, "unknown-parent", `${id} names ${parentLabel} ${parentCode}, which does not exist`);
    return found;
  };
  const areaOrReport = (layer: LayerName, id: string, geometry: Geometry) => {
    if (isArea(geometry)) return area(geometry);
    report(layer, id, "no-coordinates", `${id} has a ${geometry.type} where an area is expected`);
    return null;
  };

  const districts = linked("districts", (p) => p.code, (p, g) => {
    const placed = areaOrReport("districts", p.code, g);
    return placed && { code: p.code, name: p.name, longitude: placed.longitude, latitude: placed.latitude, bbox: placed.bbox, geometry: placed.geometry };
  });
  const streets = linked("streets", (p) => p.code, (p, g) => {
    const districtIndex = parentOf("streets", p.code, districts.index, p.districtCode, "district");
    const placed = areaOrReport("streets", p.code, g);
    if (!placed || districtIndex === undefined) return null;
    return { code: p.code, name: p.name, longitude: placed.longitude, latitude: placed.latitude, bbox: placed.bbox, geometry: placed.geometry, districtIndex };
  });
  const communities = linked("communities", (p) => p.code, (p, g) => {
    const streetIndex = parentOf("communities", p.code, streets.index, p.streetCode, "street");
    const placed = areaOrReport("communities", p.code, g);
    if (!placed || streetIndex === undefined) return null;
    // Rows are written out field by field: rest/spread copies are several times slower at 10^5 rows.
    return {
      code: p.code, name: p.name, kind: p.kind, households: p.households, population: p.population,
      partyOrgType: p.partyOrgType, partyMembers: p.partyMembers, bigPartyCommittee: p.bigPartyCommittee,
      dualRegisteredMembers: p.dualRegisteredMembers,
      longitude: placed.longitude, latitude: placed.latitude, bbox: placed.bbox, geometry: placed.geometry, streetIndex,
    };
  });

  const insideCommunity = (layer: LayerName, id: string, row: Area, communityIndex: number) => {
    const community = communities.rows[communityIndex];
    if (!community || pointInPolygon(row.longitude, row.latitude, community.geometry)) return;
    // A concave unit's centroid can lie outside it; test a point surely inside the unit instead.
    const [longitude = 0, latitude = 0] = labelPoint(row.geometry);
    if (!pointInPolygon(longitude, latitude, community.geometry)) {
      report(layer, id, "outside-parent", `${id} lies outside its community ${community.code} ${community.name}`);
    }
  };

  const grids = linked("grids", (p) => p.id, (p, g) => {
    const communityIndex = parentOf("grids", p.id, communities.index, p.communityCode, "community");
    const placed = areaOrReport("grids", p.id, g);
    if (!placed || communityIndex === undefined) return null;
    insideCommunity("grids", p.id, placed, communityIndex);
    return {
      id: p.id, name: p.name, workers: p.workers, households: p.households, buildingLeaders: p.buildingLeaders,
      workerName: p.workerName ?? null,
      longitude: placed.longitude, latitude: placed.latitude, bbox: placed.bbox, geometry: placed.geometry, communityIndex,
    };
  });

  const compounds = linked("compounds", (p) => p.id, (p, g) => {
    const communityIndex = parentOf("compounds", p.id, communities.index, p.communityCode, "community");
    const placed = areaOrReport("compounds", p.id, g);
    if (!placed || communityIndex === undefined) return null;
    insideCommunity("compounds", p.id, placed, communityIndex);
    let gridIndex = -1;
    if (p.gridId !== null) {
      const found = grids.index.get(p.gridId);
      if (found === undefined) report("compounds", p.id, "unknown-grid", `${p.id} names grid ${p.gridId}, which does not exist; counted as in no grid`);
      else if (grids.rows[found]?.communityIndex !== communityIndex) {
        report("compounds", p.id, "grid-in-other-community", `${p.id} is assigned to grid ${p.gridId} of another community; counted as in no grid`);
      } else gridIndex = found;
    }
    return {
      id: p.id, name: p.name, households: p.households, buildings: p.buildings, partyBranch: p.partyBranch,
      redProperty: p.redProperty, ownersCommittee: p.ownersCommittee,
      longitude: placed.longitude, latitude: placed.latitude, bbox: placed.bbox, geometry: placed.geometry, communityIndex, gridIndex,
    };
  });

  const stations = linked("stations", (p) => p.id, (p, g) => {
    const coordinates = g.type === "Point" ? g.coordinates : undefined;
    const [longitude, latitude] = coordinates ?? [];
    if (longitude === undefined || latitude === undefined || !Number.isFinite(longitude) || !Number.isFinite(latitude)) {
      report("stations", p.id, "no-coordinates", `${p.id} has no usable point coordinates`);
      return null;
    }
    const streetIndex = parentOf("stations", p.id, streets.index, p.streetCode, "street");
    if (streetIndex === undefined) return null;
    let communityIndex = -1;
    if (p.communityCode !== null) communityIndex = parentOf("stations", p.id, communities.index, p.communityCode, "community") ?? -1;
    return { id: p.id, name: p.name, level: p.level, socialWorkers: p.socialWorkers, openedOn: p.openedOn, longitude, latitude, streetIndex, communityIndex };
  });

  return {
    districts: Object.freeze(districts.rows) as DistrictRow[],
    streets: Object.freeze(streets.rows) as StreetRow[],
    communities: Object.freeze(communities.rows) as CommunityRow[],
    grids: Object.freeze(grids.rows) as GridRow[],
    compounds: Object.freeze(compounds.rows) as CompoundRow[],
    stations: Object.freeze(stations.rows) as StationRow[],
    problems,
  };
}

