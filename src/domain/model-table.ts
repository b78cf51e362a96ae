// The engine's model as an attribute table (src/data/columnar.ts) and back: every row with its
// codes, parent indices, centroid, box, counts and flags. Areas above the residential units keep a
// simplified outline (what-if stations are placed in them); grids and units keep only their
// centroid and box, and the containment problems found when the table was written travel with it.
// The column codecs (typed columns, outline tables, checked getters) are in model-table-columns.ts.
import type { DecodedTables, Tables } from "../data/columnar.ts";
import { TableError } from "../data/columnar.ts";
import type { CompoundKind, RegisteredUnitKind, StreetKind } from "../data/contract.ts";
import type { StationAccess } from "./station-access.ts";
import type { CommunityRow, CompoundRow, DistrictRow, GridRow, Model, ModelProblem, PrefectureRow, RegisteredUnitRow, StationRow, StreetRow } from "./model.ts";
import { bool, columnsOf, dict, nullableCount, num, outlines, outlinesOf, placed, placedBox, str, withLazyOutlines, type Rows } from "./model-table-columns.ts";

export { OUTLINE_TOLERANCE } from "./model-table-columns.ts";

/**
 * The model as tables, with its problems and date in the metadata. With `access`, each unit's
 * distance to its nearest serving station and that station's index travel too: the one spatial
 * join of the analysis that no threshold changes, done once when the table is written instead of
 * in every browser that opens it (what-if edits update it from there).
 */
export function modelToTables(model: Model, access?: StationAccess): { tables: Tables; meta: Record<string, unknown> } {
  const tables: Tables = {};
  const p = model.prefectures as unknown as Rows;
  tables.prefectures = { code: str(p, "code"), name: str(p, "name"), ...placedBox(model.prefectures) };
  const d = model.districts as unknown as Rows;
  tables.districts = { code: str(d, "code"), name: str(d, "name"), prefectureIndex: num(d, "prefectureIndex", "u32"), ...placed(model.districts) };
  tables.districts.ringFrom = outlines("districts", model.districts, tables);
  const s = model.streets as unknown as Rows;
  tables.streets = {
    code: str(s, "code"),
    name: str(s, "name"),
    districtIndex: num(s, "districtIndex", "u32"),
    kind: dict(s, "kind"),
    stationTarget: bool(s, "stationTarget"),
    ...placed(model.streets),
  };
  tables.streets.ringFrom = outlines("streets", model.streets, tables);
  const c = model.communities as unknown as Rows;
  tables.communities = {
    code: str(c, "code"),
    name: str(c, "name"),
    streetIndex: num(c, "streetIndex", "u32"),
    kind: dict(c, "kind"),
    households: num(c, "households", "u32"),
    population: num(c, "population", "u32"),
    partyOrgType: dict(c, "partyOrgType"),
    partyMembers: num(c, "partyMembers", "u32"),
    bigPartyCommittee: bool(c, "bigPartyCommittee"),
    dualRegisteredMembers: num(c, "dualRegisteredMembers", "u32"),
    socialOrganisations: nullableCount(c, "socialOrganisations"),
    volunteers: nullableCount(c, "volunteers"),
    ...placed(model.communities),
  };
  tables.communities.ringFrom = outlines("communities", model.communities, tables);
  const g = model.grids as unknown as Rows;
  tables.grids = {
    id: str(g, "id"),
    name: str(g, "name"),
    communityIndex: num(g, "communityIndex", "u32"),
    workers: num(g, "workers", "u32"),
    households: num(g, "households", "u32"),
    buildingLeaders: num(g, "buildingLeaders", "u32"),
    workerName: str(g, "workerName"),
    staffedOn: dict(g, "staffedOn"),
    ...placed(model.grids, "f32"),
  };
  const u = model.compounds as unknown as Rows;
  tables.compounds = {
    id: str(u, "id"),
    name: str(u, "name"),
    kind: dict(u, "kind"),
    communityIndex: num(u, "communityIndex", "u32"),
    gridIndex: num(u, "gridIndex", "i32"),
    households: num(u, "households", "u32"),
    buildings: num(u, "buildings", "u32"),
    partyBranch: bool(u, "partyBranch"),
    redProperty: bool(u, "redProperty"),
    ownersCommittee: bool(u, "ownersCommittee"),
    partyBranchSince: dict(u, "partyBranchSince"),
    ...placed(model.compounds, "f32"),
    ...(access ? { stationDistance: { type: "f64", values: access.distance }, nearestStation: { type: "i32", values: access.nearest } } : {}),
  };
  const t = model.stations as unknown as Rows;
  tables.stations = {
    id: str(t, "id"),
    name: str(t, "name"),
    level: dict(t, "level"),
    streetIndex: num(t, "streetIndex", "u32"),
    communityIndex: num(t, "communityIndex", "i32"),
    socialWorkers: num(t, "socialWorkers", "u32"),
    certifiedWorkers: nullableCount(t, "certifiedWorkers"),
    openedOn: dict(t, "openedOn"),
    ...placed(model.stations.map((row) => ({ longitude: row.longitude, latitude: row.latitude }))),
  };
  if (model.registeredUnits) {
    const r = model.registeredUnits as unknown as Rows;
    tables.registeredUnits = {
      id: str(r, "id"),
      name: str(r, "name"),
      kind: dict(r, "kind"),
      communityIndex: num(r, "communityIndex", "u32"),
      members: num(r, "members", "u32"),
      bigPartyCommitteeMember: bool(r, "bigPartyCommitteeMember"),
      registeredOn: dict(r, "registeredOn"),
      ...placed(model.registeredUnits),
    };
  }
  return { tables, meta: { asOf: model.asOf, problems: model.problems } };
}

