// The analysis model: every unit in flat rows linked by parent index, with the problems found
// while linking. Nothing is dropped silently: rows that cannot be placed (unknown parent, no
// usable geometry, duplicate id) are left out and reported; rows that can (a unit lying outside
// its community, a compound naming a missing or foreign grid) are kept, counted where their
// codes say, and reported. Row arrays are frozen: caches key on them.
// Contract v2: prefectures above the counties (the `districts` layer), township kinds and the
// 社工站 target flag, rural 自然村 beside urban 小区, unknown (null) values kept as unknown.
// The row types are in model-rows.ts.
import type { Geometry, MultiPolygon, Polygon } from "geojson";
import { streetKindFromCode, type LayerName, type LayerProperties, type RegisteredUnitProperties } from "../data/contract.ts";
import { centroidOf, pointInPolygon } from "./geo.ts";
import { labelPoint } from "./label-point.ts";
import type {
  Area,
  Bbox,
  CommunityRow,
  CompoundRow,
  DistrictRow,
  GridRow,
  Model,
  ModelProblem,
  PrefectureRow,
  ProblemKind,
  StationRow,
  StreetRow,
} from "./model-rows.ts";
import { withRegisteredUnits } from "./registered-units.ts";

export type {
  Bbox,
  CommunityRow,
  CompoundRow,
  DistrictRow,
  GridRow,
  Model,
  ModelProblem,
  PrefectureRow,
  ProblemKind,
  RegisteredUnitRow,
  StationRow,
  StreetRow,
} from "./model-rows.ts";

type EngineLayer<L extends LayerName> = { features: ReadonlyArray<{ geometry: Geometry | null; properties: LayerProperties[L] }> };

/**
 * The layers the engine reads; `prefectures` may be left out (derived from the county codes).
 * `registeredUnits`: the 双报到 file's valid units, when the dataset has one.
 */
export type EngineLayers = { [L in Exclude<LayerName, "prefectures">]: EngineLayer<L> } & {
  prefectures?: EngineLayer<"prefectures">;
  registeredUnits?: ReadonlyArray<{ longitude: number; latitude: number; properties: RegisteredUnitProperties }>;
};

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

/** A station serves (reach, full coverage) once it is open on `asOf` and has a social worker; planned ones always. */
export function isServing(station: Pick<StationRow, "socialWorkers" | "openedOn" | "planned">, asOf: string): boolean {
  return station.planned === true || (station.socialWorkers > 0 && station.openedOn <= asOf);
}

/** A date later than any real one: a model built without a date counts every station as open. */
export const FAR_FUTURE = "9999-12-31";

function unionBox(target: Bbox, box: Bbox): void {
  if (box[0] < target[0]) target[0] = box[0];
  if (box[1] < target[1]) target[1] = box[1];
  if (box[2] > target[2]) target[2] = box[2];
  if (box[3] > target[3]) target[3] = box[3];
}

