/**
 * The generator's own gate: every feature must pass the app's contract (src/data/contract.ts) and
 * geometry rules (src/data/geometry-check.ts) before anything is written. It also insists on what
 * the schemas leave open: no extra property keys, unique ids, and `id` equal to the code/id.
 */
import { LAYER_GEOMETRY, LAYER_PROPERTIES, type LayerName } from "../../../../src/data/contract.ts";
import { checkGeometry } from "../../../../src/data/geometry-check.ts";
import type { GeneratedFeature } from "./generated-feature.ts";

export class ContractViolation extends Error {
  override readonly name = "ContractViolation";
}

export function checkLayer(layer: LayerName, features: readonly GeneratedFeature<object>[]): void {
  const schema = LAYER_PROPERTIES[layer];
  const allowedKeys = new Set(Object.keys(schema.shape));
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const feature of features) {
    const where = `${layer} ${feature.id}`;
    const result = schema.safeParse(feature.properties);
    if (!result.success) problems.push(`${where}: ${result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}`);
    for (const key of Object.keys(feature.properties)) if (!allowedKeys.has(key)) problems.push(`${where}: unexpected property ${key}`);
    const ownKey = (feature.properties as { code?: unknown; id?: unknown }).code ?? (feature.properties as { id?: unknown }).id;
    if (ownKey !== feature.id) problems.push(`${where}: feature id differs from properties code/id (${String(ownKey)})`);
    const geometryProblem = checkGeometry(feature.geometry, LAYER_GEOMETRY[layer]);
    if (geometryProblem) problems.push(`${where}: ${geometryProblem}`);
    if (seen.has(feature.id)) problems.push(`${where}: duplicate id`);
    seen.add(feature.id);
    if (problems.length >= 20) break;
  }
  if (problems.length > 0) throw new ContractViolation(`${layer}: contract violations\n  ${problems.join("\n  ")}`);
}
