/** Milvus data plane v2: collections (`milvus-rest-api.md` §4, §5.1–5.3). */
import { z } from "zod";
import { emptyData, int64String, keyValueList, stringList } from "../schema-helpers";
import type { Transport } from "../transport";
import { type CallOptions, post, stringifyParams } from "./call";
import { type IndexParam, toWireIndexParam } from "./indexes";

/** One field in a custom schema. */
export interface FieldSchema {
  fieldName: string;
  /** Case-sensitive enum name, e.g. `Int64`, `VarChar`, `FloatVector`. */
  dataType: string;
  /** Required for `Array`. */
  elementDataType?: string;
  isPrimary?: boolean;
  isPartitionKey?: boolean;
  isClusteringKey?: boolean;
  /** `dim`, `max_length`, `max_capacity`, … Values are sent as strings. */
  elementTypeParams?: Record<string, unknown>;
  nullable?: boolean;
  defaultValue?: unknown;
  description?: string;
}

/** A function in a custom schema (e.g. BM25). */
export interface FunctionSchema {
  name: string;
  type: string;
  description?: string;
  inputFieldNames: string[];
  outputFieldNames: string[];
  params?: Record<string, unknown>;
}

/** Body of `collections/create`. Quick mode: `dimension`; custom mode: `schema.fields`. */
export interface CreateCollectionRequest {
  collectionName: string;
  dbName?: string;
  description?: string;
  dimension?: number;
  metricType?: string;
  idType?: string;
  autoID?: boolean;
  primaryFieldName?: string;
  vectorFieldName?: string;
  schema?: { autoID?: boolean; enableDynamicField?: boolean; fields: FieldSchema[]; functions?: FunctionSchema[] };
  indexParams?: IndexParam[];
  /** `shardsNum`, `consistencyLevel`, `ttlSeconds`, … Values are sent as strings. */
  params?: Record<string, unknown>;
}

export const describedFieldSchema = z.object({
  name: z.string(),
  id: z.number().optional(),
  type: z.string(),
  primaryKey: z.boolean().optional(),
  partitionKey: z.boolean().optional(),
  clusteringKey: z.boolean().optional(),
  autoId: z.boolean().optional(),
  nullable: z.boolean().optional(),
  description: z.string().optional(),
  params: keyValueList.optional(),
  elementType: z.string().optional(),
  /** Protobuf oneof verbatim, e.g. `{"Data":{"LongData":42}}`. */
  defaultValue: z.unknown().optional(),
  isFunctionOutput: z.boolean().optional(),
});
/** A field as describe echoes it. */
export type DescribedField = z.output<typeof describedFieldSchema>;

export const collectionDescriptionSchema = z.object({
  collectionName: z.string(),
  /** int64, kept exact as a decimal string. */
  collectionID: int64String.optional(),
  description: z.string().optional(),
  autoId: z.boolean().optional(),
  enableDynamicField: z.boolean().optional(),
  shardsNum: z.number().optional(),
  partitionsNum: z.union([z.number(), int64String]).optional(),
  consistencyLevel: z.string().optional(),
  load: z.string().optional(),
  aliases: stringList,
  properties: keyValueList,
  fields: z.array(describedFieldSchema).default([]),
  functions: z.array(z.object({ name: z.string(), type: z.union([z.number(), z.string()]).optional(), inputFieldNames: stringList, outputFieldNames: stringList, params: keyValueList.optional() })).nullish(),
  indexes: z.array(z.object({ indexName: z.string(), fieldName: z.string(), metricType: z.string().optional() })).nullish(),
});
/** `collections/describe` data. */
export type CollectionDescription = z.output<typeof collectionDescriptionSchema>;

export const loadStateSchema = z.object({ loadState: z.string(), loadProgress: z.number().optional() });
/** `collections/get_load_state` data. */
export type LoadState = z.output<typeof loadStateSchema>;

type Named = { collectionName: string; dbName?: string };

/** `/v2/vectordb/collections/...`. */
export class Collections {
  constructor(private readonly t: Transport) {}

  /** Creates a collection (quick or custom mode). Never retried automatically. */
  async create(req: CreateCollectionRequest, o: CallOptions = {}): Promise<void> {
    const body = {
      ...req,
      params: stringifyParams(req.params),
      schema: req.schema && {
        ...req.schema,
        fields: req.schema.fields.map((f) => ({ ...f, elementTypeParams: stringifyParams(f.elementTypeParams) })),
        functions: req.schema.functions?.map((fn) => ({ ...fn, params: stringifyParams(fn.params) })),
      },
      indexParams: req.indexParams?.map(toWireIndexParam),
    };
    // Never re-sent: the style rule for creates (a lost response is resolved by describing by name).
    await post(this.t, "collections/create", body, emptyData, false, o);
  }
  /** Describes a collection. Missing: NotFoundError (100). */
  describe(req: Named, o: CallOptions = {}): Promise<CollectionDescription> {
    return post(this.t, "collections/describe", req, collectionDescriptionSchema, true, o);
  }
  /** Names of the collections in a database. */
  list(req: { dbName?: string } = {}, o: CallOptions = {}): Promise<string[]> {
    return post(this.t, "collections/list", req, stringList, true, o);
  }
  /** Whether a collection exists (a missing one is `false`, not an error). */
  async has(req: Named, o: CallOptions = {}): Promise<boolean> {
    return (await post(this.t, "collections/has", req, z.object({ has: z.boolean() }), true, o)).has;
  }
  /** Drops a collection; idempotent on the server. */
  async drop(req: Named, o: CallOptions = {}): Promise<void> {
    await post(this.t, "collections/drop", req, emptyData, true, o);
  }
  /** Renames; not retried (a retry after success would fail on the old name). */
  async rename(req: Named & { newCollectionName: string; newDbName?: string }, o: CallOptions = {}): Promise<void> {
    await post(this.t, "collections/rename", req, emptyData, false, o);
  }
  /** Requests a load (asynchronous: poll `getLoadState`). */
  async load(req: Named, o: CallOptions = {}): Promise<void> {
    await post(this.t, "collections/load", req, emptyData, true, o);
  }
  async release(req: Named, o: CallOptions = {}): Promise<void> {
    await post(this.t, "collections/release", req, emptyData, true, o);
  }
  getLoadState(req: Named & { partitionNames?: string[] }, o: CallOptions = {}): Promise<LoadState> {
    return post(this.t, "collections/get_load_state", req, loadStateSchema, true, o);
  }
  /** Row count; the server may send a non-integer as a string. */
  getStats(req: Named, o: CallOptions = {}): Promise<{ rowCount: string | number }> {
    return post(this.t, "collections/get_stats", req, z.object({ rowCount: z.union([z.number(), z.string()]) }), true, o);
  }
  /** Sets collection properties (values sent as strings). */
  async alterProperties(req: Named & { properties: Record<string, unknown> }, o: CallOptions = {}): Promise<void> {
    await post(this.t, "collections/alter_properties", { ...req, properties: stringifyParams(req.properties) }, emptyData, true, o);
  }
  async dropProperties(req: Named & { propertyKeys: string[] }, o: CallOptions = {}): Promise<void> {
    await post(this.t, "collections/drop_properties", req, emptyData, true, o);
  }
  /** Adds one (nullable) field; not retried (a second add fails on the existing field). */
  async addField(req: Named & { schema: FieldSchema }, o: CallOptions = {}): Promise<void> {
    const schema = { ...req.schema, elementTypeParams: stringifyParams(req.schema.elementTypeParams) };
    await post(this.t, "collections/fields/add", { ...req, schema }, emptyData, false, o);
  }
}
