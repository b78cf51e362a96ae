// 双报到 units joined to the model's communities by code. A unit naming a community the dataset
// does not have is left out and reported, like every other row that cannot be placed.
import type { RegisteredUnitProperties } from "../data/contract.ts";
import type { Model, ModelProblem, RegisteredUnitRow } from "./model.ts";

export function withRegisteredUnits(model: Model, units: ReadonlyArray<{ longitude: number; latitude: number; properties: RegisteredUnitProperties }>): Model {
  const communityIndex = new Map(model.communities.map((row, index) => [row.code, index]));
  const problems: ModelProblem[] = [];
  const rows: RegisteredUnitRow[] = [];
  for (const { longitude, latitude, properties: p } of units) {
    const index = communityIndex.get(p.communityCode);
    if (index === undefined) {
      problems.push({
        layer: "communities",
        id: p.id,
        kind: "unknown-parent",
        message: `registered unit ${p.id} names community ${p.communityCode}, which does not exist`,
      });
      continue;
    }
    rows.push({
      id: p.id,
      name: p.name,
      kind: p.kind,
      communityIndex: index,
      members: p.members,
      bigPartyCommitteeMember: p.bigPartyCommitteeMember,
      registeredOn: p.registeredOn ?? null,
      longitude,
      latitude,
    });
  }
  return { ...model, registeredUnits: Object.freeze(rows) as RegisteredUnitRow[], problems: [...model.problems, ...problems] };
}

/** One 双报到 arc: from where the unit stands to its community's centre. */
export interface RegisteredArc {
  id: string;
  name: string;
  kind: RegisteredUnitRow["kind"];
  members: number;
  bigPartyCommitteeMember: boolean | null;
  communityCode: string;
  communityName: string;
  from: [number, number];
  to: [number, number];
}

/** The arcs of the units whose community lies within an area (a code prefix), the largest `limit` by members. */
export function registeredArcs(model: Model, withinArea: string, limit: number): RegisteredArc[] {
  const arcs: RegisteredArc[] = [];
  for (const unit of model.registeredUnits ?? []) {
    const community = model.communities[unit.communityIndex];
    if (!community?.code.startsWith(withinArea)) continue;
    arcs.push({
      id: unit.id,
      name: unit.name,
      kind: unit.kind,
      members: unit.members,
      bigPartyCommitteeMember: unit.bigPartyCommitteeMember,
      communityCode: community.code,
      communityName: community.name,
      from: [unit.longitude, unit.latitude],
      to: [community.longitude, community.latitude],
    });
  }
  return arcs.length <= limit ? arcs : arcs.toSorted((a, b) => b.members - a.members || a.id.localeCompare(b.id)).slice(0, limit);
}
