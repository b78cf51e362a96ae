// Shared test fixtures are deep-frozen, so a "pure" function that mutates its input throws.

/** Freezes an object graph in place. Typed arrays cannot be frozen and are left as they are. */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || ArrayBuffer.isView(value) || Object.isFrozen(value)) return value;
  for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  return Object.freeze(value);
}
