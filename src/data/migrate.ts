// Contract version 1 manifests (before the prefecture level and the synthetic-attributes list)
// are upgraded on read, so that an office's existing dataset folder keeps working. Layer files
// need no upgrade: every field version 2 added is optional, and version 1 values mean the same.
import { CONTRACT_VERSION } from "./contract.ts";
import { isRecord } from "./is-record.ts";

export interface Migrated {
  json: unknown;
  /** What was assumed, in words, for the data-problems panel. */
  notes: string[];
}

/** "昆明市党建地图(演示数据)" -> "昆明市": the area a version 1 title names. */
export function areaNameFromTitle(title: string): string {
  return (
    title
      .replace(/(党建地图|党建|地图)?\s*[(（].*$/, "")
      .replace(/党建地图$/, "")
      .trim() || title
  );
}

export function migrateManifest(json: unknown): Migrated {
  if (!isRecord(json) || json.contract !== undefined) return { json, notes: [] };
  const notes = [`manifest: contract version 1, read as version ${CONTRACT_VERSION}`];
  const upgraded: Record<string, unknown> = { ...json, contract: CONTRACT_VERSION };
  if (Array.isArray(json.synthetic)) {
    upgraded.synthetic = { geometry: json.synthetic, attributes: [] };
    notes.push("manifest: version 1 lists only layers with synthetic geometry; whether any attributes are synthetic is not stated");
  }
  if (json.area === undefined && typeof json.title === "string") {
    upgraded.area = { name: areaNameFromTitle(json.title), level: "prefecture" };
    notes.push(`manifest: no "area"; "${areaNameFromTitle(json.title)}" is taken from the title`);
  }
  return { json: upgraded, notes };
}
