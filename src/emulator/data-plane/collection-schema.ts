/**
 * Builds a collection's fields from a v2 `collections/create` request (quick or custom mode) and
 * validates them the way the server does.
 */
import { Code, DataPlaneError, invalidParameter } from "./errors";
import type { FieldState } from "./state";
import { paramString } from "./context";

export const DATA_TYPES = [
  "Bool", "Int8", "Int16", "Int32", "Int64", "Float", "Double", "VarChar", "String", "JSON", "Array",
  "BinaryVector", "FloatVector", "Float16Vector", "BFloat16Vector", "SparseFloatVector", "Int8Vector",
];
export const VECTOR_TYPES = ["BinaryVector", "FloatVector", "Float16Vector", "BFloat16Vector", "SparseFloatVector", "Int8Vector"];

/** The protobuf oneof each scalar type's default value goes into, and the JSON type it needs. */
const DEFAULT_KINDS: Record<string, { kind: string; json: "boolean" | "number" | "string"; go: string; label: string }> = {
  Bool: { kind: "BoolData", json: "boolean", go: "bool", label: "bool" },
  Int8: { kind: "IntData", json: "number", go: "int", label: "int" },
  Int16: { kind: "IntData", json: "number", go: "int", label: "int" },
  Int32: { kind: "IntData", json: "number", go: "int", label: "int" },
  Int64: { kind: "LongData", json: "number", go: "int64", label: "long" },
  Float: { kind: "FloatData", json: "number", go: "float32", label: "float" },
  Double: { kind: "DoubleData", json: "number", go: "float64", label: "double" },
  VarChar: { kind: "StringData", json: "string", go: "string", label: "string" },
  String: { kind: "StringData", json: "string", go: "string", label: "string" },
};

/** One `schema.fields[]` entry, keys already matched case-insensitively. */
export interface FieldRequest {
  fieldName?: string;
  dataType?: string;
  elementDataType?: string;
  isPrimary?: boolean;
  isPartitionKey?: boolean;
  isClusteringKey?: boolean;
  elementTypeParams?: Record<string, unknown>;
  nullable?: boolean;
  defaultValue?: unknown;
  description?: string;
}

/** Turns one requested field into its stored form (IDs are given by the caller). */
export function buildField(req: FieldRequest, id: number, autoId: boolean): FieldState {
  const dataType = req.dataType ?? "";
  if (!DATA_TYPES.includes(dataType)) throw new DataPlaneError(Code.parameterInvalid, `invalid parameter, data type ${dataType} is invalid(case sensitive).`);
  const field: FieldState = {
    id,
    name: req.fieldName ?? "",
    dataType,
    primaryKey: req.isPrimary === true,
    autoId: req.isPrimary === true && autoId,
    partitionKey: req.isPartitionKey === true,
    clusteringKey: req.isClusteringKey === true,
    nullable: req.nullable === true,
    description: req.description ?? "",
    params: Object.entries(req.elementTypeParams ?? {}).map(([k, v]) => [k, paramString(v)]),
  };
  if (dataType === "Array") {
    const element = req.elementDataType ?? "";
    if (!DATA_TYPES.includes(element) || VECTOR_TYPES.includes(element) || element === "Array" || element === "JSON") {
      throw new DataPlaneError(Code.parameterInvalid, `invalid parameter, element data type ${element} is invalid(case sensitive).`);
    }
    field.elementType = element;
  }
  if (req.defaultValue !== undefined && req.defaultValue !== null) field.defaultValue = defaultValue(dataType, req.defaultValue);
  return field;
}

function defaultValue(dataType: string, value: unknown): { kind: string; value: unknown } {
  const rule = DEFAULT_KINDS[dataType];
  if (!rule) throw invalidParameter(`convert defaultValue fail, err:Unexpected default value type: ${dataType}`);
  if (typeof value !== rule.json) {
    const shown = typeof value === "string" ? `"${value}"` : String(value);
    const goType = typeof value === "string" ? "string" : typeof value === "number" ? "float64" : typeof value === "boolean" ? "bool" : "map[string]interface {}";
    throw invalidParameter(`convert defaultValue fail, err:cannot use ${shown}(type: ${goType}) as ${rule.label} default value`);
  }
  return { kind: rule.kind, value };
}

/** Server-side schema checks (all 1100 unless noted). */
export function validateFields(collectionName: string, fields: FieldState[]): void {
  const primaries = fields.filter((f) => f.primaryKey);
  if (primaries.length === 0) throw invalidParameter("primary key is not specified");
  if (primaries.length > 1) throw invalidParameter(`there are more than one primary key, field name = ${primaries.map((f) => f.name).join(", ")}`);
  const seen = new Set<string>();
  for (const field of fields) {
    if (field.name === "") throw invalidParameter("field name should not be empty");
    if (seen.has(field.name)) throw invalidParameter(`duplicated field name ${field.name} found`);
    seen.add(field.name);
    const param = (key: string) => field.params.find((p) => p[0] === key)?.[1];
    if (field.primaryKey && field.dataType !== "Int64" && field.dataType !== "VarChar") {
      throw invalidParameter("the data type of primary key should be Int64 or VarChar");
    }
    if (field.primaryKey && field.defaultValue) throw invalidParameter(`primary field ${field.name} not support default_value`);
    if (field.partitionKey && field.nullable) throw invalidParameter("partition key field not support nullable");
    if (VECTOR_TYPES.includes(field.dataType) && field.dataType !== "SparseFloatVector") {
      const dim = param("dim");
      if (dim === undefined) throw invalidParameter(`dimension is not defined in field type params of field ${field.name}, check type param \`dim\` for vector field`);
      const n = Number(dim);
      if (!Number.isInteger(n) || n < 2 || n > 32768) throw invalidParameter(`invalid dimension: ${dim} of field ${field.name}. float vector dimension should be in range 2 ~ 32768`);
      if (field.dataType === "BinaryVector" && n % 8 !== 0) throw invalidParameter(`invalid dimension: ${dim} of field ${field.name}. binary vector dimension should be multiple of 8.`);
    }
    if (field.dataType === "VarChar" || field.dataType === "String" || field.elementType === "VarChar") {
      const max = param("max_length");
      if (max === undefined) {
        throw new DataPlaneError(Code.parameterMissing, `type param(max_length) should be specified for the field(${field.name}) of collection ${collectionName}: missing parameter`);
      }
      const n = Number(max);
      if (!Number.isInteger(n) || n <= 0 || n > 65535) throw invalidParameter(`the maximum length specified for the field(${field.name}) should be in (0, 65535], but got ${max} instead`);
    }
    if (field.dataType === "Array") {
      const cap = Number(param("max_capacity"));
      if (!Number.isInteger(cap) || cap <= 0 || cap > 4096) throw invalidParameter(`the maximum capacity specified for a Array should be in (0, 4096], but got ${param("max_capacity") ?? "<nil>"} instead`);
    }
  }
  if (fields.length > 64) throw invalidParameter(`maximum field's number should be limited to 64`);
  if (fields.filter((f) => VECTOR_TYPES.includes(f.dataType)).length > 10) throw invalidParameter("maximum vector field's number should be limited to 10");
}