/**
 * Reads the model back. Rows are built in plain loops from whole columns, each row an object
 * literal of one shape: a province has 200,000 rows and per-value getters and keyed writes cost
 * more than the data.
 */
export function modelFromTables(decoded: DecodedTables, file: string): Model {
  const p = columnsOf(decoded, file, "prefectures");
  const [pCode, pName, pBox] = [p.strings("code"), p.strings("name"), p.boxes()];
  const prefectures = Array.from({ length: p.rows }, (_, row): PrefectureRow => ({ code: pCode[row] as string, name: pName[row] as string, bbox: pBox(row) }));

  const d = columnsOf(decoded, file, "districts");
  const [dCode, dName, dParent, dLon, dLat, dBox] = [
    d.strings("code"),
    d.strings("name"),
    d.numbers("prefectureIndex"),
    d.numbers("longitude"),
    d.numbers("latitude"),
    d.boxes(),
  ];
  const districts = withLazyOutlines(
    Array.from({ length: d.rows }, (_, row) => ({
      code: dCode[row] as string,
      name: dName[row] as string,
      prefectureIndex: dParent[row] as number,
      longitude: dLon[row] as number,
      latitude: dLat[row] as number,
      bbox: dBox(row),
    })) as DistrictRow[],
    outlinesOf(decoded, file, "districts"),
  );

  const t = columnsOf(decoded, file, "streets");
  const [sCode, sName, sParent, sKind, sTarget, sLon, sLat, sBox] = [
    t.strings("code"),
    t.strings("name"),
    t.numbers("districtIndex"),
    t.strings("kind"),
    t.flags("stationTarget"),
    t.numbers("longitude"),
    t.numbers("latitude"),
    t.boxes(),
  ];
  const streets = withLazyOutlines(
    Array.from({ length: t.rows }, (_, row) => ({
      code: sCode[row] as string,
      name: sName[row] as string,
      districtIndex: sParent[row] as number,
      kind: sKind[row] as StreetKind,
      stationTarget: sTarget[row] === true,
      longitude: sLon[row] as number,
      latitude: sLat[row] as number,
      bbox: sBox(row),
    })) as StreetRow[],
    outlinesOf(decoded, file, "streets"),
  );

  const c = columnsOf(decoded, file, "communities");
  const [cCode, cName, cParent, cKind, cHouseholds, cPopulation, cOrg, cMembers, cBig, cDual, cLon, cLat, cBox] = [
    c.strings("code"),
    c.strings("name"),
    c.numbers("streetIndex"),
    c.strings("kind"),
    c.numbers("households"),
    c.numbers("population"),
    c.nullableStrings("partyOrgType"),
    c.numbers("partyMembers"),
    c.flags("bigPartyCommittee"),
    c.numbers("dualRegisteredMembers"),
    c.numbers("longitude"),
    c.numbers("latitude"),
    c.boxes(),
  ];
  const [cOrgs, cVolunteers] = [c.optionalCounts("socialOrganisations"), c.optionalCounts("volunteers")];
  const communities = withLazyOutlines(
    Array.from({ length: c.rows }, (_, row) => ({
      code: cCode[row] as string,
      name: cName[row] as string,
      streetIndex: cParent[row] as number,
      kind: cKind[row] as CommunityRow["kind"],
      households: cHouseholds[row] as number,
      population: cPopulation[row] as number,
      partyOrgType: (cOrg[row] ?? null) as CommunityRow["partyOrgType"],
      partyMembers: cMembers[row] as number,
      bigPartyCommittee: cBig[row] ?? null,
      dualRegisteredMembers: cDual[row] as number,
      socialOrganisations: cOrgs(row),
      volunteers: cVolunteers(row),
      longitude: cLon[row] as number,
      latitude: cLat[row] as number,
      bbox: cBox(row),
    })) as CommunityRow[],
    outlinesOf(decoded, file, "communities"),
  );

  const g = columnsOf(decoded, file, "grids");
  const [gId, gName, gParent, gWorkers, gHouseholds, gLeaders, gWorker, gLon, gLat, gBox] = [
    g.strings("id"),
    g.strings("name"),
    g.numbers("communityIndex"),
    g.numbers("workers"),
    g.numbers("households"),
    g.numbers("buildingLeaders"),
    g.nullableStrings("workerName"),
    g.numbers("longitude"),
    g.numbers("latitude"),
    g.boxes(),
  ];
  const gStaffed = g.optionalStrings("staffedOn");
  const grids = Array.from({ length: g.rows }, (_, row): GridRow => ({
    id: gId[row] as string,
    name: gName[row] as string,
    communityIndex: gParent[row] as number,
    workers: gWorkers[row] as number,
    households: gHouseholds[row] as number,
    buildingLeaders: gLeaders[row] as number,
    workerName: gWorker[row] ?? null,
    staffedOn: gStaffed(row),
    longitude: gLon[row] as number,
    latitude: gLat[row] as number,
    bbox: gBox(row),
  }));

  const u = columnsOf(decoded, file, "compounds");
  const [uId, uName, uKind, uParent, uGrid, uHouseholds, uBuildings, uBranch, uRed, uOwners, uLon, uLat, uBox] = [
    u.strings("id"),
    u.strings("name"),
    u.nullableStrings("kind"),
    u.numbers("communityIndex"),
    u.numbers("gridIndex"),
    u.numbers("households"),
    u.numbers("buildings"),
    u.flags("partyBranch"),
    u.flags("redProperty"),
    u.flags("ownersCommittee"),
    u.numbers("longitude"),
    u.numbers("latitude"),
    u.boxes(),
  ];
  const uSince = u.optionalStrings("partyBranchSince");
  const compounds = Array.from({ length: u.rows }, (_, row): CompoundRow => ({
    id: uId[row] as string,
    name: uName[row] as string,
    kind: (uKind[row] ?? "小区") as CompoundKind,
    communityIndex: uParent[row] as number,
    gridIndex: uGrid[row] as number,
    households: uHouseholds[row] as number,
    buildings: uBuildings[row] as number,
    partyBranch: uBranch[row] ?? null,
    redProperty: uRed[row] ?? null,
    ownersCommittee: uOwners[row] ?? null,
    partyBranchSince: uSince(row),
    longitude: uLon[row] as number,
    latitude: uLat[row] as number,
    bbox: uBox(row),
  }));

  const n = columnsOf(decoded, file, "stations");
  const [nId, nName, nLevel, nStreet, nCommunity, nWorkers, nOpened, nLon, nLat] = [
    n.strings("id"),
    n.strings("name"),
    n.strings("level"),
    n.numbers("streetIndex"),
    n.numbers("communityIndex"),
    n.numbers("socialWorkers"),
    n.nullableStrings("openedOn"),
    n.numbers("longitude"),
    n.numbers("latitude"),
  ];
  const nCertified = n.optionalCounts("certifiedWorkers");
  const stations = Array.from({ length: n.rows }, (_, row) => ({
    id: nId[row] as string,
    name: nName[row] as string,
    level: nLevel[row] as StationRow["level"],
    streetIndex: nStreet[row] as number,
    communityIndex: nCommunity[row] as number,
    socialWorkers: nWorkers[row] as number,
    certifiedWorkers: nCertified(row),
    openedOn: nOpened[row] ?? null,
    longitude: nLon[row] as number,
    latitude: nLat[row] as number,
  })) as StationRow[];

  const meta = decoded.header.meta;
  const registeredUnits = decoded.column("registeredUnits", "id") ? registeredUnitsFromTables(decoded, file) : undefined;
  return {
    asOf: typeof meta.asOf === "string" ? meta.asOf : "9999-12-31",
    prefectures: Object.freeze(prefectures) as PrefectureRow[],
    districts: Object.freeze(districts) as DistrictRow[],
    streets: Object.freeze(streets) as StreetRow[],
    communities: Object.freeze(communities) as CommunityRow[],
    grids: Object.freeze(grids) as GridRow[],
    compounds: Object.freeze(compounds) as CompoundRow[],
    stations: Object.freeze(stations) as StationRow[],
    ...(registeredUnits ? { registeredUnits } : {}),
    problems: Array.isArray(meta.problems) ? (meta.problems as ModelProblem[]) : [],
  };
}

