// Names of the contract's fields and levels as officials read them, and how values are shown:
// missing data stays visibly missing ("—"), never zero.
import type { LayerName } from "../data/contract.ts";
import { formatNumber, type Language } from "./i18n.ts";

const FIELDS: Record<string, { zh: string; en: string }> = {
  code: { zh: "代码", en: "Code" },
  id: { zh: "编号", en: "ID" },
  prefectureCode: { zh: "所属州市代码", en: "Prefecture code" },
  districtCode: { zh: "所属县(市、区)代码", en: "County code" },
  streetCode: { zh: "所属乡镇(街道)代码", en: "Township code" },
  stationTarget: { zh: "纳入社工站全覆盖", en: "In the station target" },
  communityCode: { zh: "所属社区代码", en: "Community code" },
  kind: { zh: "类型", en: "Kind" },
  households: { zh: "户数", en: "Households" },
  population: { zh: "人口", en: "Population" },
  partyOrgType: { zh: "党组织类型", en: "Party organisation" },
  partyMembers: { zh: "党员数", en: "Party members" },
  bigPartyCommittee: { zh: "大党委", en: "Big party committee" },
  dualRegisteredMembers: { zh: "双报到党员", en: "Dual-registered members" },
  gridId: { zh: "所属网格", en: "Grid" },
  buildings: { zh: "楼栋数", en: "Buildings" },
  partyBranch: { zh: "党支部(党小组)", en: "Party branch (group)" },
  redProperty: { zh: "红色物业", en: "Red property" },
  ownersCommittee: { zh: "业委会", en: "Owners' committee" },
  workers: { zh: "网格员", en: "Grid workers" },
  buildingLeaders: { zh: "楼栋长", en: "Building leaders" },
  workerName: { zh: "网格员姓名", en: "Grid worker" },
  level: { zh: "级别", en: "Level" },
  socialWorkers: { zh: "社工人数", en: "Social workers" },
  openedOn: { zh: "建成日期", en: "Opened on" },
  certifiedWorkers: { zh: "持证社工", en: "Certified social workers" },
  partyBranchSince: { zh: "党组织成立日期", en: "Branch set up on" },
  staffedOn: { zh: "网格员到岗日期", en: "Staffed since" },
  socialOrganisations: { zh: "社区社会组织", en: "Social organisations" },
  volunteers: { zh: "注册志愿者", en: "Registered volunteers" },
};

const LEVELS: Record<LayerName, { zh: string; en: string }> = {
  prefectures: { zh: "州市", en: "Prefecture" },
  districts: { zh: "县(市、区)", en: "County" },
  streets: { zh: "乡镇(街道)", en: "Township" },
  communities: { zh: "社区", en: "Community" },
  grids: { zh: "网格", en: "Grid" },
  compounds: { zh: "小区 / 自然村", en: "Compound / village" },
  stations: { zh: "社工站(室)", en: "Social-work station" },
};

export function fieldLabel(field: string, language: Language): string {
  return FIELDS[field]?.[language] ?? field;
}

export function levelLabel(layer: LayerName, language: Language): string {
  return LEVELS[layer][language];
}

/** Fields where null means "nobody knows" (contract v2), not "none". */
const UNKNOWABLE: ReadonlySet<string> = new Set(["partyBranch", "redProperty", "ownersCommittee", "bigPartyCommittee", "partyOrgType", "socialOrganisations", "volunteers", "certifiedWorkers"]);
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
  communities: ["code", "kind", "households", "population", "partyOrgType", "partyMembers", "bigPartyCommittee", "dualRegisteredMembers", "socialOrganisations", "volunteers"],
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
