/**
 * Community (社区/村) attributes. Sizes follow the household count; the party organisation type
 * follows party membership the way the party's rules tie them (党委 from about 100 members,
 * 党总支 from about 50), with a few communities left blank as data gaps.
 */
import type { CommunityProperties } from "../../../src/data/contract.ts";
import type { Random } from "./prng.ts";
import type { SourceCommunity } from "./source-data.ts";
import type { StreetTraits } from "./street-traits.ts";

/** Share of communities whose party organisation type is missing (a data gap). */
export const MISSING_PARTY_ORG_SHARE = 0.015;

export function communityAttributes(
  random: Random,
  community: SourceCommunity,
  households: number,
  traits: StreetTraits,
): CommunityProperties {
  const population = Math.round(households * random.uniform(2.6, 3.2));
  const partyMembers = Math.round(population * random.uniform(0.02, 0.05));
  const resident = community.kind === "居委会";
  const dualShare = traits.lowDualRegistration
    ? random.uniform(0.01, 0.06)
    : resident
      ? random.uniform(0.25, 0.7)
      : random.uniform(0.05, 0.25);
  return {
    code: community.code,
    name: community.name,
    streetCode: community.streetCode,
    kind: community.kind,
    households,
    population,
    partyOrgType: partyOrgType(random, partyMembers),
    partyMembers,
    bigPartyCommittee: random.chance(resident ? 0.75 : 0.3),
    dualRegisteredMembers: Math.round(partyMembers * dualShare),
  };
}

function partyOrgType(random: Random, partyMembers: number): CommunityProperties["partyOrgType"] {
  if (random.chance(MISSING_PARTY_ORG_SHARE)) return null;
  if (partyMembers >= 100) return random.weighted([["党委", 0.3], ["党总支", 0.5], ["党支部", 0.2]] as const);
  if (partyMembers >= 50) return random.weighted([["党委", 0.05], ["党总支", 0.55], ["党支部", 0.4]] as const);
  return random.weighted([["党总支", 0.15], ["党支部", 0.85]] as const);
}
