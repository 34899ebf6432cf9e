/** The Collection's properties: one table, from which its class, check, diff and stored shape derive. */
import { z } from "zod";
import { canonicalMap } from "../shared/canonical-map";
import { dataPlaneTarget, milvusName, refineTarget, retargetInPlace } from "../shared/data-plane-target";
import { DATA_TYPES, ELEMENT_TYPES, VECTOR_TYPES } from "../shared/field-types";
import type { DiffPlan } from "../shared/plan";
import type { StateOf } from "../shared/resource-definition";
import { defineSpec, input, output, type InputsOf, type Props } from "../shared/spec";
import { strictObject } from "../shared/strict-object";
import { addableFields, canonicalSchema } from "./collection-canonical";
import { canonicalFunctions, functionInputSchema, functionIssues, type FunctionInput } from "./collection-functions";

export const CONSISTENCY_LEVELS = ["Strong", "Session", "Bounded", "Eventually", "Customized"] as const;
export const DEFAULT_COLLECTION_WAIT_SECONDS = 10 * 60;

const scalarValue = z.union([z.string(), z.number(), z.boolean()]);

/** One field as the user writes it (documented on `CollectionFieldArgs`). */
export const fieldInputSchema = strictObject({
  name: milvusName("field name"),
  dataType: z.enum(DATA_TYPES),
  isPrimary: z.boolean().optional(),
  autoId: z.boolean().optional(),
  dim: z.number().int().optional(),
  maxLength: z.number().int().optional(),
  maxCapacity: z.number().int().optional(),
  elementType: z.enum(ELEMENT_TYPES).optional(),
  nullable: z.boolean().optional(),
  defaultValue: scalarValue.optional(),
  isPartitionKey: z.boolean().optional(),
  isClusteringKey: z.boolean().optional(),
  description: z.string().optional(),
  /**
   * Extra type params passed through (e.g. `enable_analyzer`, `enable_match`, `mmap.enabled`, and the object
   * `analyzer_params`, sent as compact JSON with sorted keys, as the server stores it).
   */
  typeParams: z.record(z.string(), z.union([scalarValue, z.record(z.string(), z.unknown())])).optional(),
}).superRefine((f, ctx) => {
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
  if (isVector && f.nullable) issue("nullable", "a vector field cannot be nullable");
  if ((f.dataType === "JSON" || f.dataType === "Array") && f.defaultValue !== undefined) issue("defaultValue", `${f.dataType} takes no default value`);
  if (f.isPartitionKey && (f.isPrimary || (f.dataType !== "Int64" && f.dataType !== "VarChar"))) issue("isPartitionKey", "the partition key must be a non-primary Int64 or VarChar field");
  if (f.defaultValue !== undefined && !isVector) {
    const numeric = ["Int8", "Int16", "Int32", "Int64", "Float", "Double"].includes(f.dataType);
    const ok = numeric ? typeof f.defaultValue === "number" : f.dataType === "Bool" ? typeof f.defaultValue === "boolean" : typeof f.defaultValue === "string";
    if (!ok) issue("defaultValue", `the default value does not match ${f.dataType}`);
  }
});

/** One field as the user writes it. */
export type FieldInput = z.output<typeof fieldInputSchema>;

const schemaType = strictObject({
  fields: z.array(fieldInputSchema).min(1, "a schema needs at least one field"),
  /** Functions the server runs on insert (BM25 full text: an analyzed VarChar field → a SparseFloatVector field). */
  functions: z.array(functionInputSchema).optional(),
}).superRefine((s, ctx) => {
  const primaries = s.fields.flatMap((f, i) => (f.isPrimary ? [i] : []));
  if (primaries.length === 0) ctx.addIssue({ code: "custom", path: ["fields"], message: "no primary key: mark one Int64 or VarChar field isPrimary" });
  for (const i of primaries.slice(1)) ctx.addIssue({ code: "custom", path: ["fields", i, "isPrimary"], message: "a collection has exactly one primary key" });
  const seen = new Set<string>();
  s.fields.forEach((f, i) => {
    if (seen.has(f.name)) ctx.addIssue({ code: "custom", path: ["fields", i, "name"], message: `duplicate field name "${f.name}"` });
    seen.add(f.name);
  });
  if (!s.fields.some((f) => (VECTOR_TYPES as readonly string[]).includes(f.dataType))) ctx.addIssue({ code: "custom", path: ["fields"], message: "a collection needs at least one vector field" });
  for (const flag of ["isPartitionKey", "isClusteringKey"] as const) {
    for (const i of s.fields.flatMap((f, j) => (f[flag] ? [j] : [])).slice(1)) ctx.addIssue({ code: "custom", path: ["fields", i, flag], message: `at most one field can be ${flag}` });
  }
  for (const { path, message } of functionIssues(s.functions ?? [], s.fields)) ctx.addIssue({ code: "custom", path, message });
});