export function buildModel(layers: EngineLayers, asOf: string = FAR_FUTURE): Model {
  const problems: ModelProblem[] = [];
  const report = (layer: LayerName, id: string, kind: ProblemKind, message: string) => problems.push({ layer, id, kind, message });

  // Each layer is linked to its parent by code; a unit whose own geometry is unusable is
  // reported and left out, because every indicator below needs a place.
  function linked<L extends Exclude<LayerName, "prefectures">, Row>(
    layer: L,
    idOf: (properties: LayerProperties[L]) => string,
    build: (properties: LayerProperties[L], geometry: Geometry) => Row | null,
  ): { rows: Row[]; index: Map<string, number> } {
    const rows: Row[] = [];
    const index = new Map<string, number>();
    const features = layers[layer].features as ReadonlyArray<{ geometry: Geometry | null; properties: LayerProperties[L] }>;
    for (const feature of features) {
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

  // Prefectures: the layer's names where given, else one per 4-digit prefix the counties use.
  const prefectureNames = new Map((layers.prefectures?.features ?? []).map((feature) => [feature.properties.code, feature.properties.name]));
  const prefectureIndex = new Map<string, number>();
  const prefectures: PrefectureRow[] = [];
  const prefectureOf = (code: string): number => {
    let found = prefectureIndex.get(code);
    if (found === undefined) {
      found = prefectures.length;
      prefectureIndex.set(code, found);
      prefectures.push({ code, name: prefectureNames.get(code) ?? code, bbox: [Infinity, Infinity, -Infinity, -Infinity] });
    }
    return found;
  };
  for (const code of [...prefectureNames.keys()].toSorted()) prefectureOf(code);

  const districts = linked(
    "districts",
    (p) => p.code,
    (p, g) => {
      const placed = areaOrReport("districts", p.code, g);
      if (!placed) return null;
      const prefecture = prefectureOf(p.prefectureCode ?? p.code.slice(0, 4));
      unionBox((prefectures[prefecture] as PrefectureRow).bbox, placed.bbox);
      return {
        code: p.code,
        name: p.name,
        longitude: placed.longitude,
        latitude: placed.latitude,
        bbox: placed.bbox,
        geometry: placed.geometry,
        prefectureIndex: prefecture,
      };
    },
  );
  const streets = linked(
    "streets",
    (p) => p.code,
    (p, g) => {
      const districtIndex = parentOf("streets", p.code, districts.index, p.districtCode, "district");
      const placed = areaOrReport("streets", p.code, g);
      if (!placed || districtIndex === undefined) return null;
      const kind = p.kind ?? streetKindFromCode(p.code);
      return {
        code: p.code,
        name: p.name,
        longitude: placed.longitude,
        latitude: placed.latitude,
        bbox: placed.bbox,
        geometry: placed.geometry,
        districtIndex,
        kind,
        stationTarget: p.stationTarget ?? kind !== "其他",
      };
    },
  );
  const communities = linked(
    "communities",
    (p) => p.code,
    (p, g) => {
      const streetIndex = parentOf("communities", p.code, streets.index, p.streetCode, "street");
      const placed = areaOrReport("communities", p.code, g);
      if (!placed || streetIndex === undefined) return null;
      // Rows are written out field by field: rest/spread copies are several times slower at 10^5 rows.
      return {
        code: p.code,
        name: p.name,
        kind: p.kind,
        households: p.households,
        population: p.population,
        partyOrgType: p.partyOrgType,
        partyMembers: p.partyMembers,
        bigPartyCommittee: p.bigPartyCommittee,
        dualRegisteredMembers: p.dualRegisteredMembers,
        socialOrganisations: p.socialOrganisations ?? null,
        volunteers: p.volunteers ?? null,
        longitude: placed.longitude,
        latitude: placed.latitude,
        bbox: placed.bbox,
        geometry: placed.geometry,
        streetIndex,
      };
    },
  );

  const insideCommunity = (layer: LayerName, id: string, row: Area, communityIndex: number) => {
    const community = communities.rows[communityIndex];
    if (!community || pointInPolygon(row.longitude, row.latitude, community.geometry)) return;
    // A concave unit's centroid can lie outside it; test a point surely inside the unit instead.
    const [longitude = 0, latitude = 0] = labelPoint(row.geometry);
    if (!pointInPolygon(longitude, latitude, community.geometry)) {
      report(layer, id, "outside-parent", `${id} lies outside its community ${community.code} ${community.name}`);
    }
  };

  const grids = linked(
    "grids",
    (p) => p.id,
    (p, g) => {
      const communityIndex = parentOf("grids", p.id, communities.index, p.communityCode, "community");
      const placed = areaOrReport("grids", p.id, g);
      if (!placed || communityIndex === undefined) return null;
      insideCommunity("grids", p.id, placed, communityIndex);
      return {
        id: p.id,
        name: p.name,
        workers: p.workers,
        households: p.households,
        buildingLeaders: p.buildingLeaders,
        workerName: p.workerName ?? null,
        staffedOn: p.staffedOn ?? null,
        longitude: placed.longitude,
        latitude: placed.latitude,
        bbox: placed.bbox,
        geometry: placed.geometry,
        communityIndex,
      };
    },
  );

  const compounds = linked(
    "compounds",
    (p) => p.id,
    (p, g) => {
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
      const kind = p.kind ?? "小区";
      // A 自然村 has no property company or owners' committee: the fields do not apply there.
      const estate = kind === "小区";
      return {
        id: p.id,
        name: p.name,
        kind,
        households: p.households,
        buildings: p.buildings,
        partyBranch: p.partyBranch,
        redProperty: estate ? p.redProperty : null,
        ownersCommittee: estate ? p.ownersCommittee : null,
        partyBranchSince: p.partyBranchSince ?? null,
        longitude: placed.longitude,
        latitude: placed.latitude,
        bbox: placed.bbox,
        geometry: placed.geometry,
        communityIndex,
        gridIndex,
      };
    },
  );

  const stations = linked(
    "stations",
    (p) => p.id,
    (p, g) => {
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
      return {
        id: p.id,
        name: p.name,
        level: p.level,
        socialWorkers: p.socialWorkers,
        certifiedWorkers: p.certifiedWorkers ?? null,
        openedOn: p.openedOn,
        longitude,
        latitude,
        streetIndex,
        communityIndex,
      };
    },
  );

  checkDeclaredHouseholds(communities.rows, compounds.rows, report);
  const model: Model = {
    asOf,
    prefectures: Object.freeze(prefectures) as PrefectureRow[],
    districts: Object.freeze(districts.rows) as DistrictRow[],
    streets: Object.freeze(streets.rows) as StreetRow[],
    communities: Object.freeze(communities.rows) as CommunityRow[],
    grids: Object.freeze(grids.rows) as GridRow[],
    compounds: Object.freeze(compounds.rows) as CompoundRow[],
    stations: Object.freeze(stations.rows) as StationRow[],
    problems,
  };
  return layers.registeredUnits ? withRegisteredUnits(model, layers.registeredUnits) : model;
}

/** Residential units holding more households than their community declares: reported, and the larger figure counts. */
function checkDeclaredHouseholds(
  communities: readonly CommunityRow[],
  compounds: readonly CompoundRow[],
  report: (layer: LayerName, id: string, kind: ProblemKind, message: string) => void,
): void {
  const located = new Float64Array(communities.length);
  for (const compound of compounds) located[compound.communityIndex] = (located[compound.communityIndex] ?? 0) + compound.households;
  communities.forEach((community, index) => {
    const inUnits = located[index] ?? 0;
    if (inUnits > community.households) {
      report(
        "communities",
        community.code,
        "households-exceed-declared",
        `${community.code} declares ${community.households} households but its residential units hold ${inUnits}; ${inUnits} are counted`,
      );
    }
  });
}
