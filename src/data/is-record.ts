/** A plain JSON object (not null, not an array): what untrusted JSON is checked for first. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