export const collectionSpec = defineSpec({
  ...dataPlaneTarget,
  /**
   * Collection name. Updates in place through a rename (indexes follow it; import jobs only record it).
   * @example "documents"
   */
  collectionName: input(milvusName("collection name"), { change: "update" }),
  /** Description. Updates in place (stored as the `collection.description` property). @example "product docs" */
  description: input(z.string().max(65535).optional(), { change: "update", default: "" }),
  /**
   * The fields, and the functions the server runs on them (`functions`, REST v2 only: BM25 full text, from a
   * VarChar field with `typeParams: { enable_analyzer: true }` to a SparseFloatVector field, which the server
   * fills; index it with `SPARSE_INVERTED_INDEX` and metric `BM25`). Appending nullable scalar fields updates
   * in place (`fields/add`); any other change replaces the collection (refused when it holds entities, see
   * `allowDataLoss`).
   * @example { fields: [{ name: "id", dataType: "Int64", isPrimary: true, autoId: true }, { name: "vec", dataType: "FloatVector", dim: 768 }] }
   */
  schema: input(schemaType, { change: "replace", canonical: canonicalSchema }),
  /** Accept fields not in the schema (default false). Changing it replaces the collection. @example true */
  enableDynamicField: input(z.boolean().optional(), { change: "replace", default: false }),
  /** Shards (1–16; the server's default when unset). Changing it replaces the collection. @example 2 */
  shardsNum: input(z.number().int().min(1).max(16).optional(), { change: "replace", serverChosen: true }),
  /** `Strong`, `Session`, `Bounded`, `Eventually` or `Customized` (the server's default when unset). Changing it replaces. @example "Strong" */
  consistencyLevel: input(z.enum(CONSISTENCY_LEVELS).optional(), { change: "replace", serverChosen: true }),
  /**
   * Collection properties (TTL, mmap, …), the keys this stack manages (other keys on the server are left
   * alone). Update in place; mmap keys release and reload a loaded collection around the change.
   * @example { "collection.ttl.seconds": 86400, "mmap.enabled": true }
   */
  properties: input(z.record(z.string().min(1), scalarValue).optional(), { change: "update", canonical: (v) => canonicalMap(v as Record<string, unknown>) }),
  /**
   * Whether the collection is loaded. Unset: not managed. Loading needs an index on every vector field:
   * asked for before they exist (the collection and its indexes in one `up`), the load is recorded on the
   * collection and the CollectionIndex create that completes the set loads it. Updates in place (load
   * waits until loaded).
   * @example true
   */
  loaded: input(z.boolean().optional(), { change: "update", serverChosen: true }),
  /**
   * Lets a replacement or destroy drop the collection while it holds entities (default false: refused
   * after counting rows). It must be in the state before the change: set it in an earlier `up`, or set the
   * stack config `zilliz:allowDataLoss true` for one `up` (or `destroy --run-program`). No server call.
   * @example true
   */
  allowDataLoss: input(z.boolean().optional(), { change: "local" }),
  /**
   * Take over an existing collection of the same name if its schema matches (refused listing the
   * differences otherwise); description, properties and load state are then brought to the program's values.
   * Only read at create.
   * @example true
   */
  adopt: input(z.boolean().optional(), { change: "create-only" }),
  /**
   * Data-plane API version: `v2` (default) or `v1` for older servers (only an Int64 primary key plus one
   * FloatVector; no properties or load management; any non-local change replaces; dropping always needs
   * `allowDataLoss`). Switching it only changes which API the provider calls.
   */
  apiVersion: input(z.enum(["v1", "v2"]).optional(), { change: "local", default: "v2" }),
  /** Deadline for load waits and drops, in seconds (default 600). Updates in place (no server call). @example 1200 */
  waitTimeoutSeconds: input(z.number().int().min(1).max(24 * 3600).optional(), { change: "local" }),

  /** The server's collection id (int64 as a decimal string); it survives a rename. */
  collectionId: output<string>(),
  /** `Loaded`, `Loading` or `NotLoaded` as last seen. */
  loadState: output<string>(),
});