function registeredUnitsFromTables(decoded: DecodedTables, file: string): RegisteredUnitRow[] {
  const r = columnsOf(decoded, file, "registeredUnits");
  const [id, name, kind, community, members, big, registered, lon, lat] = [
    r.strings("id"),
    r.strings("name"),
    r.strings("kind"),
    r.numbers("communityIndex"),
    r.numbers("members"),
    r.flags("bigPartyCommitteeMember"),
    r.nullableStrings("registeredOn"),
    r.numbers("longitude"),
    r.numbers("latitude"),
  ];
  const communities = decoded.rows("communities");
  return Object.freeze(
    Array.from({ length: r.rows }, (_, row): RegisteredUnitRow => {
      const communityIndex = community[row] as number;
      if (communityIndex >= communities) throw new TableError(file, `registeredUnits.communityIndex names community ${communityIndex} of ${communities}`);
      return {
        id: id[row] as string,
        name: name[row] as string,
        kind: kind[row] as RegisteredUnitKind,
        communityIndex,
        members: members[row] as number,
        bigPartyCommitteeMember: big[row] ?? null,
        registeredOn: registered[row] ?? null,
        longitude: lon[row] as number,
        latitude: lat[row] as number,
      };
    }),
  ) as RegisteredUnitRow[];
}

/** The station access written with the table, or undefined when it was written without (then the engine computes it). */
export function accessFromTables(decoded: DecodedTables, file: string): StationAccess | undefined {
  const distance = decoded.column("compounds", "stationDistance");
  const nearest = decoded.column("compounds", "nearestStation");
  if (!distance && !nearest) return undefined;
  if (distance?.type !== "f64" || nearest?.type !== "i32")
    throw new TableError(file, "compounds.stationDistance must be f64 and compounds.nearestStation i32, both or neither");
  const stations = decoded.rows("stations");
  const nearestIndexes = nearest.all() as Int32Array;
  for (const index of nearestIndexes) if (index >= stations) throw new TableError(file, `compounds.nearestStation names station ${index} of ${stations}`);
  // Copies: what-if edits slice these, and the file's bytes can then be let go.
  return { distance: Float64Array.from(distance.all() as Float64Array), nearest: Int32Array.from(nearestIndexes) };
}
