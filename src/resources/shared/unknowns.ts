/**
 * Preview's placeholder for a value that another resource has not computed yet (for example a
 * collection's `endpoint` taken from a cluster that does not exist yet). It arrives as this exact string.
 */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** True when the value is preview's unknown placeholder. */
export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN;
}

/** True when the value, or anything inside it, is unknown. */
export function containsUnknown(value: unknown): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value !== null && typeof value === "object") return Object.values(value).some(containsUnknown);
  return false;
}

/** True when the value at `path` inside `root`, or one of its ancestors, is unknown. */
export function isUnknownAt(root: unknown, path: ReadonlyArray<PropertyKey>): boolean {
  let cur: unknown = root;
  if (isUnknown(cur)) return true;
  for (const key of path) {
    if (cur === null || typeof cur !== "object") return false;
    cur = (cur as Record<PropertyKey, unknown>)[key];
    if (isUnknown(cur)) return true;
  }
  // A refinement on an object can fail because one of its members is unknown (e.g. the primary-key count).
  return containsUnknown(cur);
}
