// Names of the contract's fields and levels as officials read them, and how values are shown:
// missing data stays visibly missing ("—"), never zero.
import type { LayerName } from "../../data/contract.ts";
import { formatNumber, isMessageKey, translate, type Language } from "../i18n/i18n.ts";

/** A field's name as officials read it; a field the messages do not name keeps its own name. */
export function fieldLabel(field: string, language: Language): string {
  const key = `field.${field}`;
  return isMessageKey(key) ? translate(language, key) : field;
}

export function levelLabel(layer: LayerName, language: Language): string {
  return translate(language, `level.${layer}`);
}

/** Fields where null means "nobody knows" (contract v2), not "none". */
const UNKNOWABLE: ReadonlySet<string> = new Set([
  "partyBranch",
  "redProperty",
  "ownersCommittee",
  "bigPartyCommittee",
  "partyOrgType",
  "socialOrganisations",
  "volunteers",
  "certifiedWorkers",
]);
/** Fields that do not apply to a 自然村 (no property company, no owners' committee). */
const ESTATE_ONLY: ReadonlySet<string> = new Set(["redProperty", "ownersCommittee"]);

/**
 * A field's value as shown: "未知" where the data leaves a knowable value unknown (null), "不适用"
 * where the field does not apply to the unit, "—" where there is nothing; never zero or "否" in
 * their place. `properties` are the unit's, to tell what applies.
 */
export function formatField(value: unknown, language: Language, field = "", properties: Record<string, unknown> = {}): string {
  if (ESTATE_ONLY.has(field) && properties.kind === "自然村") return language === "zh" ? "不适用" : "n/a";
  if (value === null && UNKNOWABLE.has(field)) return language === "zh" ? "未知" : "unknown";
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return language === "zh" ? (value ? "是" : "否") : value ? "yes" : "no";
  if (typeof value === "number") return Number.isFinite(value) ? formatNumber(language, value) : "—";
  return String(value);
}

/** Fields shown in a unit's card, in reading order (name is the title). */
export const CARD_FIELDS: Record<LayerName, readonly string[]> = {
  prefectures: ["code"],
  districts: ["code", "prefectureCode"],
  streets: ["code", "kind", "stationTarget", "districtCode"],
  communities: [
    "code",
    "kind",
    "households",
    "population",
    "partyOrgType",
    "partyMembers",
    "bigPartyCommittee",
    "dualRegisteredMembers",
    "socialOrganisations",
    "volunteers",
  ],
  grids: ["id", "communityCode", "households", "workers", "workerName", "staffedOn", "buildingLeaders"],
  compounds: ["id", "kind", "communityCode", "gridId", "households", "buildings", "partyBranch", "partyBranchSince", "redProperty", "ownersCommittee"],
  stations: ["id", "level", "streetCode", "communityCode", "socialWorkers", "certifiedWorkers", "openedOn"],
};

/** The one line a tooltip shows under the name. */
export function summaryLine(layer: LayerName, properties: Record<string, unknown>, language: Language): string {
  const get = (field: string) => formatField(properties[field], language);
  const label = (field: string) => fieldLabel(field, language);
  switch (layer) {
    case "compounds":
      return `${label("households")} ${get("households")} · ${label("partyBranch")} ${get("partyBranch")}`;
    case "grids":
      return `${label("households")} ${get("households")} · ${label("workers")} ${get("workers")}`;
    case "communities":
      return `${get("kind")} · ${label("households")} ${get("households")}`;
    case "stations":
      return `${get("level")} · ${label("socialWorkers")} ${get("socialWorkers")}`;
    default:
      return get("code");
  }
}
