// The two programme files a manifest may point to beside its layers: the 考核督导 targets and the
// 双报到 registered units. Same rules as the layers: a broken file is a DataError naming the file
// and the field; a broken feature of the units file is left out and reported, the rest is kept.
import { registeredUnitFeature, targetsFileSchema, type RegisteredUnitProperties, type Target } from "./contract.ts";
import { isRecord } from "./is-record.ts";
import { DataError, type ContractIssue } from "./validate.ts";

export function parseTargetsFile(file: string, json: unknown): Target[] {
  const result = targetsFileSchema.safeParse(json);
  if (result.success) {
    const ids = new Set<string>();
    const issues: ContractIssue[] = [];
    result.data.targets.forEach((target, index) => {
      if (ids.has(target.id)) issues.push({ file, field: `targets.${index}.id`, message: `${target.id} appears more than once` });
      if (target.deadline < target.start)
        issues.push({ file, field: `targets.${index}.deadline`, message: `${target.deadline} is before the start ${target.start}` });
      ids.add(target.id);
    });
    if (issues.length > 0) throw new DataError(file, issues);
    return result.data.targets;
  }
  throw new DataError(
    file,
    result.error.issues.slice(0, 50).map((issue) => ({ file, field: issue.path.join(".") || "(root)", message: issue.message })),
    result.error.issues.length,
  );
}

export interface RegisteredUnitFeature {
  longitude: number;
  latitude: number;
  properties: RegisteredUnitProperties;
}

/** The valid units, and an issue for each feature left out. A file that is not a FeatureCollection is a DataError. */
export function parseRegisteredUnits(file: string, json: unknown): { units: RegisteredUnitFeature[]; issues: ContractIssue[] } {
  if (!isRecord(json) || json.type !== "FeatureCollection" || !Array.isArray(json.features)) {
    throw new DataError(file, [{ file, field: "(root)", message: "is not a GeoJSON FeatureCollection" }]);
  }
  const units: RegisteredUnitFeature[] = [];
  const issues: ContractIssue[] = [];
  const seen = new Set<string>();
  (json.features as unknown[]).forEach((feature, index) => {
    const result = registeredUnitFeature.safeParse(feature);
    if (!result.success) {
      const [first] = result.error.issues;
      const id = isRecord(feature) && isRecord(feature.properties) && typeof feature.properties.id === "string" ? feature.properties.id : undefined;
      issues.push({
        file,
        feature: index,
        ...(id ? { featureId: id } : {}),
        field: first?.path.join(".") ?? "(feature)",
        message: first?.message ?? "invalid",
      });
      return;
    }
    const { properties, geometry } = result.data;
    if (seen.has(properties.id)) {
      issues.push({
        file,
        feature: index,
        featureId: properties.id,
        field: "properties.id",
        message: `${properties.id} appears more than once; the first is used`,
      });
      return;
    }
    seen.add(properties.id);
    units.push({ longitude: geometry.coordinates[0], latitude: geometry.coordinates[1], properties });
  });
  return { units, issues };
}
