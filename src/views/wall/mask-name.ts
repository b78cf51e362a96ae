// Personal names on a public screen: grid workers' names are personal data (docs/data-contract.md),
// so the wall shows 张*兰 unless the URL turns masking off. Pure.
import type { LayerName } from "../../data/contract.ts";

/** Properties of each layer that name a person. */
export const PERSONAL_FIELDS: Readonly<Partial<Record<LayerName, readonly string[]>>> = {
  grids: ["workerName"],
};

/**
 * Keeps the first character and, from three characters on, the last; every other character
 * becomes "*": 张小兰 → 张*兰, 张三 → 张*, 欧阳小明 → 欧**明. Characters are counted as code
 * points, so a name with a rare ideograph outside the BMP is not cut in half.
 */
export function maskName(name: string): string {
  const characters = Array.from(name.trim());
  if (characters.length === 0) return "";
  if (characters.length === 1) return "*";
  const first = characters[0] ?? "";
  if (characters.length === 2) return `${first}*`;
  const last = characters.at(-1) ?? "";
  return `${first}${"*".repeat(characters.length - 2)}${last}`;
}

/** A copy of a feature's properties with its personal fields masked; other values are untouched. */
export function maskPersonalFields(layer: LayerName, properties: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const fields = PERSONAL_FIELDS[layer] ?? [];
  const masked: Record<string, unknown> = { ...properties };
  for (const field of fields) {
    const value = masked[field];
    if (typeof value === "string") masked[field] = maskName(value);
  }
  return masked;
}
