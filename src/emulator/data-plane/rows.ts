/**
 * Entity rows: conversion of inserted/imported rows against the schema, and the output shape of a stored
 * row. Filters live in `filter/`.
 */
import { Int64 } from "./json-text";
import { nextId, type CollectionState, type PlaneState } from "./state";
import { VECTOR_TYPES } from "./collection-schema";

const INT_TYPES = ["Int8", "Int16", "Int32", "Int64"];

/** Validates and completes one row (auto IDs, defaults); returns the error text on failure. */
export function convertRow(state: PlaneState, coll: CollectionState, input: unknown): Record<string, unknown> | string {
  if (input === null || typeof input !== "object" || Array.isArray(input)) return "row is not a JSON object";
  const source = input as Record<string, unknown>;
  const row: Record<string, unknown> = {};
  for (const field of coll.fields) {
    let value = source[field.name];
    // Function outputs (a BM25 sparse field) are computed by the server, never sent.
    if (field.isFunctionOutput) continue;
    if (field.autoId) {
      if (value !== undefined) return `the primary key ${field.name} is auto-generated, no need to insert it`;
      value = field.dataType === "Int64" ? nextId(state) : `${nextId(state)}`;
      row[field.name] = value;
      continue;
    }
    if (value === undefined || value === null) {
      // Milvus 2.3 reads a missing vector as an empty one.
      if (VECTOR_TYPES.includes(field.dataType) && !field.nullable) return "vector length diff from dimension";
      if (field.defaultValue) row[field.name] = field.defaultValue.value;
      else if (field.nullable) row[field.name] = null;
      else return `strconv.Unquote failed: field ${field.name} is not in the row: ${field.name}`;
      continue;
    }
    const problem = checkValue(field.dataType, field.params, value, field.name);
    if (problem) return problem;
    row[field.name] = field.dataType === "Int64" ? String(value) : value;
  }
  const known = new Set(coll.fields.map((f) => f.name));
  for (const [key, value] of Object.entries(source)) {
    if (known.has(key)) continue;
    if (!coll.enableDynamicField) return `field ${key} is not in the schema and the dynamic field is disabled`;
    row[key] = value;
  }
  return row;
}

function checkValue(dataType: string, params: [string, string][], value: unknown, name: string): string | undefined {
  const dim = Number(params.find((p) => p[0] === "dim")?.[1] ?? 0);
  if (INT_TYPES.includes(dataType)) return typeof value === "number" && Number.isInteger(value) ? undefined : `field ${name} expects an integer`;
  if (dataType === "Float" || dataType === "Double") return typeof value === "number" ? undefined : `field ${name} expects a number`;
  if (dataType === "Bool") return typeof value === "boolean" ? undefined : `field ${name} expects a boolean`;
  if (dataType === "VarChar" || dataType === "String") {
    if (typeof value !== "string") return `field ${name} expects a string`;
    const max = Number(params.find((p) => p[0] === "max_length")?.[1] ?? 65535);
    return value.length > max ? `length of varchar field ${name} exceeds max length, row number: ${value.length}, length: ${max}` : undefined;
  }
  if (dataType === "Array") return Array.isArray(value) ? undefined : `field ${name} expects an array`;
  if (dataType === "SparseFloatVector") return typeof value === "object" ? undefined : `field ${name} expects a sparse vector`;
  if (VECTOR_TYPES.includes(dataType)) {
    if (!Array.isArray(value) || value.some((v) => typeof v !== "number")) return "vector length diff from dimension";
    const expected = dataType === "BinaryVector" ? dim / 8 : dim;
    return value.length !== expected ? "vector length diff from dimension" : undefined;
  }
  return undefined;
}

/** A stored row as returned by query: Int64 fields as big numbers (or strings when `int64AsString`). */
export function outputRow(coll: CollectionState, row: Record<string, unknown>, outputFields: string[], int64AsString: boolean): Record<string, unknown> {
  const all = outputFields.length === 0 || outputFields.includes("*");
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    const field = coll.fields.find((f) => f.name === key);
    if (!all && !outputFields.includes(key) && !field?.primaryKey) continue;
    out[key] = field?.dataType === "Int64" && value !== null ? (int64AsString ? String(value) : new Int64(String(value))) : value;
  }
  return out;
}
