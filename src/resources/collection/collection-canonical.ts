/**
 * One canonical form for fields, properties and endpoints, shared by diff and read, so that what the
 * server only normalises (type params as strings, defaults spelled out, key order) never shows a change.
 */
import { canonicalJson } from "../shared/stable-equal";
import type { FieldInput } from "./collection-spec";
import { canonicalFunctions, type FunctionInput } from "./collection-functions";

/**
 * A type param as the server stores it: a string as is, anything else JSON-encoded (objects compact with
 * sorted keys, as Go's encoder writes a map), so `analyzer_params: { type: "english" }` compares equal to
 * the `{"type":"english"}` that describe returns.
 */
export function typeParamString(v: unknown): string {
  return typeof v === "string" ? v : canonicalJson(v);
}

/** A field with every default made explicit and every type param a string. */
export interface CanonicalFieldInput {
  name: string;
  dataType: string;
  isPrimary: boolean;
  autoId: boolean;
  nullable: boolean;
  isPartitionKey: boolean;
  isClusteringKey: boolean;
  elementType?: string;
  defaultValue?: string | number | boolean;
  description: string;
  params: Record<string, string>;
}

/** Canonical form of a user field. */
export function canonicalField(f: FieldInput): CanonicalFieldInput {
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(f.typeParams ?? {})) params[k] = typeParamString(v);
  if (f.dim !== undefined) params.dim = String(f.dim);
  if (f.maxLength !== undefined) params.max_length = String(f.maxLength);
  if (f.maxCapacity !== undefined) params.max_capacity = String(f.maxCapacity);
  return {
    name: f.name,
    dataType: f.dataType,
    isPrimary: f.isPrimary ?? false,
    autoId: (f.isPrimary ?? false) && (f.autoId ?? false),
    nullable: f.nullable ?? false,
    isPartitionKey: f.isPartitionKey ?? false,
    isClusteringKey: f.isClusteringKey ?? false,
    ...(f.elementType !== undefined ? { elementType: f.elementType } : {}),
    ...(f.defaultValue !== undefined ? { defaultValue: f.defaultValue } : {}),
    description: f.description ?? "",
    params,
  };
}

/** A field list in canonical form (what two schemas are compared in). */
export function canonicalFields(fields: readonly FieldInput[] | undefined): CanonicalFieldInput[] {
  return (fields ?? []).map(canonicalField);
}

/**
 * Canonical form of a whole schema: its field list, plus its functions when it has any (a schema without
 * functions keeps the plain field-list form stored states were compared in before functions existed).
 */
export function canonicalSchema(v: unknown): unknown {
  if (!v || typeof v !== "object") return v;
  const s = v as { fields?: FieldInput[]; functions?: FunctionInput[] };
  const fields = canonicalFields(s.fields);
  return (s.functions ?? []).length > 0 ? { fields, functions: canonicalFunctions(s.functions) } : fields;
}

/** True when two field lists describe the same schema. */
export function sameFields(a: readonly FieldInput[] | undefined, b: readonly FieldInput[] | undefined): boolean {
  return canonicalJson(canonicalFields(a)) === canonicalJson(canonicalFields(b));
}

/**
 * The fields `news` adds at the end of `olds`, when that is the only change and every added field can be
 * added in place (`fields/add`: a nullable scalar, not a key). Otherwise `undefined`.
 */
export function addableFields(olds: readonly FieldInput[], news: readonly FieldInput[]): FieldInput[] | undefined {
  if (news.length <= olds.length) return undefined;
  if (!sameFields(olds, news.slice(0, olds.length))) return undefined;
  const added = news.slice(olds.length);
  const ok = added.every(
    (f) => f.nullable === true && !f.dataType.endsWith("Vector") && !f.isPrimary && !f.isPartitionKey && !f.isClusteringKey,
  );
  return ok ? added : undefined;
}
