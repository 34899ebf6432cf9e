/** Milvus data plane v2: partitions and aliases (`milvus-rest-api.md` §5.5–5.6). */
import { z } from "zod";
import { emptyData, stringList } from "../schema-helpers";
import type { Transport } from "../transport";
import { type CallOptions, post } from "./call";

type Named = { collectionName: string; dbName?: string };

/** `/v2/vectordb/partitions/...`. */
export class Partitions {
  constructor(private readonly t: Transport) {}
  /** Idempotent on the server (an existing partition gives 0), but still a create: not retried. */
  async create(req: Named & { partitionName: string }, o: CallOptions = {}): Promise<void> {
    await post(this.t, "partitions/create", req, emptyData, false, o);
  }
  list(req: Named, o: CallOptions = {}): Promise<string[]> {
    return post(this.t, "partitions/list", req, stringList, true, o);
  }
  async has(req: Named & { partitionName: string }, o: CallOptions = {}): Promise<boolean> {
    return (await post(this.t, "partitions/has", req, z.object({ has: z.boolean() }), true, o)).has;
  }
  async drop(req: Named & { partitionName: string }, o: CallOptions = {}): Promise<void> {
    await post(this.t, "partitions/drop", req, emptyData, true, o);
  }
  /** Requests a load of the partitions (asynchronous: poll `collections.getLoadState` with `partitionNames`). */
  async load(req: Named & { partitionNames: string[] }, o: CallOptions = {}): Promise<void> {
    await post(this.t, "partitions/load", req, emptyData, true, o);
  }
  async release(req: Named & { partitionNames: string[] }, o: CallOptions = {}): Promise<void> {
    await post(this.t, "partitions/release", req, emptyData, true, o);
  }
  /** Row count of one partition (int64: may arrive as a string). Missing partition: NotFoundError (200). */
  getStats(req: Named & { partitionName: string }, o: CallOptions = {}): Promise<{ rowCount: string | number }> {
    return post(this.t, "partitions/get_stats", req, z.object({ rowCount: z.union([z.number(), z.string()]) }), true, o);
  }
}

export const aliasDescriptionSchema = z.object({ aliasName: z.string(), collectionName: z.string(), dbName: z.string().optional() });
/** `aliases/describe` data. */
export type AliasDescription = z.output<typeof aliasDescriptionSchema>;

/** `/v2/vectordb/aliases/...`. */
export class Aliases {
  constructor(private readonly t: Transport) {}
  /** Pointing elsewhere already: AlreadyExistsError (1602). */
  async create(req: { aliasName: string; collectionName: string; dbName?: string }, o: CallOptions = {}): Promise<void> {
    await post(this.t, "aliases/create", req, emptyData, false, o);
  }
  /** Missing: NotFoundError (1600). */
  describe(req: { aliasName: string; dbName?: string }, o: CallOptions = {}): Promise<AliasDescription> {
    return post(this.t, "aliases/describe", req, aliasDescriptionSchema, true, o);
  }
  /** Aliases of one collection, or of the whole database when `collectionName` is omitted. */
  list(req: { collectionName?: string; dbName?: string } = {}, o: CallOptions = {}): Promise<string[]> {
    return post(this.t, "aliases/list", req, stringList, true, o);
  }
  async drop(req: { aliasName: string; dbName?: string }, o: CallOptions = {}): Promise<void> {
    await post(this.t, "aliases/drop", req, emptyData, true, o);
  }
  /** Re-points an alias; repeating it is a no-op, so it is retried. */
  async alter(req: { aliasName: string; collectionName: string; dbName?: string }, o: CallOptions = {}): Promise<void> {
    await post(this.t, "aliases/alter", req, emptyData, true, o);
  }
}
