/**
 * Compound (小区) attributes. Party branches cluster spatially: each community draws its own rate
 * around its street's rate, and weak streets have a low one. Red property (红色物业) is likelier
 * where a branch exists; village-group settlements have neither property company nor owners'
 * committee.
 */
import type { CompoundProperties } from "../../../src/data/contract.ts";
import type { CompoundStyle } from "./household-plan.ts";
import type { Random } from "./prng.ts";
import type { StreetTraits } from "./street-traits.ts";

/** Share of compounds deliberately left without a grid (a gap to find). */
export const UNASSIGNED_COMPOUND_SHARE = 0.03;

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
  style: CompoundStyle;
}

export function compoundAttributes(
  random: Random,
  draft: CompoundDraft,
  gridId: string | null,
  branchRate: number,
): CompoundProperties {
  const estate = draft.style === "estate";
  const partyBranch = random.chance(estate ? branchRate : branchRate * 0.3);
  const redProperty = estate && random.chance(partyBranch ? 0.5 : 0.2);
  const ownersCommittee = estate && random.chance(draft.households >= 500 ? 0.75 : 0.55);
  const perBuilding = estate ? random.uniform(40, 80) : random.uniform(4, 8);
  return {
    id: draft.id,
    name: draft.name,
    communityCode: draft.communityCode,
    gridId,
    households: draft.households,
    buildings: Math.max(1, Math.round(draft.households / perBuilding)),
    partyBranch,
    redProperty,
    ownersCommittee,
  };
}
