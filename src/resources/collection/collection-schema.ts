/** The Collection inputs as zod validates them in `check` (run time only; never captured). */
import { z } from "zod";

export const SCALAR_TYPES = ["Bool", "Int8", "Int16", "Int32", "Int64", "Float", "Double", "VarChar", "JSON", "Array"] as const;
export const VECTOR_TYPES = ["FloatVector", "BinaryVector", "Float16Vector", "BFloat16Vector", "SparseFloatVector", "Int8Vector"] as const;
export const DATA_TYPES = [...SCALAR_TYPES, ...VECTOR_TYPES] as const;
export const ELEMENT_TYPES = ["Bool", "Int8", "Int16", "Int32", "Int64", "Float", "Double", "VarChar"] as const;
export const CONSISTENCY_LEVELS = ["Strong", "Session", "Bounded", "Eventually", "Customized"] as const;
export const DEFAULT_COLLECTION_WAIT_SECONDS = 10 * 60;

/** Milvus name rule for collections, fields and indexes: a letter or `_` first, then letters, digits, `_`. */
export const MILVUS_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,254}$/;
const milvusName = z.string().regex(MILVUS_NAME, "must start with a letter or _, then letters, digits or _ (at most 255)");

export const fieldInputSchema = z
  .object({
    name: milvusName,
    dataType: z.enum(DATA_TYPES),
    isPrimary: z.boolean().optional(),
    autoId: z.boolean().optional(),
    dim: z.number().int().optional(),
    maxLength: z.number().int().optional(),
    maxCapacity: z.number().int().optional(),
    elementType: z.enum(ELEMENT_TYPES).optional(),
    nullable: z.boolean().optional(),
    defaultValue: z.union([z.string(), z.number(), z.boolean()]).optional(),
    isPartitionKey: z.boolean().optional(),
    isClusteringKey: z.boolean().optional(),
    description: z.string().optional(),
    /** Extra type params passed through (e.g. `enable_analyzer`, `mmap.enabled`). */
    typeParams: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  })
  .superRefine((f, ctx) => {
    const isVector = (VECTOR_TYPES as readonly string[]).includes(f.dataType);
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (isVector && f.dataType !== "SparseFloatVector") {
      if (f.dim === undefined) issue("dim", `${f.dataType} needs dim`);
      else if (f.dim < 2 || f.dim > 32768) issue("dim", "dim must be between 2 and 32768");
      else if (f.dataType === "BinaryVector" && f.dim % 8 !== 0) issue("dim", "a BinaryVector dim must be a multiple of 8");
    } else if (f.dim !== undefined) issue("dim", `${f.dataType} takes no dim`);
    if (f.dataType === "VarChar" || (f.dataType === "Array" && f.elementType === "VarChar")) {
      if (f.maxLength === undefined) issue("maxLength", "VarChar needs maxLength");
      else if (f.maxLength < 1 || f.maxLength > 65535) issue("maxLength", "maxLength must be between 1 and 65535");
    } else if (f.maxLength !== undefined) issue("maxLength", `${f.dataType} takes no maxLength`);
    if (f.dataType === "Array") {
      if (f.elementType === undefined) issue("elementType", "Array needs elementType");
      if (f.maxCapacity === undefined) issue("maxCapacity", "Array needs maxCapacity");
      else if (f.maxCapacity < 1 || f.maxCapacity > 4096) issue("maxCapacity", "maxCapacity must be between 1 and 4096");
    } else {
      if (f.elementType !== undefined) issue("elementType", "only Array takes elementType");
      if (f.maxCapacity !== undefined) issue("maxCapacity", "only Array takes maxCapacity");
    }
    if (f.isPrimary && f.dataType !== "Int64" && f.dataType !== "VarChar") issue("dataType", "a primary key must be Int64 or VarChar");
    if (f.autoId && !f.isPrimary) issue("autoId", "only the primary key can be autoId");
    if (f.isPrimary && (f.nullable || f.defaultValue !== undefined)) issue(f.nullable ? "nullable" : "defaultValue", "a primary key cannot be nullable or have a default");
    if (isVector && f.defaultValue !== undefined) issue("defaultValue", "a vector field cannot have a default value");
    if ((f.dataType === "JSON" || f.dataType === "Array") && f.defaultValue !== undefined) issue("defaultValue", `${f.dataType} takes no default value`);
    if (f.isPartitionKey && (f.isPrimary || (f.dataType !== "Int64" && f.dataType !== "VarChar"))) {
      issue("isPartitionKey", "the partition key must be a non-primary Int64 or VarChar field");
    }
    if (f.defaultValue !== undefined && !isVector) {
      const numeric = ["Int8", "Int16", "Int32", "Int64", "Float", "Double"].includes(f.dataType);
      const ok = numeric ? typeof f.defaultValue === "number" : f.dataType === "Bool" ? typeof f.defaultValue === "boolean" : typeof f.defaultValue === "string";
      if (!ok) issue("defaultValue", `the default value does not match ${f.dataType}`);
    }
  });

