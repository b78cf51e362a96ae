// The analysis model's rows: every unit flat, linked to its parent by index, with the problems
// found while linking (built by model.ts, which re-exports these types). Contract v2: prefectures
// above the counties, township kinds and the 社工站 target flag, rural 自然村 beside urban 小区,
// unknown (null) values kept as null.
import type { MultiPolygon, Polygon } from "geojson";
import type {
  CommunityProperties,
  CompoundKind,
  CompoundProperties,
  GridProperties,
  LayerName,
  RegisteredUnitKind,
  StationProperties,
  StreetKind,
} from "../data/contract.ts";

export type ProblemKind =
  "unknown-parent" | "unknown-grid" | "grid-in-other-community" | "outside-parent" | "no-coordinates" | "duplicate" | "households-exceed-declared";

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
interface Located extends Placed {
  bbox: Bbox;
}
export interface Area extends Located {
  /** The unit's outline; only the engine's locators and containment checks read it. */
  geometry: Polygon | MultiPolygon;
}
/** Grids and residential units: read from an attribute table they carry no outline, only centroid and box. */
interface Unit extends Located {
  geometry?: Polygon | MultiPolygon;
}
export interface PrefectureRow {
  code: string;
  name: string;
  /** Union of its counties' boxes. */
  bbox: Bbox;
}
export interface DistrictRow extends Area {
  code: string;
  name: string;
  prefectureIndex: number;
}
export interface StreetRow extends Area {
  code: string;
  name: string;
  districtIndex: number;
  kind: StreetKind;
  /** Counts toward the 乡镇(街道)社工站 full-coverage target. */
  stationTarget: boolean;
}
export interface CommunityRow extends Area, Omit<CommunityProperties, "streetCode" | "socialOrganisations" | "volunteers"> {
  streetIndex: number;
  socialOrganisations: number | null;
  volunteers: number | null;
}
export interface GridRow extends Unit, Omit<GridProperties, "communityCode" | "staffedOn"> {
  communityIndex: number;
  staffedOn: string | null;
}
export interface CompoundRow extends Unit, Omit<CompoundProperties, "communityCode" | "gridId" | "kind" | "partyBranchSince"> {
  kind: CompoundKind;
  partyBranchSince: string | null;
  communityIndex: number;
  /** -1 when the compound belongs to no (known) grid. */
  gridIndex: number;
}
export interface StationRow extends Placed, Omit<StationProperties, "streetCode" | "communityCode" | "certifiedWorkers"> {
  streetIndex: number;
  /** Certified social workers (持证社工); null when not known. */
  certifiedWorkers?: number | null;
  communityIndex: number;
  /** A what-if station: it serves from the day it is planned, staffed or not. */
  planned?: boolean;
}

/** 双报到: a unit registered with a community (the registered-units file). */
export interface RegisteredUnitRow extends Placed {
  id: string;
  name: string;
  kind: RegisteredUnitKind;
  communityIndex: number;
  members: number;
  bigPartyCommitteeMember: boolean | null;
  registeredOn: string | null;
}

export interface Model {
  /** The 数据截至 date: stations opened after it do not count yet. */
  asOf: string;
  prefectures: PrefectureRow[];
  districts: DistrictRow[];
  streets: StreetRow[];
  communities: CommunityRow[];
  grids: GridRow[];
  compounds: CompoundRow[];
  stations: StationRow[];
  /** 双报到 units; undefined when the dataset has no registered-units file (then their indicators are unknown). */
  registeredUnits?: RegisteredUnitRow[];
  problems: ModelProblem[];
}
