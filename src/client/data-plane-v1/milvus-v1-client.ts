/**
 * `MilvusV1Client`: the Milvus REST v1 (`/v1/vector/...`, `milvus-rest-api.md` §9). Success is
 * `code: 200`; list and describe are GETs with a query string.
 */
import { z } from "zod";
import type { MilvusClientOptions } from "../data-plane/milvus-client";
import { emptyData, stringList } from "../schema-helpers";
import { query } from "../path";
import { Transport } from "../transport";
import { type CallOptions, dropUndefined } from "../data-plane/call";

/** Body of v1 create: a fixed schema (Int64 autoID primary key + one FloatVector). */
export interface CreateCollectionV1Request {
  collectionName: string;
  /** Non-zero. */
  dimension: number;
  dbName?: string;
  description?: string;
  /** Default L2. */
  metricType?: string;
  primaryField?: string;
  vectorField?: string;
  enableDynamicField?: boolean;
}

export const collectionV1Schema = z.object({
  collectionName: z.string(),
  description: z.string().optional(),
  enableDynamicField: z.boolean().optional(),
  shardsNum: z.number().optional(),
  load: z.string().optional(),
  indexes: z.array(z.object({ fieldName: z.string(), indexName: z.string(), metricType: z.string().optional() })).nullish().transform((v) => v ?? []),
  fields: z
    .array(
      z.object({
        name: z.string(),
        /** Includes the size for vectors and VarChar, e.g. `FloatVector(8)`. */
        type: z.string(),
        primaryKey: z.boolean().optional(),
        autoId: z.boolean().optional(),
        description: z.string().optional(),
      }),
    )
    .nullish()
    .transform((v) => v ?? []),
});
/** v1 describe data. */
export type CollectionV1 = z.output<typeof collectionV1Schema>;

/** `/v1/vector/collections...`. */
export class CollectionsV1 {
  constructor(private readonly t: Transport) {}
  /** `GET /v1/vector/collections?dbName=`. */
  list(req: { dbName?: string } = {}, o: CallOptions = {}): Promise<string[]> {
    return this.t.call({ method: "GET", path: `/v1/vector/collections${query({ dbName: req.dbName })}`, schema: stringList, idempotent: true, signal: o.signal });
  }
  /** Creates, indexes (`vector_idx`) and loads. Never retried automatically. */
  async create(req: CreateCollectionV1Request, o: CallOptions = {}): Promise<void> {
    await this.t.call({ method: "POST", path: "/v1/vector/collections/create", body: dropUndefined(req), schema: emptyData, idempotent: false, signal: o.signal });
  }
  /** Missing: NotFoundError (100). */
  describe(req: { collectionName: string; dbName?: string }, o: CallOptions = {}): Promise<CollectionV1> {
    return this.t.call({ method: "GET", path: `/v1/vector/collections/describe${query({ collectionName: req.collectionName, dbName: req.dbName })}`, schema: collectionV1Schema, idempotent: true, signal: o.signal });
  }
  /** Not idempotent on the server: a missing collection gives NotFoundError (100). */
  async drop(req: { collectionName: string; dbName?: string }, o: CallOptions = {}): Promise<void> {
    await this.t.call({ method: "POST", path: "/v1/vector/collections/drop", body: dropUndefined(req), schema: emptyData, idempotent: true, signal: o.signal });
  }
}

/** Typed client for the Milvus REST v1 collections API. */
export class MilvusV1Client {
  readonly collections: CollectionsV1;
  readonly transport: Transport;
  constructor(opts: MilvusClientOptions) {
    const { endpoint, token, ...rest } = opts;
    // v1 has no DB-Name header: the database travels in the body or query.
    this.transport = new Transport({ ...rest, dbName: undefined, baseUrl: endpoint, token });
    this.collections = new CollectionsV1(this.transport);
  }
}