/** One field as the user writes it. */
export type FieldInput = z.output<typeof fieldInputSchema>;

export const collectionSchemaSchema = z
  .object({ fields: z.array(fieldInputSchema).min(1, "a schema needs at least one field") })
  .superRefine((s, ctx) => {
    const primaries = s.fields.flatMap((f, i) => (f.isPrimary ? [i] : []));
    if (primaries.length === 0) ctx.addIssue({ code: "custom", path: ["fields"], message: "no primary key: mark one Int64 or VarChar field isPrimary" });
    for (const i of primaries.slice(1)) ctx.addIssue({ code: "custom", path: ["fields", i, "isPrimary"], message: "a collection has exactly one primary key" });
    const seen = new Set<string>();
    s.fields.forEach((f, i) => {
      if (seen.has(f.name)) ctx.addIssue({ code: "custom", path: ["fields", i, "name"], message: `duplicate field name "${f.name}"` });
      seen.add(f.name);
    });
    if (!s.fields.some((f) => (VECTOR_TYPES as readonly string[]).includes(f.dataType))) {
      ctx.addIssue({ code: "custom", path: ["fields"], message: "a collection needs at least one vector field" });
    }
    for (const flag of ["isPartitionKey", "isClusteringKey"] as const) {
      const idx = s.fields.flatMap((f, i) => (f[flag] ? [i] : []));
      for (const i of idx.slice(1)) ctx.addIssue({ code: "custom", path: ["fields", i, flag], message: `at most one field can be ${flag}` });
    }
  });

const propertyValue = z.union([z.string(), z.number(), z.boolean()]);

export const collectionInputsSchema = z
  .object({
  endpoint: z.url({ message: "endpoint must be an http(s) URL such as https://in01-….zillizcloud.com" }),
  token: z.string().optional(),
  dbName: milvusName.optional(),
  collectionName: milvusName,
  description: z.string().max(65535).optional(),
  schema: collectionSchemaSchema,
  enableDynamicField: z.boolean().optional(),
  shardsNum: z.number().int().min(1).max(16).optional(),
  consistencyLevel: z.enum(CONSISTENCY_LEVELS).optional(),
  properties: z.record(z.string().min(1), propertyValue).optional(),
  loaded: z.boolean().optional(),
  allowDataLoss: z.boolean().optional(),
  adopt: z.boolean().optional(),
  apiVersion: z.enum(["v1", "v2"]).optional(),
  waitTimeoutSeconds: z.number().int().min(1).max(24 * 3600).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.apiVersion !== "v1") return;
    // REST v1 creates one fixed shape: an Int64 primary key and one FloatVector, indexed and loaded by the server.
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    const f = v.schema.fields;
    if (f.length !== 2 || !f[0]?.isPrimary || f[0].dataType !== "Int64" || f[1]?.dataType !== "FloatVector") {
      issue(["schema", "fields"], "apiVersion v1 supports exactly [Int64 primary key, FloatVector]");
    }
    f.forEach((field, i) => {
      for (const key of ["nullable", "defaultValue", "isPartitionKey", "isClusteringKey", "typeParams", "description"] as const) {
        if (field[key] !== undefined) issue(["schema", "fields", i, key], `${key} needs apiVersion v2`);
      }
    });
    for (const key of ["shardsNum", "consistencyLevel", "properties", "loaded"] as const) {
      if (v[key] !== undefined) issue([key], `${key} needs apiVersion v2`);
    }
  });

/** Validated Collection inputs. */
export type CollectionInputs = z.output<typeof collectionInputsSchema>;
