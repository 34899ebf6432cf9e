/** Converts between the Collection's input shape and the data plane's wire shapes. */
import { canonicalTypeParams, unwrapDefaultValue, type CollectionDescription, type DescribedField, type FieldSchema } from "../../client";
import { typeParamString } from "./collection-canonical";
import type { FieldInput } from "./collection-spec";

/** A user field as `collections/create` and `fields/add` take it. */
export function toWireField(f: FieldInput): FieldSchema {
  const params: Record<string, unknown> = { ...(f.typeParams ?? {}) };
  if (f.dim !== undefined) params.dim = String(f.dim);
  if (f.maxLength !== undefined) params.max_length = String(f.maxLength);
  if (f.maxCapacity !== undefined) params.max_capacity = String(f.maxCapacity);
  for (const k of Object.keys(params)) params[k] = typeParamString(params[k]);
  return {
    fieldName: f.name,
    dataType: f.dataType,
    ...(f.elementType !== undefined ? { elementDataType: f.elementType } : {}),
    ...(f.isPrimary ? { isPrimary: true } : {}),
    ...(f.isPartitionKey ? { isPartitionKey: true } : {}),
    ...(f.isClusteringKey ? { isClusteringKey: true } : {}),
    ...(Object.keys(params).length > 0 ? { elementTypeParams: params } : {}),
    ...(f.nullable !== undefined ? { nullable: f.nullable } : {}),
    ...(f.defaultValue !== undefined ? { defaultValue: f.defaultValue } : {}),
    ...(f.description !== undefined ? { description: f.description } : {}),
  };
}

/** A described field in the input shape (used by read and `get`). */
export function fromDescribedField(d: DescribedField): FieldInput {
  const params = canonicalTypeParams(d.params);
  const { dim, max_length, max_capacity, ...rest } = params;
  const dv = unwrapDefaultValue(d.defaultValue);
  const field: FieldInput = { name: d.name, dataType: d.type as FieldInput["dataType"] };
  if (d.primaryKey) field.isPrimary = true;
  if (d.primaryKey && d.autoId) field.autoId = true;
  if (dim !== undefined) field.dim = Number(dim);
  if (max_length !== undefined) field.maxLength = Number(max_length);
  if (max_capacity !== undefined) field.maxCapacity = Number(max_capacity);
  if (d.elementType) field.elementType = d.elementType as FieldInput["elementType"];
  if (d.nullable) field.nullable = true;
  if (dv !== undefined && (typeof dv === "string" || typeof dv === "number" || typeof dv === "boolean")) field.defaultValue = dv;
  if (d.partitionKey) field.isPartitionKey = true;
  if (d.clusteringKey) field.isClusteringKey = true;
  if (d.description) field.description = d.description;
  if (Object.keys(rest).length > 0) field.typeParams = rest;
  return field;
}

/** Collection properties as a plain string map. */
export function describedProperties(d: CollectionDescription): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of d.properties ?? []) {
    const kv = p as { key: string; value?: string };
    out[kv.key] = kv.value ?? "";
  }
  return out;
}
