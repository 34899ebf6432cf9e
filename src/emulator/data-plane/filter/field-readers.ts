/** How a field reference in a filter reads its value from a stored row. */
import type { CollectionState } from "../state";
import type { FieldRef } from "./ast";
import type { Fail } from "./check";
import type { FieldReader } from "./evaluate";

/** How to read a reference: a schema field, `$meta`, or a dynamic key (only with the dynamic field on). */
export function resolveField(ref: FieldRef, coll: CollectionState, fail: Fail): FieldReader {
  const field = coll.fields.find((f) => f.name === ref.name);
  if (field) {
    if (field.dataType.endsWith("Vector")) throw fail(`${field.dataType} field ${field.name} cannot be used in a filter expression`);
    if (ref.path.length > 0 && !["JSON", "Array"].includes(field.dataType)) throw fail(`${field.name} is not a JSON or Array field, it cannot be indexed`);
    if (field.dataType === "Int64") return (row) => toInteger(row[field.name]);
    // Inside JSON a null is no value at all (`exists` is false, negations hold), as for a missing key.
    if (field.dataType === "JSON" && ref.path.length > 0) return (row) => row[field.name] ?? undefined;
    return (row) => row[field.name];
  }
  if (!coll.enableDynamicField) throw fail(`field ${ref.name} not exist`);
  const known = new Set(coll.fields.map((f) => f.name));
  if (ref.name === "$meta") {
    return (row) => Object.fromEntries(Object.entries(row).filter(([k]) => !known.has(k) && row[k] !== null));
  }
  return (row) => row[ref.name] ?? undefined;
}

/** Int64 values are stored as decimal strings; compare them as numbers (bigint beyond 2^53). */
function toInteger(value: unknown): unknown {
  if (typeof value !== "string" || !/^-?\d+$/.test(value)) return value;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : BigInt(value);
}
