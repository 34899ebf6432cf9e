/**
 * Turns what the servers echo back into the canonical shape of user input, so that the resources
 * diff like with like and never show a perpetual change (`milvus-rest-api.md` §5.2, §8;
 * `zilliz-cloud-api.md` §2.4, §2.5).
 */
import type { DescribedField, FieldSchema } from "./data-plane/collections";
import { paramToString } from "./data-plane/call";
import type { IndexDescription, IndexParam } from "./data-plane/indexes";
import { kvToMap } from "./schema-helpers";

/** Suspend states have been reported under two names; SUSPENDING/SUSPENDED is the user-facing set. */
export function normalizeClusterStatus(status: string): string {
  const s = status.toUpperCase();
  if (s === "STOPPING") return "SUSPENDING";
  if (s === "STOPPED") return "SUSPENDED";
  return s;
}

/** Canonical import states: `Pending` | `Importing` | `Completed` | `Failed` (others pass through). */
export function normalizeImportState(state: string): string {
  switch (state) {
    case "InProgress":
    case "ImportRunning":
    case "Importing":
      return "Importing";
    case "ImportCompleted":
    case "Completed":
      return "Completed";
    case "ImportFailed":
    case "Failed":
      return "Failed";
    default:
      return state;
  }
}

/** Type params as a string map with sorted keys, from user input (any values) or a describe echo (`[{key,value}]`). */
export function canonicalTypeParams(params: Record<string, unknown> | ReadonlyArray<{ key: string; value?: string }> | undefined): Record<string, string> {
  const map = Array.isArray(params) ? kvToMap(params) : Object.fromEntries(Object.entries(params ?? {}).filter(([, v]) => v !== undefined).map(([k, v]) => [k, paramToString(v)]));
  return Object.fromEntries(Object.keys(map).sort().map((k) => [k, map[k] as string]));
}

/** The canonical field shape both sides are turned into. */
export interface CanonicalField {
  name: string;
  dataType: string;
  elementDataType?: string;
  isPrimary: boolean;
  isPartitionKey: boolean;
  isClusteringKey: boolean;
  nullable: boolean;
  typeParams: Record<string, string>;
  /** Plain value (number, string, boolean), or undefined when unset. */
  defaultValue?: unknown;
  description: string;
}

/** Unwraps a protobuf oneof default (`{"Data":{"LongData":42}}` → 42); int64 strings become numbers when safe. */
export function unwrapDefaultValue(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== "object") return value;
  const data = (value as { Data?: unknown }).Data;
  if (data === null || typeof data !== "object") return undefined;
  const inner = Object.values(data as Record<string, unknown>)[0];
  if (typeof inner === "string" && /^-?\d+$/.test(inner) && (data as Record<string, unknown>).LongData !== undefined) {
    const n = Number(inner);
    return Number.isSafeInteger(n) ? n : inner;
  }
  return inner;
}

/** A field from `collections/describe` in canonical form. */
export function canonicalFieldFromDescribe(f: DescribedField): CanonicalField {
  return {
    name: f.name,
    dataType: f.type,
    ...(f.elementType ? { elementDataType: f.elementType } : {}),
    isPrimary: f.primaryKey ?? false,
    isPartitionKey: f.partitionKey ?? false,
    isClusteringKey: f.clusteringKey ?? false,
    nullable: f.nullable ?? false,
    typeParams: canonicalTypeParams(f.params),
    ...(f.defaultValue !== undefined ? { defaultValue: unwrapDefaultValue(f.defaultValue) } : {}),
    description: f.description ?? "",
  };
}

/** A user's field input in canonical form. */
export function canonicalFieldFromInput(f: FieldSchema): CanonicalField {
  return {
    name: f.fieldName,
    dataType: f.dataType,
    ...(f.elementDataType ? { elementDataType: f.elementDataType } : {}),
    isPrimary: f.isPrimary ?? false,
    isPartitionKey: f.isPartitionKey ?? false,
    isClusteringKey: f.isClusteringKey ?? false,
    nullable: f.nullable ?? false,
    typeParams: canonicalTypeParams(f.elementTypeParams),
    ...(f.defaultValue !== undefined && f.defaultValue !== null ? { defaultValue: f.defaultValue } : {}),
    description: f.description ?? "",
  };
}

/** The canonical index shape. */
export interface CanonicalIndex {
  indexName: string;
  fieldName: string;
  indexType: string;
  metricType: string;
  /** Build params, values stringified (`16` and `"16"` are the same). */
  params: Record<string, string>;
  /** Other keys the server keeps (e.g. `mmap.enabled`). */
  properties: Record<string, string>;
}

/** An entry of `indexes/describe` in canonical form; `params` is decoded from the JSON text in `indexParams`. */
export function canonicalIndexFromDescribe(d: IndexDescription): CanonicalIndex {
  const kv = kvToMap(d.indexParams);
  let params: Record<string, unknown> = {};
  if (kv.params) {
    try {
      const parsed: unknown = JSON.parse(kv.params);
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) params = parsed as Record<string, unknown>;
    } catch {
      // Not JSON: keep it verbatim so a diff shows it instead of dropping it.
      params = { params: kv.params };
    }
  }
  const properties: Record<string, string> = {};
  for (const [k, v] of Object.entries(kv)) if (!["index_type", "metric_type", "params"].includes(k)) properties[k] = v;
  return {
    indexName: d.indexName,
    fieldName: d.fieldName,
    indexType: d.indexType || kv.index_type || "AUTOINDEX",
    metricType: d.metricType || kv.metric_type || "",
    params: canonicalTypeParams(params),
    properties,
  };
}

/** A user's index input in canonical form (server defaults applied: name = field, type = AUTOINDEX). */
export function canonicalIndexFromInput(p: IndexParam): CanonicalIndex {
  return {
    indexName: p.indexName || p.fieldName,
    fieldName: p.fieldName,
    indexType: p.indexType || "AUTOINDEX",
    metricType: p.metricType ?? "",
    params: canonicalTypeParams(p.params),
    properties: {},
  };
}
