/**
 * Community (社区/村) attributes. Population follows households at the prefecture's census ratio;
 * the party organisation type follows party membership the way the party's rules tie them (党委
 * from about 100 members, 党总支 from about 50). A few communities are recorded as having none
 * (无) and a few are not recorded at all (null, unknown); a 大党委 only exists where there is a
 * party organisation.
 */
import type { CommunityProperties } from "../../../../src/data/contract.ts";
import type { Random } from "./prng.ts";
import { withCommunityResources } from "./programmes.ts";
import type { SourceCommunity } from "../sources/source-data.ts";
import type { StreetTraits } from "./street-traits.ts";

/** Shares of communities with no party organisation (无) and with none recorded (null). */
export const NO_PARTY_ORG_SHARE = 0.01;
export const UNKNOWN_PARTY_ORG_SHARE = 0.015;
export const UNKNOWN_BIG_COMMITTEE_SHARE = 0.02;

export function communityAttributes(
  random: Random,
  community: SourceCommunity,
  households: number,
  residentsPerHousehold: number,
  traits: StreetTraits,
): CommunityProperties {
  const population = Math.round(households * residentsPerHousehold * random.uniform(0.93, 1.07));
  const partyMembers = Math.round(population * random.uniform(0.02, 0.05));
  const resident = community.kind === "居委会";
  const dualShare = traits.lowDualRegistration ? random.uniform(0.01, 0.06) : resident ? random.uniform(0.25, 0.7) : random.uniform(0.05, 0.25);
  const partyOrgType = partyOrgTypeOf(random, partyMembers);
  const bigPartyCommittee = partyOrgType === "无" ? false : random.chance(UNKNOWN_BIG_COMMITTEE_SHARE) ? null : random.chance(resident ? 0.75 : 0.3);
  return withCommunityResources({
    code: community.code,
    name: community.name,
    streetCode: community.streetCode,
    kind: community.kind,
    households,
    population,
    partyOrgType,
    partyMembers,
    bigPartyCommittee,
    dualRegisteredMembers: Math.round(partyMembers * dualShare),
  });
}

function partyOrgTypeOf(random: Random, partyMembers: number): CommunityProperties["partyOrgType"] {
  if (random.chance(UNKNOWN_PARTY_ORG_SHARE)) return null;
  if (random.chance(NO_PARTY_ORG_SHARE)) return "无";
  if (partyMembers >= 100)
    return random.weighted([
      ["党委", 0.3],
      ["党总支", 0.5],
      ["党支部", 0.2],
    ] as const);
  if (partyMembers >= 50)
    return random.weighted([
      ["党委", 0.05],
      ["党总支", 0.55],
      ["党支部", 0.4],
    ] as const);
  return random.weighted([
    ["党总支", 0.15],
    ["党支部", 0.85],
  ] as const);
}
