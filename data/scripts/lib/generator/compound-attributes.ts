/**
 * Residential-unit attributes. Party branches cluster spatially: each community draws its own rate
 * around its street's rate, and weak streets have a low one. Red property (红色物业) is likelier
 * where a branch exists. A 自然村 has a party group or branch (党小组 / 党支部) a little less often
 * than an estate, and no property company or owners' committee (null: the fields do not apply).
 * A few values are left unknown (null), as in real records; an unknown is never a gap.
 */
import type { CompoundKind, CompoundProperties } from "../../../../src/data/contract.ts";
import type { Random } from "./prng.ts";
import { withBranchDate } from "./programmes.ts";
import type { StreetTraits } from "./street-traits.ts";

/** Share of compounds deliberately left without a grid (a gap to find). */
export const UNASSIGNED_COMPOUND_SHARE = 0.03;
/** Shares of values nobody has recorded. */
export const UNKNOWN_SHARES = { partyBranch: 0.03, redProperty: 0.04, ownersCommittee: 0.03 } as const;

/** The rate at which a community's estates have a party branch. */
export function partyBranchRate(random: Random, traits: StreetTraits): number {
  const streetRate = traits.weakPartyBranches ? random.uniform(0.15, 0.35) : random.uniform(0.62, 0.85);
  return Math.min(0.98, Math.max(0.02, random.normal(streetRate, 0.12)));
}

export interface CompoundDraft {
  id: string;
  name: string;
  communityCode: string;
  households: number;
  kind: CompoundKind;
}

const unknownOr = (random: Random, share: number, value: boolean): boolean | null => (random.chance(share) ? null : value);

export function compoundAttributes(random: Random, draft: CompoundDraft, gridId: string | null, branchRate: number): CompoundProperties {
  const estate = draft.kind === "小区";
  const partyBranch = random.chance(estate ? branchRate : branchRate * 0.8);
  const redProperty = estate && random.chance(partyBranch ? 0.5 : 0.2);
  const ownersCommittee = estate && random.chance(draft.households >= 500 ? 0.75 : 0.55);
  const perBuilding = estate ? random.uniform(40, 80) : random.uniform(1.1, 1.6);
  return withBranchDate({
    id: draft.id,
    name: draft.name,
    communityCode: draft.communityCode,
    kind: draft.kind,
    gridId,
    households: draft.households,
    buildings: Math.max(1, Math.round(draft.households / perBuilding)),
    partyBranch: unknownOr(random, UNKNOWN_SHARES.partyBranch, partyBranch),
    redProperty: estate ? unknownOr(random, UNKNOWN_SHARES.redProperty, redProperty) : null,
    ownersCommittee: estate ? unknownOr(random, UNKNOWN_SHARES.ownersCommittee, ownersCommittee) : null,
  });
}