export type CollectionSpec = typeof collectionSpec;
export type CollectionInputs = InputsOf<CollectionSpec>;
export type CollectionState = StateOf<CollectionSpec>;

/** Cross-property rules of `check`. */
export function refineCollection(v: CollectionInputs, ctx: z.RefinementCtx): void {
  refineTarget(v, ctx);
  if (v.apiVersion !== "v1") return;
  // REST v1 creates one fixed shape: an Int64 primary key and one FloatVector, indexed and loaded by the server.
  const issue = (path: Array<string | number>, message: string) => ctx.addIssue({ code: "custom", path, message });
  const f = v.schema.fields;
  if ((v.schema.functions ?? []).length > 0) issue(["schema", "functions"], "functions need apiVersion v2 (REST v1 has no schema functions)");
  if (f.length !== 2 || !f[0]?.isPrimary || f[0].dataType !== "Int64" || f[1]?.dataType !== "FloatVector") issue(["schema", "fields"], "apiVersion v1 supports exactly [Int64 primary key, FloatVector]");
  f.forEach((field, i) => {
    for (const key of ["nullable", "defaultValue", "isPartitionKey", "isClusteringKey", "typeParams", "description"] as const) {
      if (field[key] !== undefined) issue(["schema", "fields", i, key], `${key} needs apiVersion v2 (REST v1 has no such setting)`);
    }
  });
  for (const key of ["shardsNum", "consistencyLevel", "properties", "loaded", "dbName"] as const) if (v[key] !== undefined) issue([key], `${key} needs apiVersion v2 (REST v1 has no such setting)`);
}

const fieldsOf = (p: Props): FieldInput[] => ((p.schema as { fields?: FieldInput[] } | undefined)?.fields ?? []);
const functionsOf = (p: Props) => JSON.stringify(canonicalFunctions((p.schema as { functions?: FunctionInput[] } | undefined)?.functions));

/**
 * Collection plan rules: appending nullable scalar fields is in place; REST v1 changes nothing in place; a
 * replacement that keeps the name drops the old collection first, and carries a rename with it.
 */
export function adjustCollectionPlan(plan: DiffPlan, olds: CollectionState, news: Props): void {
  retargetInPlace(plan, olds, news);
  if (plan.replaces.includes("schema") && functionsOf(olds) === functionsOf(news) && addableFields(fieldsOf(olds), fieldsOf(news))) {
    plan.replaces = plan.replaces.filter((k) => k !== "schema");
    plan.updates.push("schema");
  }
  if ((news.apiVersion ?? olds.apiVersion) === "v1") {
    // REST v1 has no rename, alter or add-field calls: such changes need a new collection.
    const server = ["collectionName", "description", "properties", "schema", "loaded"];
    plan.replaces.push(...plan.updates.filter((k) => server.includes(k)));
    plan.updates = plan.updates.filter((k) => !server.includes(k));
  }
  if (plan.replaces.length === 0) return;
  // Always delete first: a name is unique per database, and the engine then also replaces the indexes that
  // go with the old collection (it diffs them with the collection's name unknown), instead of leaving them
  // in the stack while the drop takes them from the server.
  plan.deleteBeforeReplace = true;
  // A rename rides along with a replacement: the new collection simply gets the new name.
  plan.updates = plan.updates.filter((k) => !["collectionName", "description", "properties", "schema", "loaded"].includes(k));
}
